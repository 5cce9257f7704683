import EvqDiagnostics
import EvqModel
import EvqSema
import EvqSyntax

/// Why evaluation stopped early.
struct Interrupted: Error {}

/// Runs a `CheckedQuery` over a corpus. Pure: everything it needs is passed in.
struct Evaluator {
    let context: QueryContext
    let exprs: ExprEvaluator
    /// Cancellation is polled every this many rows.
    static let pollInterval = 4096

    init(context: QueryContext) {
        self.context = context
        self.exprs = ExprEvaluator(aliases: context.corpus.aliases)
    }

    func poll(_ i: Int) throws(Interrupted) {
        if i % Evaluator.pollInterval == 0, let cancelled = context.isCancelled, cancelled() { throw Interrupted() }
    }

    func run(_ q: CheckedQuery) throws(Interrupted) -> ResultSet {
        var rel = try source(q.source)
        var kind: ResultSet.Kind = rel.isEvents ? .events : .table
        var i = 0
        while i < q.stages.count {
            // `sort ... | take N` with a small N keeps only the best N rows while scanning.
            if case .sort(let keys) = q.stages[i], i + 1 < q.stages.count, case .take(let n) = q.stages[i + 1], n <= 10_000 {
                rel = try topK(keys, n, rel)
                i += 2
                continue
            }
            rel = try apply(q.stages[i], rel, kind: &kind)
            i += 1
        }
        return finish(rel, kind: kind)
    }

    func source(_ s: CheckedSource) throws(Interrupted) -> Relation {
        switch s {
        case .events(let collection, let category, let type):
            let all = context.corpus.all
            let categoryTypes = category.map(CategoryTypes.types(of:)) ?? []
            var out: [Int] = []
            for i in all.indices {
                try poll(i)
                // Stored fields only: a computed property of an array element would copy the event.
                let isTotal = all[i].total, occurred = all[i].status == .occurred
                let member: EventCollection = isTotal ? .totals : (occurred ? .events : .unconfirmed)
                if member != collection { continue }
                if let category, !CategoryTypes.contains(categoryTypes, category: category, type: all[i].type) { continue }
                if let type, all[i].type != type { continue }
                out.append(i)
            }
            return .events(all, out)
        case .documents: return CollectionBuilder.documents(context.corpus)
        case .actors: return try CollectionBuilder.names(context.corpus, places: false, poll: poll)
        case .places: return try CollectionBuilder.names(context.corpus, places: true, poll: poll)
        case .binding(let name):
            guard let bound = context.bindings[name] else { return .table([], []) }
            if bound.kind == .events { return .events(bound.events) }
            let aligned = bound.events.count == bound.rows.count && !bound.events.isEmpty
            return .table(bound.columns.map(\.name), bound.rows, base: bound.events,
                          indices: aligned ? Array(bound.events.indices) : [], aligned: aligned)
        }
    }

    func finish(_ rel: Relation, kind: ResultSet.Kind) -> ResultSet {
        if rel.isEvents {
            let cols = EventField.defaultColumns
            let rows = rel.events.map { e in cols.map { ExprEvaluator.fieldValue($0, e) } }
            return ResultSet(kind: .events, columns: cols.map { Column($0.rawValue) }, rows: rows, events: rel.events, notes: rel.notes)
        }
        return ResultSet(kind: kind, columns: rel.columns.map(Column.init), rows: rel.rows,
                         events: rel.eventsAligned || kind == .why || kind == .timeline ? rel.events : [], notes: rel.notes)
    }

    func apply(_ stage: CheckedStage, _ rel: Relation, kind: inout ResultSet.Kind) throws(Interrupted) -> Relation {
        switch stage {
        case .filter(let cond):
            var keep: [Int] = []
            if rel.isEvents {
                let test = EventPredicate.compile(cond, exprs)
                let base = rel.base
                for (n, i) in rel.indices.enumerated() {
                    try poll(n)
                    if test(base, i) == true { keep.append(n) }
                }
            } else {
                for i in 0..<rel.count {
                    try poll(i)
                    if exprs.truth(cond, rel.row(i)) == true { keep.append(i) }
                }
            }
            return rel.select(keep)
        case .sort(let keys):
            if keys.count == 1 {
                // One key: a flat array of keys and no per-comparison array access.
                var keyed: [SortKeyValue] = []
                keyed.reserveCapacity(rel.count)
                for i in 0..<rel.count {
                    try poll(i)
                    keyed.append(SortKeyValue(exprs.value(keys[0].expr, rel.row(i))))
                }
                let descending = keys[0].descending
                let order = Array(0..<rel.count).sorted { a, b in
                    SortOrder.before(keyed[a], keyed[b], descending: descending) ?? (a < b)
                }
                return rel.select(order)
            }
            var keyed: [[SortKeyValue]] = []
            keyed.reserveCapacity(rel.count)
            for i in 0..<rel.count {
                try poll(i)
                let row = rel.row(i)
                keyed.append(keys.map { SortKeyValue(exprs.value($0.expr, row)) })
            }
            let order = Array(0..<rel.count).sorted { a, b in
                for (k, key) in keys.enumerated() {
                    if let before = SortOrder.before(keyed[a][k], keyed[b][k], descending: key.descending) { return before }
                }
                return a < b
            }
            return rel.select(order)
        case .take(let n):
            return rel.select(Array(0..<min(n, rel.count)))
        case .show(let items):
            kind = .table
            var rows: [[Value]] = []
            rows.reserveCapacity(rel.count)
            for i in 0..<rel.count {
                try poll(i)
                let row = rel.row(i)
                rows.append(items.map { exprs.value($0.expr, row) })
            }
            return .table(items.map(\.name), rows, base: rel.base, indices: rel.eventsAligned ? rel.indices : [],
                          aligned: rel.eventsAligned)
        case .count(let keys):
            kind = .table
            if keys.isEmpty { return .table(["count"], [[.int(rel.count)]]) }
            let groups = try group(rel, keys)
            let rows = groups.map { $0.key + [.int($0.members.count)] }
            return .table(keys.map(\.name) + ["count"], rows)
        case .aggregate(let f, let value, let keys):
            kind = .table
            let groups = try group(rel, keys)
            var notes: [String] = []
            var rows: [[Value]] = []
            var inexact: [String] = [], skipped = 0
            for g in groups {
                let values = g.members.map { exprs.value(value.expr, rel.row($0)) }
                let (v, inex, skip) = Aggregates.apply(f, values)
                inexact += inex
                skipped += skip
                rows.append(g.key + [v])
            }
            if (f == .sum || f == .avg), !inexact.isEmpty {
                let shown = inexact.prefix(5).joined(separator: ", ") + (inexact.count > 5 ? ", ..." : "")
                notes.append("\(inexact.count) input\(inexact.count == 1 ? " was" : "s were") inexact (\(shown))")
            }
            if skipped > 0 {
                notes.append("\(skipped) input\(skipped == 1 ? " had" : "s had") no value and \(skipped == 1 ? "was" : "were") skipped")
            }
            var out = Relation.table(keys.map(\.name) + [f.rawValue], rows)
            out.notes = rel.notes + notes
            return out
        case .distinct(let keys):
            kind = .table
            let groups = try group(rel, keys)
            return .table(keys.map(\.name), groups.map(\.key))
        case .timeline(let unit):
            kind = .timeline
            return try Timeline.build(rel.events, unit: unit, poll: poll)
        case .why:
            kind = .why
            var rows: [[Value]] = []
            for e in rel.events {
                let head: [Value] = [.text(e.id), .text(e.type.rawValue), e.date.isMissing ? .missing : .date(e.date),
                                     e.count.map { .quantity($0) } ?? .missing]
                if e.evidence.isEmpty {
                    rows.append(head + [.missing, .missing])
                }
                for ev in e.evidence { rows.append(head + [.text(ev.source), .text(ev.sentence)]) }
            }
            return .table(["id", "type", "date", "count", "source", "sentence"], rows, base: rel.base, indices: rel.indices)
        }
    }

    /// The first `n` rows of `rel` sorted by `keys`, found in one pass with a sorted buffer of
    /// at most `n` rows; equal keys keep their input order, as in the full sort.
    func topK(_ keys: [(expr: CheckedExpr, descending: Bool)], _ n: Int, _ rel: Relation) throws(Interrupted) -> Relation {
        if n == 0 { return rel.select([]) }
        var best: [(keys: [SortKeyValue], row: Int)] = []
        func before(_ x: [SortKeyValue], _ y: [SortKeyValue]) -> Bool? {
            for (k, key) in keys.enumerated() {
                if let b = SortOrder.before(x[k], y[k], descending: key.descending) { return b }
            }
            return nil
        }
        for i in 0..<rel.count {
            try poll(i)
            let row = rel.row(i)
            let k = keys.map { SortKeyValue(exprs.value($0.expr, row)) }
            // A row equal to the current worst comes later in the input, so it loses.
            if best.count == n, let last = best.last, before(k, last.keys) != true { continue }
            var lo = 0, hi = best.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if before(k, best[mid].keys) == true { hi = mid } else { lo = mid + 1 }
            }
            best.insert((k, i), at: lo)
            if best.count > n { best.removeLast() }
        }
        return rel.select(best.map(\.row))
    }

    /// Rows grouped by key values (a list value puts the row in one group per element), groups
    /// in ascending key order with missing keys last.
    func group(_ rel: Relation, _ keys: [TypedExpr]) throws(Interrupted) -> [(key: [Value], members: [Int])] {
        if keys.isEmpty { return [([], Array(0..<rel.count))] }
        var index: [[Value]: Int] = [:]
        var groups: [(key: [Value], members: [Int])] = []
        if keys.count == 1 {
            // One key: a dictionary keyed by the value itself, no per-row key arrays.
            var single: [Value: Int] = [:]
            var members: [[Int]] = []
            var order: [Value] = []
            for i in 0..<rel.count {
                try poll(i)
                let v = exprs.value(keys[0].expr, rel.row(i))
                let parts: [Value]
                if case .list(let xs) = v { parts = xs.isEmpty ? [.missing] : Array(Set(xs)) } else { parts = [v] }
                for p in parts {
                    let key = GroupKey.normalize(p)
                    if let g = single[key] {
                        members[g].append(i)
                    } else {
                        single[key] = members.count
                        members.append([i])
                        order.append(key)
                    }
                }
            }
            let sorted = order.indices.sorted { a, b in SortOrder.before(order[a], order[b], descending: false) ?? (a < b) }
            return sorted.map { ([order[$0]], members[$0]) }
        }
        for i in 0..<rel.count {
            try poll(i)
            let row = rel.row(i)
            var combos: [[Value]] = [[]]
            for k in keys {
                let v = exprs.value(k.expr, row)
                let parts: [Value]
                if case .list(let xs) = v { parts = xs.isEmpty ? [.missing] : Array(Set(xs)).sorted { Value.order($0, $1) < 0 } } else { parts = [v] }
                combos = combos.flatMap { c in parts.map { c + [GroupKey.normalize($0)] } }
            }
            for c in combos {
                if let g = index[c] {
                    groups[g].members.append(i)
                } else {
                    index[c] = groups.count
                    groups.append((c, [i]))
                }
            }
        }
        return groups.sorted { a, b in
            for (x, y) in zip(a.key, b.key) {
                if x.isMissing != y.isMissing { return y.isMissing }
                let c = Value.order(x, y)
                if c != 0 { return c < 0 }
            }
            return false
        }
    }
}
