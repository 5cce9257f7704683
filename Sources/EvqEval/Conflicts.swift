import EvqModel

/// The `conflicts` collection: one row per version of a disagreement between sources, read from
/// the extractor's `attributes["conflicts"]` (docs/EXTRACTION.md). A note reads
/// `FIELD: VALUE (SOURCE,SOURCE) / VALUE (SOURCE)`, several notes are joined by `; `, and notes
/// made inside one article carry no sources (`count: 31 / 40`).
public enum Conflicts {
    /// The collection's name; a `let` binding of the same name takes precedence.
    public static let name = "conflicts"
    /// The columns of a row.
    public static let columns = ["id", "type", "date", "field", "version", "sources", "evidence"]

    /// One source's version of a field.
    public struct Version: Sendable, Hashable {
        /// The field the sources disagree on (`count`, or `date` / `place` if the extractor notes them).
        public var field: String
        /// The value as one source reported it.
        public var value: String
        /// The documents that reported this value (empty when the note does not say).
        public var sources: [String]
    }

    /// Parses a conflicts attribute into versions, merging repeated values (their sources are
    /// united) and keeping first-seen order.
    public static func versions(_ note: String) -> [Version] {
        var out: [Version] = []
        for part in note.split(separator: ";") {
            let text = part.trimmingCharacters(in: .whitespaces)
            guard let colon = text.firstIndex(of: ":") else { continue }
            let field = text[..<colon].trimmingCharacters(in: .whitespaces)
            for raw in text[text.index(after: colon)...].split(separator: "/") {
                var value = raw.trimmingCharacters(in: .whitespaces)
                var sources: [String] = []
                if value.hasSuffix(")"), let open = value.lastIndex(of: "(") {
                    sources = value[value.index(after: open)..<value.index(before: value.endIndex)]
                        .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                    value = value[..<open].trimmingCharacters(in: .whitespaces)
                }
                guard !value.isEmpty, !field.isEmpty else { continue }
                if let i = out.firstIndex(where: { $0.field == field && $0.value == value }) {
                    for s in sources where !out[i].sources.contains(s) { out[i].sources.append(s) }
                } else {
                    out.append(Version(field: field, value: value, sources: sources))
                }
            }
        }
        return out
    }

    /// The rows of the collection, in event order, each with the event it describes.
    static func rows(_ corpus: Corpus) -> (rows: [[Value]], events: [Event]) {
        var rows: [[Value]] = []
        var events: [Event] = []
        for e in corpus.all {
            guard let note = e.attributes["conflicts"] else { continue }
            let versions = versions(note)
            guard versions.count > 1 else { continue }
            for v in versions {
                rows.append([.text(e.id), .text(e.type.rawValue), e.date.isMissing ? .missing : .date(e.date), .text(v.field),
                             .text(v.value), .list(v.sources.sorted().map { .text($0) }), evidence(for: v, in: e).map { .text($0) } ?? .missing])
                events.append(e)
            }
        }
        return (rows, events)
    }

    /// The sentence behind a version: the first evidence sentence from one of its sources that
    /// mentions the value's digits, else the first from one of its sources.
    static func evidence(for v: Version, in e: Event) -> String? {
        let fromSources = e.evidence.filter { v.sources.isEmpty || v.sources.contains($0.source) }
        let digits = v.value.filter(\.isNumber)
        if !digits.isEmpty, let hit = fromSources.first(where: { $0.sentence.contains(digits) }) { return hit.sentence }
        return fromSources.first?.sentence
    }

    /// The collection as a bound result (rows aligned with their events, so `.export` reaches them).
    static func resultSet(_ corpus: Corpus) -> ResultSet {
        let (rows, events) = rows(corpus)
        return ResultSet(kind: .table, columns: columns.map(Column.init), rows: rows, events: events)
    }
}
