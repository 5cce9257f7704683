import EvqDiagnostics
import EvqEval
import EvqExtract
import EvqModel
import Foundation
import FuzzSupport

/// The seed corpus, extracted once per fuzzing process (an immutable constant, not state).
let seedCorpus: Corpus = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
    return (try? CorpusLoader().load(paths: [root + "/seeds"]).corpus) ?? .empty
}()

/// Arbitrary bytes as a query: lexer, parser, checker and evaluator over the seed events.
/// Any diagnostic or result is fine; a crash or a hang is a bug.
@_cdecl("fuzz_query_main")
func fuzzQueryMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    _ = seedCorpus.all.count
    return runFuzzer(argc, argv) { data, size in
        let bytes = UnsafeBufferPointer(start: data, count: data == nil ? 0 : size)
        let text = String(decoding: bytes, as: UTF8.self)
        var context = QueryContext(corpus: seedCorpus, today: Day(year: 2026, month: 1, day: 1)!)
        _ = QueryEngine.isComplete(text)
        _ = QueryEngine.run(SourceFile(name: "fuzz", text: text), in: &context)
        return 0
    }
}
