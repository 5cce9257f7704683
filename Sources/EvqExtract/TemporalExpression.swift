import EvqModel

/// A date expression as written, before it is anchored to a publication date.
public indirect enum TemporalExpression: Sendable, Hashable {
    public enum Unit: String, Sendable, Hashable { case day, week, month, year }
    /// A calendar date with a year: day and month optional ("2025", "September 2025", "Dec. 12, 2025").
    case absolute(year: Int, month: Int?, day: Int?)
    /// "December 13": needs the publication year.
    case monthDay(month: Int, day: Int)
    /// "in September": the latest September at or before publication.
    case month(Int)
    /// "August last year" (-1), "in March this year" (0), "in May next year" (+1): that month
    /// of the year before, of, or after publication.
    case monthInYear(Int, yearOffset: Int)
    /// "Tuesday" (offset 0: the latest such day on or before publication), "last Tuesday" (-1:
    /// strictly before), "next Tuesday" (+1: strictly after).
    case weekday(Int, offset: Int)
    /// yesterday (-1), today (0), tomorrow (+1).
    case dayOffset(Int)
    /// "two weeks ago".
    case ago(Int, Unit)
    /// this (0) / last (-1) / next (+1) week, month, year.
    case period(Unit, offset: Int)
    /// "earlier this month": from the period's start to publication.
    case earlierThis(Unit)
    /// "over the weekend": the latest Saturday-Sunday on or before publication.
    case weekend(offset: Int)
    /// "in recent months": a stretch before publication.
    case recent(Unit)
    /// "since July 2024": from the start of that date to publication.
    case since(TemporalExpression)
    /// "Friday and Saturday", "from March 1 to March 3".
    case range(TemporalExpression, TemporalExpression)

    /// Whether it needs a publication date to mean anything.
    public var isAnchored: Bool {
        switch self {
        case .absolute: return false
        case .since: return true  // it ends at publication
        case .range(let a, let b): return a.isAnchored || b.isAnchored
        default: return true
        }
    }
}

/// A date expression found in a sentence: token range `[lo, hi)` and its words.
public struct DateMention: Sendable, Hashable {
    public var lo: Int
    public var hi: Int
    public var expression: TemporalExpression
    public var text: String
}

/// The publication date as far as it is known: one day, or a window of possible days
/// (`end` nil = open-ended, as when only a lower bound was inferred).
public struct PublicationWindow: Sendable, Hashable {
    public var start: Day
    public var end: Day?
    public init(start: Day, end: Day?) {
        self.start = start
        self.end = end
    }
    public static func day(_ d: Day) -> PublicationWindow { PublicationWindow(start: d, end: d) }
    public var isDay: Bool { end == start }
    public var eventDate: EventDate {
        guard let e = end else { return .missing }
        return e == start ? .day(start) : EventDate(start: start, end: e, precision: .range)
    }
}
