/// An immutable event set with its documents and name variants: what queries run over.
public struct Corpus: Sendable, Hashable {
    /// Every event of every collection, in canonical order (date start, then id; missing dates last).
    public private(set) var all: [Event]
    public var documents: [Document]
    /// Canonical name -> spelling variants seen (not including the name itself).
    public var aliases: [String: [String]]

    public init(events: [Event], documents: [Document] = [], aliases: [String: [String]] = [:]) {
        self.all = Corpus.canonicallySorted(events)
        self.documents = documents.sorted { $0.name < $1.name }
        self.aliases = aliases
    }

    public static let empty = Corpus(events: [])

    /// `events` in `canonicalOrder`. Sorting 160-byte events directly copies (and reference
    /// counts) them at every step of the sort, which took seconds for a million; this sorts
    /// small keys and copies each event once.
    public static func canonicallySorted(_ events: [Event]) -> [Event] {
        let keys = events.map { (start: $0.date.start?.number ?? Int.max, end: $0.date.end?.number ?? Int.max) }
        var order = Array(events.indices)
        order.sort { i, j in
            let a = keys[i], b = keys[j]
            if a.start != b.start { return a.start < b.start }
            if a.end != b.end { return a.end < b.end }
            return events[i].id < events[j].id
        }
        return order.map { events[$0] }
    }

    /// Deterministic result order: by date start (missing last), then date end, then id.
    public static func canonicalOrder(_ a: Event, _ b: Event) -> Bool {
        switch (a.date.start, b.date.start) {
        case let (x?, y?) where x != y: return x < y
        case (nil, _?): return false
        case (_?, nil): return true
        default: break
        }
        if let x = a.date.end, let y = b.date.end, x != y { return x < y }
        return a.id < b.id
    }

    /// The events of one of the three top-level collections.
    public func events(in collection: EventCollection) -> [Event] {
        all.filter { $0.collection == collection }
    }

    /// Every spelling of a canonical name, the name first.
    public func spellings(of name: String) -> [String] {
        [name] + (aliases[name] ?? [])
    }

    /// Two corpora together (e.g. `--corpus a --corpus b`): events and documents appended,
    /// aliases united.
    public func merged(with other: Corpus) -> Corpus {
        var aliases = self.aliases
        for (k, v) in other.aliases { aliases[k] = Array(Set((aliases[k] ?? []) + v)).sorted() }
        return Corpus(events: all + other.all, documents: documents + other.documents, aliases: aliases)
    }
}
