import EvqModel
import EvqSema

/// The `conflicts` collection: one row per version of a disagreement between sources, read from
/// the extractor's `attributes["conflicts"]` (docs/EXTRACTION.md), plus the pairs of events
/// that differ only in their date (`dateDisagreements`), which the merger keeps apart. A note reads
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
        for (a, b) in dateDisagreements(corpus.all) {
            for e in [a, b] {
                rows.append([.text(e.id), .text(e.type.rawValue), .date(e.date), .text("date"), .text(e.date.display),
                             .list(e.sources.sorted().map { .text($0) }), e.evidence.first.map { .text($0.sentence) } ?? .missing])
                events.append(e)
            }
        }
        return (rows, events)
    }

    /// Most days apart two reports may be to count as one happening dated differently.
    static let dateWindow = 3
    /// Most later events each event is compared with (bounds the pass on dense data).
    static let neighbourLimit = 50

    /// Pairs of events the merger kept apart because their dates differ, although everything
    /// else says they are one happening: the same type, status and exact count, day-precise dates
    /// at most `dateWindow` days apart, a shared place or actor, and no source in common (one
    /// article does not contradict itself). In date order; a linear pass over buckets.
    static func dateDisagreements(_ all: [Event]) -> [(Event, Event)] {
        var buckets: [String: [Int]] = [:]
        for (i, e) in all.enumerated() {
            guard !e.total, e.date.precision == .day, e.date.start != nil, let q = e.count, q.value != nil, q.qualifier == .exact else { continue }
            buckets["\(e.type.rawValue)|\(e.status.rawValue)|\(q.display)", default: []].append(i)
        }
        var pairs: [(Int, Int)] = []
        for key in buckets.keys.sorted() {
            let members = (buckets[key] ?? []).sorted { (all[$0].date.start?.number ?? 0, all[$0].id) < (all[$1].date.start?.number ?? 0, all[$1].id) }
            for (n, i) in members.enumerated() {
                let a = all[i]
                for j in members.dropFirst(n + 1).prefix(neighbourLimit) {
                    let b = all[j]
                    guard let sa = a.date.start?.number, let sb = b.date.start?.number else { continue }
                    if sb - sa > dateWindow { break }
                    if sa == sb || !Set(a.sources).isDisjoint(with: b.sources) { continue }
                    let sharesPlace = !Set(a.places.map(Fold.fold)).isDisjoint(with: b.places.map(Fold.fold))
                    let sharesActor = !Set(a.actors.map(Fold.fold)).isDisjoint(with: b.actors.map(Fold.fold))
                    if sharesPlace || sharesActor { pairs.append((i, j)) }
                }
            }
        }
        pairs.sort { (all[$0.0].date.start?.number ?? 0, all[$0.0].id, all[$0.1].id) < (all[$1.0].date.start?.number ?? 0, all[$1.0].id, all[$1.1].id) }
        return pairs.map { (all[$0.0], all[$0.1]) }
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
