/// An immutable event set with its documents and name variants: what queries run over.
public struct Corpus: Sendable, Hashable {
    /// Every event of every collection, in canonical order (date start, then id; missing dates last).
    public private(set) var all: [Event]
    public var documents: [Document]
    /// Canonical name -> spelling variants seen (not including the name itself).
    public var aliases: [String: [String]]

    public init(events: [Event], documents: [Document] = [], aliases: [String: [String]] = [:]) {
        self.all = events.sorted(by: Corpus.canonicalOrder)
        self.documents = documents.sorted { $0.name < $1.name }
        self.aliases = aliases
    }

    public static let empty = Corpus(events: [])

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
