import EvqDiagnostics

/// A name as written, with its span (collection names, fields, functions, aliases).
public struct Ident: Sendable, Hashable {
    public var name: String
    public var span: SourceSpan
    public init(_ name: String, span: SourceSpan) {
        self.name = name
        self.span = span
    }
    /// The name lowercased, for case-insensitive keyword and collection matching.
    public var key: String { name.lowercased() }
}

/// A parsed script: statements in order.
public struct Script: Sendable, Hashable {
    public var statements: [Statement]
    public init(statements: [Statement]) { self.statements = statements }
}

/// One statement: a query, or `let NAME = QUERY`.
public struct Statement: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case query(Query)
        case binding(name: Ident, query: Query)
    }
    public var kind: Kind
    public var span: SourceSpan
    public init(kind: Kind, span: SourceSpan) {
        self.kind = kind
        self.span = span
    }
    /// The query the statement runs (a binding's right-hand side too).
    public var query: Query {
        switch kind {
        case .query(let q), .binding(_, let q): return q
        }
    }
}

/// `SOURCE ('|' STAGE)*` where `SOURCE := COLLECTION ['where' EXPR]`.
public struct Query: Sendable, Hashable {
    public var collection: Ident
    /// The `where` written directly after the collection, if any.
    public var filter: Expr?
    public var stages: [Stage]
    public var span: SourceSpan
    /// Set for `sequence ... [Q] [Q]` (then `collection` is the word `sequence`). // analysis: sequence hook
    public var sequence: SequenceSpec? = nil
    public init(collection: Ident, filter: Expr?, stages: [Stage], span: SourceSpan) {
        self.collection = collection
        self.filter = filter
        self.stages = stages
        self.span = span
    }
}

/// One `| stage`. `keyword` is the word as written (it may be an alias such as `head`).
public struct Stage: Sendable, Hashable {
    public var kind: StageKind
    public var keyword: Ident
    public var span: SourceSpan
    public init(kind: StageKind, keyword: Ident, span: SourceSpan) {
        self.kind = kind
        self.keyword = keyword
        self.span = span
    }
}

/// The stages of the language, in canonical form (aliases are resolved by the parser).
public enum StageKind: Sendable, Hashable {
    case filter(Expr)
    case sort([SortKey])
    /// `take N`; the literal's span is kept for diagnostics.
    case take(Int, SourceSpan)
    case show([NamedExpr])
    case count(by: [NamedExpr])
    case aggregate(AggregateFunction, Expr, by: [NamedExpr])
    case distinct([NamedExpr])
    case timeline(Ident?)
    case why
}

/// `sum`, `avg`, `min`, `max`.
public enum AggregateFunction: String, Sendable, Hashable, CaseIterable {
    case sum, avg, min, max
}

/// A sort key: an expression and a direction.
public struct SortKey: Sendable, Hashable {
    public var expr: Expr
    public var descending: Bool
    public init(expr: Expr, descending: Bool) {
        self.expr = expr
        self.descending = descending
    }
}

/// An expression with an optional `as NAME`.
public struct NamedExpr: Sendable, Hashable {
    public var expr: Expr
    public var alias: Ident?
    public init(expr: Expr, alias: Ident?) {
        self.expr = expr
        self.alias = alias
    }
}

/// An expression node with its span.
public struct Expr: Sendable, Hashable {
    public var kind: ExprKind
    public var span: SourceSpan
    public init(_ kind: ExprKind, span: SourceSpan) {
        self.kind = kind
        self.span = span
    }
}

/// Binary operators, lowest precedence first in the grammar: or, and, comparisons, + -, * / %.
public enum BinaryOperator: String, Sendable, Hashable, CaseIterable {
    case or, and
    case eq = "=", ne = "!=", lt = "<", le = "<=", gt = ">", ge = ">="
    case contains
    case matches = "~"
    case add = "+", sub = "-", mul = "*", div = "/", mod = "%"

    /// True for = != < <= > >=.
    public var isComparison: Bool { [.eq, .ne, .lt, .le, .gt, .ge].contains(self) }
}

/// `not` and unary minus.
public enum UnaryOperator: String, Sendable, Hashable {
    case not
    case negate = "-"
}

/// Duration units of literals like `7d`: days, weeks, months, years.
public enum DurationUnit: String, Sendable, Hashable, CaseIterable {
    case day = "d", week = "w", month = "m", year = "y"
}

/// The expression forms. Literals keep their text as written.
public indirect enum ExprKind: Sendable, Hashable {
    case number(String)
    case string(String)
    case date(String)
    case duration(Int, DurationUnit)
    case bool(Bool)
    case today
    /// A field, or a bare word where an enum value is expected (`type = pardon`).
    case name(String)
    case unary(UnaryOperator, Expr)
    case binary(BinaryOperator, Expr, Expr)
    /// `x in (a, b, c)`.
    case inList(Expr, [Expr])
    /// `x between a and b`.
    case between(Expr, Expr, Expr)
    /// `x is missing` / `x is not missing`.
    case isMissing(Expr, negated: Bool)
    case call(Ident, [Expr])
}
