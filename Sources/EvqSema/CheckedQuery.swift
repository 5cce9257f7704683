import EvqDiagnostics
import EvqModel
import EvqSyntax

/// A constant known when the query is checked.
public enum Literal: Sendable, Hashable {
    case int(Int)
    case double(Double)
    case text(String)
    case date(EventDate)
    /// A calendar duration: months (`3m`, `1y` = 12) and days (`7d`, `2w` = 14).
    case duration(months: Int, days: Int)
    case bool(Bool)
    case missing
}

/// How a comparison is carried out, decided by the checker from the operand types.
public enum CompareMode: Sendable, Hashable {
    /// Interval semantics: holds only if it holds for every day of the left interval.
    case date
    /// Set semantics: holds only if it holds for every possible value of the left count.
    case quantity
    case number
    /// Case- and diacritic-insensitive.
    case text
    case bool
    case duration
    /// Types known only at run time (let-bound columns that were all missing).
    case dynamic
}

/// How arithmetic is carried out.
public enum ArithMode: Sendable, Hashable {
    case number
    /// date ± duration.
    case dateShift
    /// date - date: days between the starts of two single-day dates.
    case dateDiff
    /// duration ± duration.
    case duration
}

/// Built-in functions.
public enum Function: String, Sendable, Hashable, CaseIterable {
    case year, month, week, day, weekday, lower, upper, len, coalesce, abs, round
}

/// A compiled regular expression; Swift's `Regex` is used read-only after construction.
public final class CompiledRegex: @unchecked Sendable, Hashable {
    public let pattern: String
    public let regex: Regex<AnyRegexOutput>
    init(pattern: String, regex: Regex<AnyRegexOutput>) {
        self.pattern = pattern
        self.regex = regex
    }
    public static func == (a: CompiledRegex, b: CompiledRegex) -> Bool { a.pattern == b.pattern }
    public func hash(into h: inout Hasher) { h.combine(pattern) }
}

/// A type-checked expression: fields resolved, operators chosen by type.
public indirect enum CheckedExpr: Sendable, Hashable {
    case literal(Literal)
    case field(FieldRef)
    case not(CheckedExpr)
    case and(CheckedExpr, CheckedExpr)
    case or(CheckedExpr, CheckedExpr)
    case compare(BinaryOperator, CheckedExpr, CheckedExpr, CompareMode)
    /// A list (any element) or a text (substring) contains the needle, case- and
    /// diacritic-insensitively.
    case contains(CheckedExpr, CheckedExpr, list: Bool)
    /// `actors contains "x"` with a literal needle: the canonical names (as stored in events)
    /// whose name or any spelling variant contains it, resolved once per query.
    case nameIn(FieldRef, Set<String>)
    case matches(CheckedExpr, CompiledRegex)
    case isMissing(CheckedExpr, negated: Bool)
    case arith(BinaryOperator, CheckedExpr, CheckedExpr, ArithMode)
    case negate(CheckedExpr)
    case call(Function, [CheckedExpr])
}

/// A type-checked expression with its static type and a display name (its canonical text).
public struct TypedExpr: Sendable, Hashable {
    public var expr: CheckedExpr
    public var type: ValueType
    public var name: String
}

/// Where a query's rows come from.
public enum CheckedSource: Sendable, Hashable {
    /// One of the event collections, optionally narrowed to a category or a type.
    case events(EventCollection, category: Category?, type: EventType?)
    case documents
    case actors
    case places
    /// A `let`-bound name (lowercased).
    case binding(String)
}

/// A `timeline` bucket size.
public enum TimeUnit: String, Sendable, Hashable, CaseIterable {
    case day, week, month, year
}

/// A checked stage.
public enum CheckedStage: Sendable {
    case filter(CheckedExpr)
    case sort([(expr: CheckedExpr, descending: Bool)])
    case take(Int)
    case show([TypedExpr])
    case count(by: [TypedExpr])
    case aggregate(AggregateFunction, TypedExpr, by: [TypedExpr])
    case distinct([TypedExpr])
    case timeline(TimeUnit)
    case why
}

/// A query ready to run: the source, the stages and the schema after each stage.
public struct CheckedQuery: Sendable {
    public var source: CheckedSource
    /// The rows' schema at the source.
    public var sourceSchema: RowSchema
    public var stages: [CheckedStage]
    /// The schema of the result.
    public var output: RowSchema
}

/// A checked statement.
public struct CheckedStatement: Sendable {
    /// The name for `let NAME = ...` (lowercased), nil for a plain query.
    public var binding: String?
    public var query: CheckedQuery
    public var warnings: [Diagnostic]
}
