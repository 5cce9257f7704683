import EvqModel
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
