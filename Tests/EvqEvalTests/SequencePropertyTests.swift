import EvqDiagnostics
import EvqEval
import EvqModel
import Testing

/// `sequence` against a brute-force reading of the rule (docs/LANGUAGE.md, "Sequences") on
/// random small corpora: every ordered triple of distinct dated events, in the order of the
/// events sorted by (start, end, id).
@Test func sequenceMatchesBruteForce() throws {
    var withChains = 0
    for seed in 0..<100 {
        let found = try bruteForceCase(seed: seed)
        if found > 0 { withChains += 1 }
    }
    // The random corpora must exercise the search, not only the empty answer.
    #expect(withChains >= 20, "\(withChains)")
}

/// Runs one random case; returns how many chains it has.
func bruteForceCase(seed: Int) throws -> Int {
    var r = SplitMix(seed: UInt64(seed) &* 7919 &+ 17)
    let pool = ["Ana", "Ben", "Cleo"]
    let first = try #require(Day(iso: "2025-11-01"))
    var events: [Event] = []
    for i in 0..<r.int(3...9) {
        let date: EventDate
        if r.chance(0.1) {
            date = .missing
        } else {
            let s = first.adding(days: r.int(0...40))
            let e = s.adding(days: r.chance(0.6) ? 0 : r.int(1...12))
            date = EventDate(start: s, end: e, precision: EventDate.precision(covering: s, e))
        }
        let actors = pool.filter { _ in r.chance(0.4) }
        events.append(Event(id: "x\(i)", type: r.pick([.release, .meeting]), date: date, actors: actors, sources: ["a.txt"]))
    }
    let within = r.chance(0.5) ? r.int(1...30) : nil
    let byActors = r.chance(0.5)
    let text = "sequence" + (byActors ? " by actors" : "") + (within.map { " within \($0)d" } ?? "") + " [events] [events] [events]"

    let dated = events.filter { !$0.date.isMissing }.sorted {
        ($0.date.start!.number, $0.date.end!.number, $0.id) < ($1.date.start!.number, $1.date.end!.number, $1.id)
    }
    var expected: [String] = []
    for a in dated {
        for b in dated where b.id != a.id && b.date.start! >= a.date.end! {
            for c in dated where c.id != a.id && c.id != b.id && c.date.start! >= b.date.end! {
                if let within, c.date.end!.number - a.date.start!.number + 1 > within { continue }
                if byActors, Set(a.actors).intersection(b.actors).intersection(c.actors).isEmpty { continue }
                expected.append("\(a.id)>\(b.id)>\(c.id)")
            }
        }
    }
    #expect(SequenceFixture.chains(text, corpus: Corpus(events: events)) == expected, "seed \(seed): \(text)")
    return expected.count
}
