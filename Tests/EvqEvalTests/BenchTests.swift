import EvqDiagnostics
import EvqEval
import EvqModel
import Foundation
import Testing

/// A rough timing of typical queries over a million random events. Off by default (it is a
/// measurement, not a test); run with `EVQ_BENCH=1 swift test -c release --filter queryTimings`.
@Test(.enabled(if: ProcessInfo.processInfo.environment["EVQ_BENCH"] == "1"))
func queryTimings() {
    var r = SplitMix(seed: 7)
    let clock = ContinuousClock()
    let start = clock.now
    let corpus = RandomCorpus.corpus(&r, count: 1_000_000)
    print("build corpus: \(clock.now - start)")
    var context = QueryContext(corpus: corpus, today: Day(iso: "2026-01-15")!)
    for q in [
        "events | count",
        "releases where date > 2025-09 | count",
        "events where count > 50 and date >= 2025-06 and type = release | count",
        "events where actors contains \"coale\" | count",
        "events | count by month(date)",
        "events | sort count desc | take 10",
        "releases where date > 2025-09",
    ] {
        let t0 = clock.now
        let out = QueryEngine.run(SourceFile(name: "b", text: q), in: &context)
        let t = clock.now - t0
        var rows = -1
        if case .result(let res, _) = out.last { rows = res.rows.count }
        print("\(t)\t\(rows) rows\t\(q)")
    }
}
