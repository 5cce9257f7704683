import EvqDiagnostics
import EvqModel
import EvqSema
import EvqSyntax

/// The statements that `QueryEngine` hands to the analysis features before the ordinary
/// checker sees them: `sequence ...`, the `conflicts` collection, and `why` after `actors`,
/// `places` or `documents` (the events related to those rows, with their evidence).
enum AnalysisStatements {
    /// The outcome of `statement` when it is one of the analysis forms, nil otherwise.
    static func run(_ statement: Statement, in context: inout QueryContext) -> StatementOutcome? {
        let query = statement.query
        if let seq = query.sequence { return SequenceRunner.run(statement, seq, in: &context) }
        let key = query.collection.key
        if key == Conflicts.name, context.bindings[key] == nil { return runConflicts(statement, in: &context) }
        if ["actors", "places", "documents"].contains(key), let last = query.stages.last, case .why = last.kind {
            return RelatedWhy.run(statement, in: &context)
        }
        return nil
    }

    /// Runs the statement with the `conflicts` collection bound for its duration only.
    static func runConflicts(_ statement: Statement, in context: inout QueryContext) -> StatementOutcome {
        var inner = context
        inner.bindings[Conflicts.name] = Conflicts.resultSet(context.corpus)
        let outcome = QueryEngine.run(statement, in: &inner)
        var bound = false
        if case .binding(let name, _) = statement.kind, name.key == Conflicts.name { bound = true }
        if !bound { inner.bindings[Conflicts.name] = nil }
        context.bindings = inner.bindings
        return outcome
    }
}

/// `actors ... | why`, `places ... | why`, `documents ... | why`: the events that list the
/// selected actors or places, or that a selected document reports, with their evidence (for
/// documents, only the sentences of those documents).
enum RelatedWhy {
    /// The binding the related events are evaluated under (unnameable: it has a space).
    static let bindingKey = " related"

    static func run(_ statement: Statement, in context: inout QueryContext) -> StatementOutcome {
        var head = statement.query
        guard let why = head.stages.popLast() else { return .failed([]) }
        var probe = context
        let first = QueryEngine.run(Statement(kind: .query(head), span: head.span), in: &probe)
        guard case .result(let table, let warnings) = first else { return first }
        guard let column = table.columns.firstIndex(where: { $0.name == "name" }) else {
            return .failed([.error("`why` after `\(head.collection.name)` needs the `name` column, but an earlier stage removed it",
                                   at: why.keyword.span, help: "keep `name` in `show`, or put `why` right after `where`")])
        }
        var names = Set<String>()
        for row in table.rows where row.indices.contains(column) {
            if case .text(let n) = row[column] { names.insert(n) }
        }
        let kind = head.collection.key
        var events: [Event] = []
        for e in context.corpus.all {
            switch kind {
            case "actors": if e.actors.contains(where: names.contains) { events.append(e) }
            case "places": if e.places.contains(where: names.contains) { events.append(e) }
            default:
                guard e.sources.contains(where: names.contains) else { continue }
                var own = e
                own.evidence = e.evidence.filter { names.contains($0.source) }
                events.append(own)
            }
        }
        var inner = context
        inner.bindings[bindingKey] = ResultSet(kind: .events, columns: [], rows: [], events: events)
        let whyQuery = Query(collection: Ident(bindingKey, span: why.span), filter: nil, stages: [why], span: why.span)
        let outcome = QueryEngine.run(Statement(kind: .query(whyQuery), span: statement.span), in: &inner)
        guard case .result(let result, let more) = outcome else { return outcome }
        if case .binding(let name, _) = statement.kind {
            context.bindings[name.key] = result
            return .bound(name.name, warnings: warnings + more)
        }
        return .result(result, warnings: warnings + more)
    }
}
