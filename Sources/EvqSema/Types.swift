import EvqModel

/// The static type of an expression or column.
public indirect enum ValueType: Sendable, Hashable, CustomStringConvertible {
    case bool, number, text, date, duration, quantity
    /// `type`, `category` or `status`: text with a known set of values.
    case enumeration(EnumKind)
    case list(ValueType)
    /// A column of a let-bound table whose values were all missing: checked at run time.
    case any

    public var description: String {
        switch self {
        case .bool: return "bool"
        case .number: return "number"
        case .text: return "text"
        case .date: return "date"
        case .duration: return "duration"
        case .quantity: return "count"
        case .enumeration(let k): return k.rawValue
        case .list(let t): return "list of \(t)"
        case .any: return "any"
        }
    }

    /// True for types that are compared and shown as text.
    var isTextLike: Bool {
        switch self {
        case .text, .enumeration: return true
        default: return false
        }
    }
}

/// The enum-valued event fields.
public enum EnumKind: String, Sendable, Hashable {
    case type, category, status

    /// The values a bare word may name (types outside the list are allowed for imported data).
    public var knownValues: [String] {
        switch self {
        case .type: return EventType.known.map(\.type.rawValue)
        case .category: return Category.allCases.map(\.rawValue)
        case .status: return Status.allCases.map(\.rawValue)
        }
    }

    /// Closed enums reject unknown values; `type` accepts any name (imported data) with a warning.
    public var isClosed: Bool { self != .type }
}

/// A field of an event.
public enum EventField: String, Sendable, Hashable, CaseIterable {
    case id, type, category, status, total, date, count, actors, places, sources, evidence, summary, attributes, cameo

    /// The field's static type.
    public var type: ValueType {
        switch self {
        case .id, .summary, .cameo: return .text
        case .type: return .enumeration(.type)
        case .category: return .enumeration(.category)
        case .status: return .enumeration(.status)
        case .total: return .bool
        case .date: return .date
        case .count: return .quantity
        case .actors, .places, .sources, .evidence, .attributes: return .list(.text)
        }
    }

    /// The columns an event row shows by default.
    public static let defaultColumns: [EventField] = [.id, .type, .date, .count, .actors, .places, .sources]
}

/// A column of a table relation.
public struct ColumnInfo: Sendable, Hashable {
    public var name: String
    public var type: ValueType
    public init(name: String, type: ValueType) {
        self.name = name
        self.type = type
    }
}

/// The shape of the rows flowing between stages: events (with every event field available), or
/// a table of named, typed columns.
public enum RowSchema: Sendable, Hashable {
    case events
    case table([ColumnInfo])

    /// The names a query may use at this point, for did-you-mean and completion.
    public var fieldNames: [String] {
        switch self {
        case .events: return EventField.allCases.map(\.rawValue)
        case .table(let cols): return cols.map(\.name)
        }
    }
}

/// How a field is reached at run time.
public enum FieldRef: Sendable, Hashable {
    case event(EventField)
    case column(Int)
    /// One entry of an event's `attributes` (`attributes.women`): a number when it reads as
    /// one, otherwise text, missing when absent.
    case attribute(String)
}
