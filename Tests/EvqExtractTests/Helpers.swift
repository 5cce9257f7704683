import EvqModel
import Testing
@testable import EvqExtract

/// Tokens of a plain string.
func tokens(_ s: String) -> [Token] {
    let u = Array(s.utf8)
    return Tokenizer().tokenize(u, from: 0, to: u.count)
}

func day(_ s: String) -> Day {
    guard let d = Day(iso: s) else { fatalError("bad test date \(s)") }
    return d
}

/// Resolves the first date expression of `text` against publication day `pub`.
func resolveFirst(_ text: String, pub: String?, future: Bool = false) -> EventDate? {
    let t = tokens(text)
    guard let m = TemporalTagger().tag(t).first else { return nil }
    return DateResolver().resolve(m.expression, text: m.text, window: pub.map { .day(day($0)) }, future: future)
}

/// Extraction of the named files of a folder.
func extract(files: [(name: String, text: String)]) -> Extraction {
    Extractor().extract(files.map { RawDocument(name: $0.name, bytes: Array($0.text.utf8)) })
}

/// Events of a one-paragraph article published on `date` (front matter), statements left out.
func articleEvents(_ body: String, date: String = "2025-03-03") -> [Event] {
    extract(files: [("a.txt", "---\ndate: \(date)\n---\n\(body)\n")]).corpus.all.filter { $0.type != .statement }
}

/// One sentence and the event it must yield (the rule tables of GeneralisationRuleTests and
/// PrecisionRuleTests). `total` is checked only when given.
struct OneEventCase: Sendable, CustomStringConvertible {
    var text: String
    var type: EventType
    var status: Status = .occurred
    var count: Int?
    var date: String?
    var total: Bool?
    var description: String { text }

    /// Extracts `text` and checks the first event of `type` field by field.
    func check() throws {
        let all = articleEvents(text)
        let e = try #require(all.first { $0.type == type }, "\(all.map(\.summary))")
        #expect(e.status == status)
        #expect(e.count?.value == count)
        if let total { #expect(e.total == total) }
        if let date { #expect(e.date.display == date) }
    }
}
