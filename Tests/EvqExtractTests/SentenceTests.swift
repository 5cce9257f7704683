import Testing
@testable import EvqExtract

struct SentenceTests {
    static let cases: [(text: String, count: Int)] = [
        ("The U.S. envoy said so. He left.", 2),
        ("They met on Dec. 12, 2025 in Minsk. Then they left.", 2),
        ("Mr. Coale met Mrs. Smith. It went well.", 2),
        ("Belarus has released hundreds of prisoners since July 2024.John Coale made the announcement.", 2),
        ("J. Smith arrived. He spoke.", 2),
        ("\"We are lifting sanctions.\" He said it twice.", 2),
        ("It was imposed by the U.S. The EU followed.", 2),
        ("Population is 9.5 million people. That is small.", 2),
        ("No full stop at the end", 1),
    ]

    @Test(arguments: cases)
    func splits(_ c: (text: String, count: Int)) {
        let s = SentenceSplitter().split(tokens(c.text), kind: .body, blockIndex: 0)
        #expect(s.count == c.count, "\(c.text)")
    }

    @Test func runOnSplitKeepsBothHalves() {
        let text = "released since July 2024.John Coale spoke."
        let s = SentenceSplitter().split(tokens(text), kind: .body, blockIndex: 0)
        let u = Array(text.utf8)
        #expect(s.map { String(decoding: u[$0.start..<$0.end], as: UTF8.self) } == ["released since July 2024.", "John Coale spoke."])
    }

    @Test func runOnTextIsCutIntoBoundedSentences() {
        let words = String(repeating: "released ", count: 1000)
        let s = SentenceSplitter().split(tokens(words), kind: .body, blockIndex: 0)
        #expect(s.allSatisfy { $0.tokens.count <= SentenceSplitter.hardLimit })
        #expect(s.map(\.tokens.count).reduce(0, +) == 1000)
        let commas = String(repeating: "the envoy met officials, ", count: 100)
        let t = SentenceSplitter().split(tokens(commas), kind: .body, blockIndex: 0)
        #expect(t.count > 1)
        #expect(t.dropLast().allSatisfy { $0.tokens.last?.lower == "," })
    }
}
