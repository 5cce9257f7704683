/// Where an event was read: a sentence of one document and its byte span in that document's text.
public struct Evidence: Sendable, Hashable, Codable {
    /// The document's file name.
    public var source: String
    /// The sentence, as it stands in the cleaned text.
    public var sentence: String
    /// UTF-8 byte offsets `[start, end)` of the sentence in the document's decoded text.
    public var span: SourceSpanValue

    public init(source: String, sentence: String, span: SourceSpanValue) {
        self.source = source
        self.sentence = sentence
        self.span = span
    }
}

/// A byte range as stored data (`{"start": 10, "end": 42}`). Kept separate from
/// `SourceSpan` so the model's file format does not depend on the diagnostics module's.
public struct SourceSpanValue: Sendable, Hashable, Codable {
    public var start: Int
    public var end: Int
    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }
}

/// One happening, possibly reported by several documents.
///
/// The stored properties are declared in the order that packs them tightest (the one-byte
/// fields after the date, whose tail has room for them): 144 bytes per event instead of 160.
public struct Event: Sendable, Hashable {
    /// Short, stable, derived from content (see `EventID`).
    public var id: String
    public var type: EventType
    /// Canonical names.
    public var actors: [String]
    /// Canonical place names.
    public var places: [String]
    /// File names of the documents that report it, sorted.
    public var sources: [String]
    public var evidence: [Evidence]
    /// Anything else worth keeping (women, men, charge, in_exchange_for, also_type, conflicts...).
    /// Sorted by key when encoded.
    public var attributes: [String: String]
    public var date: EventDate
    public var status: Status
    /// True for cumulative totals ("more than 430 released since July 2024").
    public var total: Bool
    public var count: Quantity?

    public init(
        id: String = "", type: EventType, status: Status = .occurred, total: Bool = false,
        date: EventDate = .missing, count: Quantity? = nil, actors: [String] = [], places: [String] = [],
        sources: [String] = [], evidence: [Evidence] = [], attributes: [String: String] = [:]
    ) {
        self.id = id
        self.type = type
        self.status = status
        self.total = total
        self.date = date
        self.count = count
        self.actors = actors
        self.places = places
        self.sources = sources
        self.evidence = evidence
        self.attributes = attributes
    }

    public var category: Category { type.category }

    /// Which collection an event belongs to: discrete happenings, cumulative totals, or things
    /// that must never be counted as having happened.
    public var collection: EventCollection { Event.collection(total: total, status: status) }

    /// The collection of an event with these fields (for scans that read the fields one at a
    /// time: calling `collection` on an array element copies the whole event).
    @inlinable public static func collection(total: Bool, status: Status) -> EventCollection {
        if total { return .totals }
        if status != .occurred { return .unconfirmed }
        return .events
    }

    /// A one-line human summary used by `sequence`, reports and the `summary` field.
    public var summary: String {
        var parts = [type.rawValue]
        if let c = count, !c.display.isEmpty { parts.append(c.display) }
        if !actors.isEmpty { parts.append(actors.prefix(2).joined(separator: ", ")) }
        if !places.isEmpty { parts.append("in " + places.prefix(2).joined(separator: ", ")) }
        return parts.joined(separator: " ")
    }
}

/// The three top-level event collections of the design.
public enum EventCollection: String, Sendable, Hashable, CaseIterable {
    case events, totals, unconfirmed
}

extension Event: Codable {
    enum CodingKeys: String, CodingKey {
        case id, type, category, cameo, status, total, date, count, actors, places, place, sources, source, evidence, attributes
    }

    /// Decodes the full form written by `encode(to:)` and the compact import forms of the design:
    /// `date` as a string, `count` as an integer, `place` as a single string, missing optional fields.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        type = try c.decode(EventType.self, forKey: .type)
        id = try c.decodeIfPresent(String.self, forKey: .id) ?? ""
        status = try c.decodeIfPresent(Status.self, forKey: .status) ?? .occurred
        total = try c.decodeIfPresent(Bool.self, forKey: .total) ?? false
        date = try c.decodeIfPresent(EventDate.self, forKey: .date) ?? .missing
        count = try c.decodeIfPresent(Quantity.self, forKey: .count)
        if count?.value == nil && count?.text == nil { count = nil }
        actors = try c.decodeIfPresent([String].self, forKey: .actors) ?? []
        var places = try c.decodeIfPresent([String].self, forKey: .places) ?? []
        if let single = try c.decodeIfPresent(String.self, forKey: .place) { places.append(single) }
        self.places = places
        var sources = try c.decodeIfPresent([String].self, forKey: .sources) ?? []
        if let single = try c.decodeIfPresent(String.self, forKey: .source) { sources.append(single) }
        self.sources = sources
        evidence = try c.decodeIfPresent([Evidence].self, forKey: .evidence) ?? []
        attributes = try c.decodeIfPresent([String: String].self, forKey: .attributes) ?? [:]
        if id.isEmpty { id = EventID.make(for: self) }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(type, forKey: .type)
        try c.encode(category, forKey: .category)
        try c.encode(cameo, forKey: .cameo)
        try c.encode(status, forKey: .status)
        try c.encode(total, forKey: .total)
        try c.encode(date, forKey: .date)
        try c.encode(count, forKey: .count)
        try c.encode(actors, forKey: .actors)
        try c.encode(places, forKey: .places)
        try c.encode(sources, forKey: .sources)
        try c.encode(evidence, forKey: .evidence)
        try c.encode(attributes, forKey: .attributes)
    }
}

/// Content-derived event identifiers: the same corpus gives the same ids on every run, and
/// adding an unrelated article does not renumber anything.
public enum EventID {
    /// `e` + 7 hex digits of FNV-1a over type, status, total, date, count and sorted sources.
    public static func make(for event: Event) -> String {
        var key = "\(event.type.rawValue)|\(event.status.rawValue)|\(event.total)|\(event.date.display)|"
        key += "\(event.count?.display ?? "")|\(event.sources.sorted().joined(separator: ","))|"
        key += event.evidence.first.map { "\($0.source):\($0.span.start)" } ?? event.actors.joined(separator: ",")
        return "e" + String(String(fnv1a(key), radix: 16).suffix(7)).leftPadded(to: 7)
    }

    public static func fnv1a(_ text: String) -> UInt64 { ContentDigest.fnv1a64(text) }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
