import EvqModel

/// An event as read from one sentence, before merging.
public struct Candidate: Sendable {
    public var type: EventType
    public var status: Status
    public var total: Bool
    /// The chosen date expression (resolved once the publication date is known).
    public var dateMention: DateMention?
    /// The resolved date.
    public var date: EventDate = .missing
    public var count: Quantity?
    /// Names as written; canonicalised later.
    public var actors: [String]
    public var places: [String]
    public var attributes: [String: String]
    /// Index of the sentence in its document.
    public var sentence: Int
    /// From a heading or caption: may support a body event but never stands alone.
    public var supporting: Bool
    /// The document's publication date, for statements without a date of their own.
    public var usesPublicationDate = false
    /// A person or organisation among the actors (a country alone does not make a mention specific).
    public var hasNamedActor = false
    /// A definite mention without count or participant of its own ("the exchange", "after the
    /// meeting", "his release"): it refers to a happening told elsewhere.
    public var anaphoric = false
    /// The trigger is a noun after a determiner ("the release of political prisoners").
    public var nominal = false

    /// No count, no date and no named participant: a mention ("the release", "those freed")
    /// that refers back to an event told elsewhere in the article.
    public var isGeneric: Bool {
        anaphoric || (count == nil || count?.value == nil) && dateMention == nil && !hasNamedActor
    }
}
