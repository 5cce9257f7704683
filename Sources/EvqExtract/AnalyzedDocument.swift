import EvqModel

/// One document after the per-document stages, before its dates are anchored.
struct AnalyzedDocument: Sendable {
    struct SentenceInfo: Sendable {
        var start: Int
        var end: Int
        var kind: Block.Kind
    }

    /// The cleaned text's UTF-8 bytes: sentences are byte ranges of it, and a sentence's text
    /// is built only when an event quotes it (`sentenceText`), not for every sentence read.
    var utf8: [UInt8] = []

    /// The text of sentence `k`.
    func sentenceText(_ k: Int) -> String { Tokenizer.string(utf8, sentences[k].start, sentences[k].end) }

    var name: String
    var bytes: Int
    var title: String
    var sentences: [SentenceInfo]
    var candidates: [Candidate]
    /// Speaker name -> sentences where they speak (in order), for statements.
    var statements: [(speaker: String, sentence: Int, date: DateMention?)]
    /// Publication date given by metadata or a dateline (nil if neither).
    var givenDate: EventDate?
    var dateSource: DateSource
    /// A dateline's month and day without a year, to be completed from the text.
    var datelineMonthDay: (month: Int, day: Int)?
    var datelinePlace: String?
    /// The latest start of an absolute date in the body: publication is on or after it.
    var textLowerBound: Day?
    /// "before the New Year": publication is before the next 1 January.
    var beforeNewYear: Bool
    /// Full person names seen, with roles.
    var persons: [String: String?]
    /// Spellings resolved inside the document: variant -> the name it was resolved to.
    var variants: [String: String] = [:]
    var warnings: [String]
}
