/// An immutable event set with its documents and name variants: what queries run over.
public struct Corpus: Sendable, Hashable {
    /// Every event of every collection, in canonical order (date start, then id; missing dates last).
    public private(set) var all: [Event]
    public var documents: [Document]
    /// Canonical name -> spelling variants seen (not including the name itself).
    public var aliases: [String: [String]]

    public init(events: [Event], documents: [Document] = [], aliases: [String: [String]] = [:]) {
        var events = events
        Corpus.sortCanonically(&events)
        self.all = events
        self.documents = documents.sorted { $0.name < $1.name }
        self.aliases = aliases
    }

    public static let empty = Corpus(events: [])

    /// `events` in `canonicalOrder`. Sorting 160-byte events directly copies (and reference
    /// counts) them at every step of the sort, which took seconds for a million; this sorts
    /// small keys and then moves each event once, in place when the array is not shared (an
    /// event set loaded from the cache is usually in canonical order already, which costs one
    /// pass to confirm and no copy at all).
    public static func canonicallySorted(_ events: consuming [Event]) -> [Event] {
        var events = events
        sortCanonically(&events)
        return events
    }

    /// Puts `events` in `canonicalOrder` in place (see `canonicallySorted`).
    public static func sortCanonically(_ events: inout [Event]) {
        guard let order = canonicalPermutation(events) else { return }
        let n = events.count
        // Follow the permutation's cycles, moving each event once (no copies, no reference
        // counting). `order[k]` is the old position of the event that belongs at `k`.
        var placed = [Bool](repeating: false, count: n)
        events.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            for first in 0..<n where !placed[first] {
                placed[first] = true
                if order[first] == first { continue }
                let held = (base + first).move()
                var k = first
                while order[k] != first {
                    let from = order[k]
                    (base + k).moveInitialize(from: base + from, count: 1)
                    placed[from] = true
                    k = from
                }
                (base + k).initialize(to: held)
            }
        }
    }

    /// The positions of `events` in `canonicalOrder` (`order[k]` is the position of the event
    /// that comes k-th), or nil when they are in that order already. Lets a writer emit a
    /// sorted event set without copying it.
    public static func canonicalPermutation(_ events: [Event]) -> [Int]? {
        if isCanonicallySorted(events) { return nil }
        return events.withUnsafeBufferPointer { e in
            let keys = e.map { (start: $0.date.start?.number ?? Int.max, end: $0.date.end?.number ?? Int.max) }
            var order = Array(0..<e.count)
            order.sort { i, j in
                let a = keys[i], b = keys[j]
                if a.start != b.start { return a.start < b.start }
                if a.end != b.end { return a.end < b.end }
                return e[i].id < e[j].id
            }
            return order
        }
    }

    /// True when `events` is already in `canonicalOrder` (one pass, comparing neighbours).
    public static func isCanonicallySorted(_ events: [Event]) -> Bool {
        events.withUnsafeBufferPointer { e in
            guard e.count > 1 else { return true }
            var previous = (start: e[0].date.start?.number ?? Int.max, end: e[0].date.end?.number ?? Int.max)
            for i in 1..<e.count {
                let key = (start: e[i].date.start?.number ?? Int.max, end: e[i].date.end?.number ?? Int.max)
                if key.start != previous.start {
                    if key.start < previous.start { return false }
                } else if key.end != previous.end {
                    if key.end < previous.end { return false }
                } else if e[i].id < e[i - 1].id {
                    return false
                }
                previous = key
            }
            return true
        }
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
