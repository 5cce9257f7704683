import EvqModel
import EvqSema
import EvqSyntax

/// A readable dump of a checked query: one line for the source, one per stage, and the output
/// columns with their types.
enum PlanDump {
    static func dump(_ q: CheckedQuery) -> String {
        var lines = ["plan:"]
        switch q.source {
        case .events(let c, let cat, let type):
            var s = "  scan \(c.rawValue)"
            if let cat { s += " category=\(cat.rawValue)" }
            if let type { s += " type=\(type.rawValue)" }
            lines.append(s)
        case .documents: lines.append("  scan documents")
        case .actors: lines.append("  scan actors")
        case .places: lines.append("  scan places")
        case .binding(let n) where n == SequenceCheck.bindingKey: lines.append("  scan sequence chains")  // analysis: sequence
        case .binding(let n): lines.append("  scan binding \(n)")
        }
        for stage in q.stages {
            switch stage {
            case .filter(let e): lines.append("  filter \(expr(e))")
            case .sort(let keys): lines.append("  sort " + keys.map { expr($0.expr) + ($0.descending ? " desc" : " asc") }.joined(separator: ", "))
            case .take(let n): lines.append("  take \(n)")
            case .show(let items): lines.append("  show " + items.map { "\(expr($0.expr)) as \($0.name)" }.joined(separator: ", "))
            case .count(let by): lines.append("  count" + (by.isEmpty ? "" : " by " + by.map { expr($0.expr) }.joined(separator: ", ")))
            case .aggregate(let f, let e, let by):
                lines.append("  \(f.rawValue) \(expr(e.expr))" + (by.isEmpty ? "" : " by " + by.map { expr($0.expr) }.joined(separator: ", ")))
            case .distinct(let keys): lines.append("  distinct " + keys.map { expr($0.expr) }.joined(separator: ", "))
            case .timeline(let u): lines.append("  timeline by \(u.rawValue)")
            case .why: lines.append("  why")
            }
        }
        switch q.output {
        case .events: lines.append("output: events (" + EventField.defaultColumns.map(\.rawValue).joined(separator: ", ") + ")")
        case .table(let cols): lines.append("output: table (" + cols.map { "\($0.name): \($0.type)" }.joined(separator: ", ") + ")")
        }
        return lines.joined(separator: "\n")
    }

    static func expr(_ e: CheckedExpr) -> String {
        switch e {
        case .literal(let l):
            switch l {
            case .int(let i): return String(i)
            case .double(let d): return Value.format(d)
            case .text(let s): return ASTPrinter.quote(s)
            case .date(let d): return "date(\(d.display))"
            case .duration(let m, let d): return "duration(\(m)m \(d)d)"
            case .bool(let b): return String(b)
            case .missing: return "missing"
            }
        case .field(.event(let f)): return f.rawValue
        case .field(.column(let i)): return "$\(i)"
        case .field(.attribute(let k)): return "attributes.\(k)"
        case .not(let a): return "(not \(expr(a)))"
        case .and(let a, let b): return "(and \(expr(a)) \(expr(b)))"
        case .or(let a, let b): return "(or \(expr(a)) \(expr(b)))"
        case .compare(let op, let a, let b, let mode): return "(\(op.rawValue):\(mode) \(expr(a)) \(expr(b)))"
        case .contains(let a, let b, let list): return "(contains:\(list ? "list" : "text") \(expr(a)) \(expr(b)))"
        case .nameIn(let f, let names):
            let field = if case .event(let ef) = f { ef.rawValue } else { "?" }
            return "(\(field) has any of [" + names.sorted().map { ASTPrinter.quote($0) }.joined(separator: ", ") + "])"
        case .matches(let a, let re): return "(~ \(expr(a)) \(ASTPrinter.quote(re.pattern)))"
        case .isMissing(let a, let negated): return "(\(negated ? "is-not-missing" : "is-missing") \(expr(a)))"
        case .arith(let op, let a, let b, let mode): return "(\(op.rawValue):\(mode) \(expr(a)) \(expr(b)))"
        case .negate(let a): return "(- \(expr(a)))"
        case .call(let f, let args): return "(\(f.rawValue)" + args.map { " " + expr($0) }.joined() + ")"
        }
    }

    /// An empty result with the output's shape, so `.explain` can check statements that use an
    /// earlier `let`.
    static func placeholder(for schema: RowSchema) -> ResultSet {
        switch schema {
        case .events: return ResultSet(kind: .events, columns: [], rows: [])
        case .table(let cols):
            // One row of typed samples would be needed to carry types; `any` columns check at run time.
            return ResultSet(kind: .table, columns: cols.map { Column($0.name) }, rows: [])
        }
    }
}
