import EvqModel
import EvqSema

/// A `CheckedQuery` compiled for the column store: the fast path's supported subset (event
/// collections; `where` with the conditions of `FastPredicate`; `sort` on scalar fields; `take`;
/// `count` and `count by` one grouping key). `compile` returns nil for anything else, and the
/// reference `Evaluator` answers instead.
struct FastQuery {
    enum Step {
        case filter(FastPredicate)
        case sort([FastSortKey])
        case take(Int)
        case count(FastGroupKey?, names: [String])
    }

    let collection: EventCollection
    let category: Category?
    let type: EventType?
    let steps: [Step]

    static func compile(_ q: CheckedQuery) -> FastQuery? {
        guard case .events(let collection, let category, let type) = q.source else { return nil }
        var steps: [Step] = []
        var isTable = false
        for stage in q.stages {
            switch stage {
            case .filter(let x) where !isTable:
                guard let p = FastPredicate.compile(x) else { return nil }
                steps.append(.filter(p))
            case .sort(let keys) where !isTable:
                var compiled: [FastSortKey] = []
                for k in keys {
                    guard case .field(.event(let f)) = k.expr, let key = FastSortKey(f, descending: k.descending) else { return nil }
                    compiled.append(key)
                }
                steps.append(.sort(compiled))
            case .take(let n):
                guard n >= 0 else { return nil }
                steps.append(.take(n))
            case .count(let by) where !isTable:
                isTable = true
                if by.isEmpty {
                    steps.append(.count(nil, names: ["count"]))
                } else {
                    guard by.count == 1, let key = FastGroupKey(by[0].expr) else { return nil }
                    steps.append(.count(key, names: [by[0].name, "count"]))
                }
            default:
                return nil
            }
        }
        return FastQuery(collection: collection, category: category, type: type, steps: steps)
    }

    /// The rows between stages: a bitset in corpus order until an order or a limit is imposed.
    enum Rows {
        case mask(Bits)
        case list([Int32])

        var count: Int {
            switch self {
            case .mask(let b): return b.popcount
            case .list(let l): return l.count
            }
        }

        var list: [Int32] {
            switch self {
            case .mask(let b): return b.indices()
            case .list(let l): return l
            }
        }
    }

    func run(_ store: ColumnStore) -> ResultSet {
        var rows = Rows.mask(source(store))
        var table: (columns: [String], rows: [[Value]])?
        var i = 0
        while i < steps.count {
            switch steps[i] {
            case .filter(let p):
                switch rows {
                case .mask(let b): rows = .mask(p.yes(store, b))
                case .list(let l):
                    let keep = p.yes(store, Bits.of(l, count: store.count))
                    rows = .list(l.filter { keep[Int($0)] })
                }
            case .sort(let keys):
                // `sort | take N` keeps only the best N rows (top-k) instead of sorting them all.
                if i + 1 < steps.count, case .take(let n) = steps[i + 1] {
                    rows = .list(FastSort.top(n, of: rows.list, keys, store))
                    i += 1
                } else {
                    rows = .list(FastSort.sorted(rows.list, keys, store))
                }
            case .take(let n):
                if let t = table {
                    table = (t.columns, Array(t.rows.prefix(n)))
                } else {
                    switch rows {
                    case .mask(let b): rows = .list(b.indices(limit: n))
                    case .list(let l): rows = .list(Array(l.prefix(n)))
                    }
                }
            case .count(let key, let names):
                if let key {
                    table = (names, key.count(rows, store))
                } else {
                    table = (names, [[.int(rows.count)]])
                }
            }
            i += 1
        }
        if let table {
            return ResultSet(kind: .table, columns: table.columns.map(Column.init), rows: table.rows)
        }
        return .deferredEvents(rows.list.map { store.events[Int($0)] })
    }

    /// The rows of the source collection (and category or type).
    func source(_ s: ColumnStore) -> Bits {
        let c = EventCollection.allCases.firstIndex(of: collection) ?? 0
        let cat = category.flatMap { Category.allCases.firstIndex(of: $0) }
        guard let type else { return cat.map { s.categoryRows[c][$0] } ?? s.collectionRows[c] }
        // A type no event has selects nothing.
        guard let t = s.typeNames.firstIndex(of: type.rawValue) else { return Bits(count: s.count, filled: false) }
        let base = cat.map { s.categoryRows[c][$0] } ?? s.collectionRows[c]
        return s.type.withUnsafeBufferPointer { ty in base.select { Int(ty[$0]) == t } }
    }
}
