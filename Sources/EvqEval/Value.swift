import EvqModel

/// A value in a query result or an expression: the evaluator's one runtime type.
public enum Value: Sendable, Hashable {
    case missing
    case bool(Bool)
    case int(Int)
    case double(Double)
    case text(String)
    case date(EventDate)
    /// A length of time in days (`7d`, `2w` = 14, `3m` and `1y` as calendar units are
    /// normalised by the evaluator when added to a date).
    case duration(days: Int)
    case quantity(Quantity)
    case list([Value])
}

/// A column of a result: a name and, for events, the field it shows.
public struct Column: Sendable, Hashable {
    public var name: String
    public init(_ name: String) { self.name = name }
}

/// What a query produces: a table of values, and the events behind the rows when the rows are
/// events (so `why`, `.export` and reports can reach their evidence).
public struct ResultSet: Sendable {
    public enum Kind: Sendable, Hashable {
        /// Rows are events (one per event, the default columns).
        case events
        /// An aggregate or projection.
        case table
        /// `timeline`: rows are buckets (label, events, summed count).
        case timeline
        /// `why`: events with their evidence.
        case why
    }

    public var kind: Kind
    public var columns: [Column]
    /// The values of each row. Fast-path hook: an event result may make them from `events` on
    /// first read (Columnar/DeferredRows.swift), so a caller that needs only the events or a
    /// count does not pay for a million rows of values.
    public var rows: [[Value]] {
        get { deferredRows?.rows ?? storedRows }
        set { storedRows = newValue; deferredRows = nil }
    }
    var storedRows: [[Value]]
    var deferredRows: DeferredRows? = nil
    /// The events behind the rows, for `.events` and `.why`.
    public var events: [Event]
    /// Remarks printed after the table, e.g. "1 input was inexact (>50)".
    public var notes: [String]

    public init(kind: Kind, columns: [Column], rows: [[Value]], events: [Event] = [], notes: [String] = []) {
        self.kind = kind
        self.columns = columns
        self.storedRows = rows
        self.events = events
        self.notes = notes
    }
}
