import EvqModel
import Foundation
import Testing

@testable import EvqExtract

/// Extraction time grows linearly with run-on text (one block, no paragraph breaks, many
/// triggers and names): four times the words must cost well under sixteen times the CPU. A
/// ratio of the same process's CPU time, so the machine's speed and load do not matter.
/// (scripts/reliability.sh checks the release build at 10 MB.)
struct LinearityTests {
    static func runOn(words: Int) -> RawDocument {
        var rng = FuzzTests.SeededGenerator(state: 7)
        let vocabulary = ["the", "released", "prisoners", "Minsk", "said", "on", "Tuesday", "42", "sanctions", "envoy", "met", "more",
                          "than", "Kowalski", "Lukashenko", "arrested", "pardoned", "Vilnius"]
        let text = (0..<words).map { _ in vocabulary[Int(rng.next() % UInt64(vocabulary.count))] }.joined(separator: " ")
        return RawDocument(name: "runon.txt", bytes: Array(text.utf8))
    }

    static func threadCPU() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    static func cost(words: Int) -> Double {
        let document = runOn(words: words)
        let extractor = Extractor()
        let start = threadCPU()
        _ = extractor.extract([document])
        return threadCPU() - start
    }

    @Test func runOnTextExtractsInLinearTime() {
        _ = Self.cost(words: 5_000)  // warm up (lexicon, allocator)
        let small = Self.cost(words: 40_000)
        let large = Self.cost(words: 160_000)
        #expect(large / small < 7, "40,000 words: \(small) s, 160,000 words: \(large) s of CPU (x\(large / small))")
    }
}

/// The extractor version keys the event cache; it must notice a lexicon edit, which it can only
/// do if the lexicon files were found and fingerprinted.
struct ExtractorVersionTests {
    @Test func versionNamesTheCodeRevisionAndALexiconFingerprint() {
        #expect(Extractor.version.hasPrefix("x\(Extractor.codeRevision)-"))
        #expect(Extractor.lexiconFingerprint() != "0", "the Lexicons resource folder was not found")
        #expect(Extractor.lexiconFingerprint() != String(ContentDigest().lane64, radix: 16), "no lexicon file was read")
        #expect(Extractor.lexiconFingerprint() == Extractor.lexiconFingerprint())
        #expect(Extractor.version == "x\(Extractor.codeRevision)-" + Extractor.lexiconFingerprint())
    }
}
