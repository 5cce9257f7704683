/// Where a document's publication date came from, in the order they are tried.
public enum DateSource: String, Sendable, Hashable, Codable {
    /// A sidecar file or front matter given by the user.
    case metadata
    /// A dateline in the text ("Saturday, December 13, 2025").
    case dateline
    /// Inferred from the text or from other documents of the corpus.
    case inferred
    /// Unknown: relative expressions stay unresolved.
    case missing
}

/// One article of the corpus, as the `documents` collection shows it.
public struct Document: Sendable, Hashable, Codable {
    /// The file name (the key used in `sources` and evidence).
    public var name: String
    public var title: String
    /// The publication date: a day, or a window when inferred.
    public var published: EventDate
    public var dateSource: DateSource
    /// The place of the dateline ("VILNIUS, LITHUANIA"), if any.
    public var datelinePlace: String?
    /// How many events (of all collections) it gave.
    public var eventCount: Int
    /// Size of the raw file in bytes.
    public var bytes: Int

    public init(
        name: String, title: String = "", published: EventDate = .missing, dateSource: DateSource = .missing,
        datelinePlace: String? = nil, eventCount: Int = 0, bytes: Int = 0
    ) {
        self.name = name
        self.title = title
        self.published = published
        self.dateSource = dateSource
        self.datelinePlace = datelinePlace
        self.eventCount = eventCount
        self.bytes = bytes
    }
}

/// A person or organisation name with its spelling variants.
public struct ActorName: Sendable, Hashable, Codable {
    public var name: String
    public var aliases: [String]
    public var role: String?
    public init(name: String, aliases: [String] = [], role: String? = nil) {
        self.name = name
        self.aliases = aliases
        self.role = role
    }
}
