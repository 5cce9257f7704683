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
        for stage in q.stages {
            rel = try apply(stage, rel, kind: &kind)
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
                if all[i].collection != collection { continue }
                if let category, !CategoryTypes.contains(categoryTypes, category: category, type: all[i].type) { continue }
                if let type, all[i].type != type { continue }
                out.append(i)
            }
            return .events(all, out)
        case .documents: return CollectionBuilder.documents(context.corpus)
        case .actors: return CollectionBuilder.names(context.corpus, places: false)
        case .places: return CollectionBuilder.names(context.corpus, places: true)
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
            var keyed: [[Value]] = []
            keyed.reserveCapacity(rel.count)
            for i in 0..<rel.count {
                try poll(i)
                let row = rel.row(i)
                keyed.append(keys.map { exprs.value($0.expr, row).normalizedForOrder })
            }
            let order = Array(0..<rel.count).sorted { a, b in
                for (k, key) in keys.enumerated() {
                    let x = keyed[a][k], y = keyed[b][k]
                    // Missing values go last in either direction.
                    if x.isMissing != y.isMissing { return y.isMissing }
                    let c = Value.order(x, y)
                    if c != 0 { return key.descending ? c > 0 : c < 0 }
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

    /// Rows grouped by key values (a list value puts the row in one group per element), groups
    /// in ascending key order with missing keys last.
    func group(_ rel: Relation, _ keys: [TypedExpr]) throws(Interrupted) -> [(key: [Value], members: [Int])] {
        if keys.isEmpty { return [([], Array(0..<rel.count))] }
        var index: [[Value]: Int] = [:]
        var groups: [(key: [Value], members: [Int])] = []
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

/// Group keys are exact values, so `count by actors` shows names as stored; only unspecified
/// counts and NaN fold into missing.
enum GroupKey {
    static func normalize(_ v: Value) -> Value { v.normalizedForOrder }
}

/// sum, avg, min, max over values, with the inputs that were inexact and how many were skipped.
enum Aggregates {
    static func apply(_ f: AggregateFunction, _ values: [Value]) -> (Value, inexact: [String], skipped: Int) {
        var inexact: [String] = []
        var skipped = 0
        var present: [Value] = []
        for v in values {
            if v.normalizedForOrder.isMissing {
                skipped += 1
                continue
            }
            if case .quantity(let q) = v, q.qualifier != .exact { inexact.append(q.display) }
            present.append(v)
        }
        switch f {
        case .min, .max:
            guard var best = present.first else { return (.missing, inexact, skipped) }
            for v in present.dropFirst() {
                let c = Value.order(v, best)
                if (f == .min && c < 0) || (f == .max && c > 0) { best = v }
            }
            if case .quantity(let q) = best { best = q.value.map { .int($0) } ?? .missing }
            return (best, [], skipped)
        case .sum, .avg:
            if present.isEmpty { return (f == .sum ? .int(0) : .missing, inexact, skipped) }
            if case .duration = present[0] {
                var total = 0
                for v in present { if case .duration(let d) = v { total &+= d } }
                return (f == .sum ? .duration(days: total) : .duration(days: total / present.count), inexact, skipped)
            }
            var intSum = 0, allInt = true, doubleSum = 0.0
            for v in present {
                if let i = v.intValue, allInt {
                    let (s, o) = intSum.addingReportingOverflow(i)
                    if o { allInt = false } else { intSum = s }
                } else {
                    allInt = false
                }
                doubleSum += v.number ?? 0
            }
            if f == .avg { return (.double(doubleSum / Double(present.count)), inexact, skipped) }
            return (allInt ? .int(intSum) : .double(doubleSum), inexact, skipped)
        }
    }
}

/// `timeline`: one row per period from the first to the last event, with the number of events
/// and their summed count. Events whose date does not fall inside one period are left out and
/// noted.
enum Timeline {
    static let maxFilledBuckets = 5000

    static func build(_ events: [Event], unit: TimeUnit, poll: (Int) throws(Interrupted) -> Void) throws(Interrupted) -> Relation {
        var buckets: [Int: (events: [Event], sum: Int, hasCount: Bool)] = [:]
        var outside = 0
        var inexact: [String] = []
        for (i, e) in events.enumerated() {
            try poll(i)
            guard let s = e.date.start, let end = e.date.end,
                DateMath.bucketStart(s, unit) == DateMath.bucketStart(end, unit)
            else {
                outside += 1
                continue
            }
            let key = DateMath.bucketStart(s, unit).number
            var b = buckets[key] ?? ([], 0, false)
            b.events.append(e)
            if let q = e.count, let v = q.value {
                b.sum &+= v
                b.hasCount = true
                if q.qualifier != .exact { inexact.append(q.display) }
            }
            buckets[key] = b
        }
        var rows: [[Value]] = []
        var included: [Event] = []
        let keys = buckets.keys.sorted()
        if let first = keys.first, let last = keys.last {
            // Fill empty periods between the first and the last, unless that would make a huge table.
            let unitDays = [TimeUnit.day: 1, .week: 7, .month: 28, .year: 365][unit] ?? 1
            let fill = (last - first) / unitDays < maxFilledBuckets
            let sequence: [Int]
            if fill {
                var all: [Int] = []
                var cursor = Day(number: first)
                while cursor.number <= last {
                    all.append(cursor.number)
                    cursor = DateMath.nextBucket(cursor, unit)
                }
                sequence = all
            } else {
                sequence = keys
            }
            for key in sequence {
                let start = Day(number: key)
                if let b = buckets[key] {
                    rows.append([.text(DateMath.bucketLabel(start, unit)), .int(b.events.count), b.hasCount ? .int(b.sum) : .missing])
                    included += b.events
                } else {
                    rows.append([.text(DateMath.bucketLabel(start, unit)), .int(0), .missing])
                }
            }
        }
        var rel = Relation.table(["period", "events", "count"], rows, base: included, indices: Array(included.indices))
        if outside > 0 {
            rel.notes.append("\(outside) event\(outside == 1 ? " has a date" : "s have dates") missing or coarser than a \(unit.rawValue), not shown")
        }
        if !inexact.isEmpty {
            rel.notes.append("\(inexact.count) count\(inexact.count == 1 ? " was" : "s were") inexact (\(inexact.prefix(5).joined(separator: ", ")))")
        }
        return rel
    }
}
