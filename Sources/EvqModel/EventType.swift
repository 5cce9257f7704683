/// The coarse group of an event type, named by its plural collection (`releases`, `sanctions`, ...).
public enum Category: String, Sendable, Hashable, Codable, CaseIterable {
    case releases, sanctions, meetings, arrests, deportations, statements, awards, other
}

/// The fine type of an event. The extractor produces only the `known` types; imported event
/// sets may carry any other name, which is kept as given with category `other`.
public struct EventType: RawRepresentable, Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue.lowercased() }
    public init(_ raw: String) { self.init(rawValue: raw) }

    public static let release = EventType("release")
    public static let pardon = EventType("pardon")
    public static let amnesty = EventType("amnesty")
    public static let exchange = EventType("exchange")
    public static let deportation = EventType("deportation")
    public static let sanctionsEased = EventType("sanctions_eased")
    public static let sanctionsImposed = EventType("sanctions_imposed")
    public static let meeting = EventType("meeting")
    public static let arrest = EventType("arrest")
    public static let sentencing = EventType("sentencing")
    public static let award = EventType("award")
    public static let statement = EventType("statement")

    /// The closed list the extractor produces, in documentation order, with one-line meanings.
    public static let known: [(type: EventType, category: Category, summary: String)] = [
        (.release, .releases, "prisoners or detainees set free"),
        (.pardon, .releases, "a pardon (by decree) of convicted people"),
        (.amnesty, .releases, "an amnesty covering a group"),
        (.exchange, .releases, "a prisoner exchange between two sides"),
        (.deportation, .deportations, "people expelled or driven across a border"),
        (.sanctionsEased, .sanctions, "sanctions lifted, eased or suspended"),
        (.sanctionsImposed, .sanctions, "sanctions imposed, extended or tightened"),
        (.meeting, .meetings, "talks, visits, calls between named parties"),
        (.arrest, .arrests, "people detained or arrested"),
        (.sentencing, .arrests, "people sentenced or convicted"),
        (.award, .awards, "a prize or award given"),
        (.statement, .statements, "a named speaker's reported words"),
    ]

    public var category: Category {
        EventType.known.first { $0.type == self }?.category ?? .other
    }

    public var isKnown: Bool { EventType.known.contains { $0.type == self } }

    public var description: String { rawValue }
    public static func < (a: EventType, b: EventType) -> Bool { a.rawValue < b.rawValue }

    public init(from decoder: Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }
}

/// Whether the text says the event happened.
public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
    /// Reported as having happened.
    case occurred
    /// Announced or anticipated ("were expected to be released").
    case expected
    /// Said not to have happened or not to be going to happen.
    case denied
    /// Conditional or possible ("may lift sanctions", "could lead to the release").
    case hypothetical
}
