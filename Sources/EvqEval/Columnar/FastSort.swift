import EvqModel
import EvqSema

/// A `sort` key over a scalar event field, ordering rows exactly as `Value.order` orders the
/// field's values (missing last in either direction, handled by `FastSort`).
struct FastSortKey {
    enum Field { case date, count, type, category, status, total }
    let field: Field
    let descending: Bool

    init?(_ f: EventField, descending: Bool) {
        switch f {
        case .date: field = .date
        case .count: field = .count
        case .type: field = .type
        case .category: field = .category
        case .status: field = .status
        case .total: field = .total
        default: return nil
        }
        self.descending = descending
    }
}

/// Sorting and top-k over row ids, with the reference's order: keys in turn, missing values last,
/// ties by the rows' positions before the sort (so the sort is stable).
enum FastSort {
    /// One key prepared for comparisons: the field, the direction and, for text fields, each
    /// interned value's rank.
    struct Prepared {
        let field: FastSortKey.Field
        let descending: Bool
        let rank: [Int]
    }

    static func prepare(_ key: FastSortKey, _ s: ColumnStore) -> Prepared {
        let rank: [Int]
        switch key.field {
        case .type: rank = ranks(s.typeNames)
        case .category: rank = ranks(Category.allCases.map(\.rawValue))
        case .status: rank = ranks(Status.allCases.map(\.rawValue))
        default: rank = []
        }
        return Prepared(field: key.field, descending: key.descending, rank: rank)
    }

    /// Compares rows `a` and `b` on one key: nil when exactly one is missing (`aMissing` tells
    /// which), else -1, 0 or 1 (0 also when both are missing).
    @inline(__always)
    static func compare(_ k: Prepared, _ s: ColumnStore, _ a: Int, _ b: Int) -> (c: Int, aMissing: Bool?) {
        func cmp<T: Comparable>(_ x: T, _ y: T) -> Int { x == y ? 0 : (x < y ? -1 : 1) }
        switch k.field {
        case .date:
            // Dates order by start, then end.
            let ma = s.start[a] == ColumnStore.missingDay, mb = s.start[b] == ColumnStore.missingDay
            if ma != mb { return (0, ma) }
            if ma { return (0, nil) }
            let c = cmp(s.start[a], s.start[b])
            return (c != 0 ? c : cmp(s.end[a], s.end[b]), nil)
        case .count:
            // Numbers by value (as doubles, like `Value.order`); equal values: exact before
            // qualified (`Value.qualifierRank`).
            let ma = !s.hasCount[a], mb = !s.hasCount[b]
            if ma != mb { return (0, ma) }
            if ma { return (0, nil) }
            let c = cmp(Double(s.countValue[a]), Double(s.countValue[b]))
            return (c != 0 ? c : cmp(s.qualifier[a], s.qualifier[b]), nil)
        case .type: return (cmp(k.rank[Int(s.type[a])], k.rank[Int(s.type[b])]), nil)
        case .category: return (cmp(k.rank[Int(s.category[a])], k.rank[Int(s.category[b])]), nil)
        case .status: return (cmp(k.rank[Int(s.status[a])], k.rank[Int(s.status[b])]), nil)
        case .total: return (cmp(s.total[a] ? 1 : 0, s.total[b] ? 1 : 0), nil)
        }
    }

    /// Each text's rank under `Value.order` (folded, then exact).
    static func ranks(_ texts: [String]) -> [Int] {
        let order = texts.indices.sorted { Value.order(.text(texts[$0]), .text(texts[$1])) < 0 }
        var rank = [Int](repeating: 0, count: texts.count)
        for (r, i) in order.enumerated() { rank[i] = r }
        return rank
    }

    /// True when row `a` (at position `pa`) comes before row `b` (at `pb`).
    @inline(__always)
    static func less(_ keys: [Prepared], _ s: ColumnStore, _ a: Int, _ pa: Int, _ b: Int, _ pb: Int) -> Bool {
        for k in keys {
            let (c, aMissing) = compare(k, s, a, b)
            // Missing values go last in either direction.
            if let aMissing { return !aMissing }
            if c != 0 { return k.descending ? c > 0 : c < 0 }
        }
        return pa < pb
    }

    static func sorted(_ rows: [Int32], _ keys: [FastSortKey], _ s: ColumnStore) -> [Int32] {
        let prepared = keys.map { prepare($0, s) }
        let order = rows.indices.sorted { less(prepared, s, Int(rows[$0]), $0, Int(rows[$1]), $1) }
        return order.map { rows[$0] }
    }

    /// The first `k` rows of the sorted order, by one pass keeping the best `k` seen so far.
    static func top(_ k: Int, of rows: [Int32], _ keys: [FastSortKey], _ s: ColumnStore) -> [Int32] {
        if k <= 0 { return [] }
        if k >= rows.count / 8 { return Array(sorted(rows, keys, s).prefix(k)) }
        let prepared = keys.map { prepare($0, s) }
        // Positions of the best rows so far, in order.
        var best: [Int] = []
        best.reserveCapacity(k + 1)
        for p in rows.indices {
            let r = Int(rows[p])
            if best.count == k {
                let last = best[k - 1]
                if !less(prepared, s, r, p, Int(rows[last]), last) { continue }
            }
            // Binary search for the insertion point.
            var lo = 0, hi = best.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if less(prepared, s, Int(rows[best[mid]]), best[mid], r, p) { lo = mid + 1 } else { hi = mid }
            }
            best.insert(p, at: lo)
            if best.count > k { best.removeLast() }
        }
        return best.map { rows[$0] }
    }
}
