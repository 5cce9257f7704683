import EvqDiagnostics
import EvqModel
import EvqSyntax

/// What the checker needs to know besides the query: the clock, the corpus (for collection
/// names of imported types and for name warnings) and the schemas of `let`-bound names.
public struct CheckEnvironment: Sendable {
    public var today: Day
    public var corpus: Corpus
    /// Lowercased binding name -> the schema of its rows.
    public var bindings: [String: RowSchema]
    /// A prebuilt name index of `corpus`, if the caller has one. // fast-path hook
    public var names: NameIndex? = nil
    public init(today: Day, corpus: Corpus, bindings: [String: RowSchema] = [:]) {
        self.today = today
        self.corpus = corpus
        self.bindings = bindings
    }
}

/// Type checking: `QueryAST x schema -> CheckedQuery`, with did-you-mean diagnostics.
public struct Checker {
    let env: CheckEnvironment
    var warnings: [Diagnostic] = []
    var actorIndex: NameIndex?
    var placeIndex: NameIndex?
    var typeNames: [String]?

    public init(_ env: CheckEnvironment) { self.env = env }

    /// Checks one statement; errors come back as diagnostics, never as a crash.
    public static func check(_ statement: Statement, in env: CheckEnvironment) -> Result<CheckedStatement, CheckFailure> {
        if let seq = statement.query.sequence { return SequenceCheck.check(statement, seq, in: env).map(\.0) } // analysis: sequence hook
        var c = Checker(env)
        do throws(CheckFailure) {
            var binding: String?
            if case .binding(let name, _) = statement.kind {
                let key = name.key
                if Catalog.collections.contains(key) || Keywords.all.contains(key) || c.corpusTypes().contains(key) {
                    throw CheckFailure(.error("cannot bind `\(name.name)`: it is a built-in name", at: name.span,
                                              help: "choose another name, e.g. `my_\(name.name)`"))
                }
                binding = key
            }
            let q = try c.check(statement.query)
            return .success(CheckedStatement(binding: binding, query: q, warnings: c.warnings))
        } catch {
            return .failure(error)
        }
    }

    /// The names of one kind in the corpus, collected on first use (a pass over every event).
    mutating func nameIndex(places: Bool) -> NameIndex {
        if let given = env.names { return given }
        if !places, let actorIndex { return actorIndex }
        if places, let placeIndex { return placeIndex }
        let built = NameIndex(corpus: env.corpus, actors: !places, places: places, types: false)
        if places { placeIndex = built } else { actorIndex = built }
        return built
    }

    /// Event types present in the corpus, collected on first use.
    mutating func corpusTypes() -> [String] {
        if let given = env.names { return given.types }
        if let typeNames { return typeNames }
        let built = NameIndex(corpus: env.corpus, actors: false, places: false, types: true).types
        typeNames = built
        return built
    }

    // MARK: query and stages

    mutating func check(_ query: Query) throws(CheckFailure) -> CheckedQuery {
        let (source, schema0) = try resolve(query.collection)
        var schema = schema0
        var stages: [CheckedStage] = []
        if let f = query.filter { stages.append(.filter(try condition(f, schema, stage: "where"))) }
        for (i, stage) in query.stages.enumerated() {
            let isLast = i == query.stages.count - 1
            stages.append(try check(stage, &schema, isLast: isLast))
        }
        return CheckedQuery(source: source, sourceSchema: schema0, stages: stages, output: schema)
    }

    mutating func resolve(_ name: Ident) throws(CheckFailure) -> (CheckedSource, RowSchema) {
        let key = name.key
        switch key {
        case "events": return (.events(.events, category: nil, type: nil), .events)
        case "totals": return (.events(.totals, category: nil, type: nil), .events)
        case "unconfirmed": return (.events(.unconfirmed, category: nil, type: nil), .events)
        case "documents": return (.documents, .table(Checker.documentColumns))
        case "actors": return (.actors, .table(Checker.nameColumns))
        case "places": return (.places, .table(Checker.nameColumns))
        default: break
        }
        if let c = Category(rawValue: key) { return (.events(.events, category: c, type: nil), .events) }
        if EventType.known.contains(where: { $0.type.rawValue == key }) || corpusTypes().contains(key) {
            return (.events(.events, category: nil, type: EventType(key)), .events)
        }
        if let schema = env.bindings[key] { return (.binding(key), schema) }
        let candidates = Catalog.collections + env.bindings.keys.sorted() + corpusTypes()
        let hint = Suggest.nearest(name.name, in: candidates)
        throw CheckFailure(.error(
            "unknown collection `\(escapeControls(name.name))`" + (hint.map { "; did you mean `\($0)`?" } ?? ""),
            at: name.span, help: "collections are events, totals, unconfirmed, documents, actors, places, releases, sanctions, meetings, ... (`.help collections`)"))
    }

    static let documentColumns: [ColumnInfo] = [
        .init(name: "name", type: .text), .init(name: "title", type: .text), .init(name: "published", type: .date),
        .init(name: "date_source", type: .text), .init(name: "dateline", type: .text), .init(name: "events", type: .number),
        .init(name: "bytes", type: .number),
    ]
    static let nameColumns: [ColumnInfo] = [
        .init(name: "name", type: .text), .init(name: "aliases", type: .list(.text)),
        .init(name: "mentions", type: .number), .init(name: "events", type: .number),
    ]

    mutating func check(_ stage: Stage, _ schema: inout RowSchema, isLast: Bool) throws(CheckFailure) -> CheckedStage {
        let word = stage.keyword
        switch stage.kind {
        case .filter(let e):
            return .filter(try condition(e, schema, stage: word.name))
        case .sort(let keys):
            var out: [(expr: CheckedExpr, descending: Bool)] = []
            for k in keys { out.append((try expr(k.expr, schema).expr, k.descending)) }
            return .sort(out)
        case .take(let n, _):
            return .take(n)
        case .show(let items):
            let typed = try named(items, schema)
            schema = .table(typed.map { ColumnInfo(name: $0.name, type: $0.type) })
            return .show(typed)
        case .count(let by):
            let keys = try named(by, schema).map(exploded)
            schema = .table(keys.map { ColumnInfo(name: $0.name, type: $0.type) } + [ColumnInfo(name: "count", type: .number)])
            return .count(by: keys)
        case .aggregate(let f, let e, let by):
            let value = try expr(e, schema)
            let resultType: ValueType
            switch (f, value.type) {
            case (.sum, .number), (.sum, .quantity), (.avg, .number), (.avg, .quantity), (.sum, .any), (.avg, .any):
                resultType = .number
            case (.sum, .duration), (.avg, .duration):
                resultType = .duration
            case (.min, .quantity), (.max, .quantity):
                resultType = .number
            case (.min, let t), (.max, let t):
                if case .list = t {
                    throw CheckFailure(.error("`\(f.rawValue)` needs a single value per row, found a \(t)", at: e.span))
                }
                resultType = t
            default:
                throw CheckFailure(.error("`\(f.rawValue)` needs a number or a count, found a \(value.type)", at: e.span,
                                          help: "e.g. `\(f.rawValue) count`"))
            }
            let keys = try named(by, schema).map(exploded)
            schema = .table(keys.map { ColumnInfo(name: $0.name, type: $0.type) } + [ColumnInfo(name: f.rawValue, type: resultType)])
            return .aggregate(f, value, by: keys)
        case .distinct(let items):
            let keys = try named(items, schema).map(exploded)
            schema = .table(keys.map { ColumnInfo(name: $0.name, type: $0.type) })
            return .distinct(keys)
        case .timeline(let unitName):
            guard schema == .events else { throw needsEvents(word) }
            var unit = TimeUnit.month
            if let u = unitName {
                guard let parsed = TimeUnit(rawValue: u.key) else {
                    let hint = Suggest.nearest(u.name, in: TimeUnit.allCases.map(\.rawValue))
                    throw CheckFailure(.error("unknown timeline unit `\(escapeControls(u.name))`" + (hint.map { "; did you mean `\($0)`?" } ?? ""),
                                              at: u.span, help: "use day, week, month or year"))
                }
                unit = parsed
            }
            schema = .table([.init(name: "period", type: .text), .init(name: "events", type: .number), .init(name: "count", type: .number)])
            return .timeline(unit)
        case .why:
            guard schema == .events else { throw needsEvents(word) }
            guard isLast else {
                throw CheckFailure(.error("`why` must be the last stage", at: word.span,
                                          help: "put `why` at the end: `... | take 3 | why`"))
            }
            schema = .table([.init(name: "id", type: .text), .init(name: "type", type: .enumeration(.type)),
                             .init(name: "date", type: .date), .init(name: "count", type: .quantity),
                             .init(name: "source", type: .text), .init(name: "sentence", type: .text)])
            return .why
        }
    }

    func needsEvents(_ word: Ident) -> CheckFailure {
        CheckFailure(.error("`\(word.name)` needs event rows, but an earlier stage turned them into a table", at: word.span,
                            help: "put `\(word.name)` before `show`, `count`, `distinct` and the aggregates"))
    }

    /// Group keys of list type group by each element.
    func exploded(_ t: TypedExpr) -> TypedExpr {
        if case .list(let inner) = t.type { return TypedExpr(expr: t.expr, type: inner, name: t.name) }
        return t
    }

    mutating func named(_ items: [NamedExpr], _ schema: RowSchema) throws(CheckFailure) -> [TypedExpr] {
        var out: [TypedExpr] = []
        for item in items {
            var t = try expr(item.expr, schema)
            if let alias = item.alias { t.name = alias.name }
            out.append(t)
        }
        return out
    }

    mutating func condition(_ e: Expr, _ schema: RowSchema, stage: String) throws(CheckFailure) -> CheckedExpr {
        let t = try expr(e, schema)
        guard t.type == .bool || t.type == .any else {
            throw CheckFailure(.error("`\(stage)` needs a condition, found a \(t.type)", at: e.span,
                                      help: "compare it, e.g. `\(ASTPrinter.print(e)) \(t.type == .date ? "> 2025-09" : "= ...")`"))
        }
        return t.expr
    }
}

/// A checking error (the first one found in a statement).
public struct CheckFailure: Error, Sendable {
    public var diagnostic: Diagnostic
    public init(_ diagnostic: Diagnostic) { self.diagnostic = diagnostic }
}
