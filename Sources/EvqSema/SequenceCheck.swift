import EvqDiagnostics
import EvqModel
import EvqSyntax

/// A checked `sequence`: the step queries, the shared field and the span limit.
public struct CheckedSequence: Sendable {
    /// Each step's query; every one yields events.
    public var steps: [CheckedQuery]
    /// `by FIELD`, resolved to an event field (nil without `by`).
    public var by: EventField?
    /// `within DURATION` as calendar months and days (nil: no limit).
    public var within: (months: Int, days: Int)?
    /// The chains' schema, what the trailing stages see.
    public var chainSchema: RowSchema
    /// The plan of the trailing stages over the chains (source: `.binding(SequenceCheck.bindingKey)`).
    public var tail: CheckedQuery
}

/// Checks `sequence` statements. The chains are a table whose schema is fixed by the number of
/// steps; the trailing stages are checked against it as if it were a `let`-bound table.
public enum SequenceCheck {
    /// The binding name the chains are evaluated under; it contains a space, so no query can
    /// name it.
    public static let bindingKey = " sequence"

    /// The columns of a chain row for `steps` steps (`id1 date1 type1 summary1 id2 ...`, then
    /// `days`, then `shared` with `by`).
    public static func columns(steps: Int, by: Bool) -> [ColumnInfo] {
        var cols: [ColumnInfo] = []
        for k in 1...max(1, steps) {
            cols += [.init(name: "id\(k)", type: .text), .init(name: "date\(k)", type: .date),
                     .init(name: "type\(k)", type: .enumeration(.type)), .init(name: "summary\(k)", type: .text)]
        }
        cols.append(.init(name: "days", type: .number))
        if by { cols.append(.init(name: "shared", type: .list(.text))) }
        return cols
    }

    /// Fields `by` accepts: those whose values name something two events can share.
    static let byFields: [EventField] = [.actors, .places, .type, .category, .sources, .status]

    /// Checks a whole sequence statement.
    public static func check(_ statement: Statement, _ seq: SequenceSpec, in env: CheckEnvironment)
        -> Result<(CheckedStatement, CheckedSequence), CheckFailure> {
        var c = Checker(env)
        do throws(CheckFailure) {
            var binding: String?
            if case .binding(let name, _) = statement.kind {
                if Catalog.collections.contains(name.key) || Keywords.all.contains(name.key) {
                    throw CheckFailure(.error("cannot bind `\(name.name)`: it is a built-in name", at: name.span))
                }
                binding = name.key
            }
            var steps: [CheckedQuery] = []
            for step in seq.steps {
                let q = try c.check(step)
                guard q.output == .events else {
                    throw CheckFailure(.error("a sequence step must give events, but this one gives a table", at: step.span,
                                              help: "drop `show`, `count`, `distinct`, `timeline` and the aggregates from the step"))
                }
                steps.append(q)
            }
            var by: EventField?
            if let e = seq.by {
                guard case .name(let n) = e.kind, let f = EventField(rawValue: n.lowercased()), byFields.contains(f) else {
                    let hint = Suggest.nearest(ASTPrinter.print(e), in: byFields.map(\.rawValue))
                    throw CheckFailure(.error("`sequence by` needs one of " + byFields.map(\.rawValue).joined(separator: ", ")
                                              + (hint.map { "; did you mean `\($0)`?" } ?? ""), at: e.span))
                }
                by = f
            }
            var within: (months: Int, days: Int)?
            if let e = seq.within, case .duration(let n, let unit) = e.kind {
                guard n > 0, n <= 3_650_000 else {
                    throw CheckFailure(.error("`within` needs a positive duration of at most 10000 years", at: e.span))
                }
                switch unit {
                case .day: within = (0, n)
                case .week: within = (0, n * 7)
                case .month: within = (n, 0)
                case .year: within = (n * 12, 0)
                }
            }
            let schema = RowSchema.table(columns(steps: seq.steps.count, by: by != nil))
            var tailSchema = schema
            var tailStages: [CheckedStage] = []
            for (i, stage) in statement.query.stages.enumerated() {
                tailStages.append(try c.check(stage, &tailSchema, isLast: i == statement.query.stages.count - 1))
            }
            let tail = CheckedQuery(source: .binding(bindingKey), sourceSchema: schema, stages: tailStages, output: tailSchema)
            let checked = CheckedSequence(steps: steps, by: by, within: within, chainSchema: schema, tail: tail)
            return .success((CheckedStatement(binding: binding, query: tail, warnings: c.warnings), checked))
        } catch {
            return .failure(error)
        }
    }
}
