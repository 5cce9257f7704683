import EvqModel
import EvqSema

/// A `count by` key the fast path groups on: a scalar enum field, a name list (one group per
/// distinct name, empty lists in the missing group), or `month(date)` / `year(date)`.
/// Counting goes into dense arrays indexed by interned id (hash aggregation without hashing);
/// the groups come out in the reference's order (`Value.order`, missing last).
enum FastGroupKey {
    case type, category, status, total, actors, places, month, year

    init?(_ x: CheckedExpr) {
        switch x {
        case .field(.event(.type)): self = .type
        case .field(.event(.category)): self = .category
        case .field(.event(.status)): self = .status
        case .field(.event(.total)): self = .total
        case .field(.event(.actors)): self = .actors
        case .field(.event(.places)): self = .places
        case .call(.month, [.field(.event(.date))]): self = .month
        case .call(.year, [.field(.event(.date))]): self = .year
        default: return nil
        }
    }

    /// `[key, count]` rows for the groups of `rows`.
    func count(_ rows: FastQuery.Rows, _ s: ColumnStore) -> [[Value]] {
        var groups: [(key: Value, count: Int)] = []
        switch self {
        case .type:
            let counts = tally(rows, slots: s.typeNames.count) { i, add in add(Int(s.type[i])) }
            groups = present(counts) { .text(s.typeNames[$0]) }
        case .category:
            let counts = tally(rows, slots: Category.allCases.count) { i, add in add(Int(s.category[i])) }
            groups = present(counts) { .text(Category.allCases[$0].rawValue) }
        case .status:
            let counts = tally(rows, slots: Status.allCases.count) { i, add in add(Int(s.status[i])) }
            groups = present(counts) { .text(Status.allCases[$0].rawValue) }
        case .total:
            let counts = tally(rows, slots: 2) { i, add in add(s.total[i] ? 1 : 0) }
            groups = present(counts) { .bool($0 == 1) }
        case .actors, .places:
            let column = self == .places ? s.places : s.actors
            let selected: Bits
            switch rows {
            case .mask(let bits): selected = bits
            case .list(let list): selected = Bits.of(list, count: s.count)
            }
            // One pass over each name's rows; the last slot is the missing group (events
            // without names).
            var counts = [Int](repeating: 0, count: column.names.count + 1)
            selected.words.withUnsafeBufferPointer { w in
                for id in column.rows.indices {
                    var n = 0
                    for r in column.rows[id] where w[Int(r) >> 6] & (1 << UInt64(r & 63)) != 0 { n += 1 }
                    counts[id] = n
                }
            }
            counts[column.names.count] = selected.and(column.empty).popcount
            groups = present(counts) { $0 == column.names.count ? .missing : .text(column.names[$0]) }
        case .month:
            let base = s.monthRange?.lowerBound ?? 0
            let width = s.monthRange.map { Int($0.upperBound) - Int($0.lowerBound) + 1 } ?? 0
            let counts = tally(rows, slots: width + 1) { i, add in
                let m = s.month[i]
                add(m < 0 ? width : Int(m - base))
            }
            groups = present(counts) { slot in
                if slot == width { return .missing }
                let ym = Int(base) + slot
                return EventDate.month(year: ym / 12, month: ym % 12 + 1).map { .date($0) } ?? .missing
            }
        case .year:
            let base = s.yearRange?.lowerBound ?? 0
            let width = s.yearRange.map { Int($0.upperBound) - Int($0.lowerBound) + 1 } ?? 0
            let counts = tally(rows, slots: width + 1) { i, add in
                let y = s.year[i]
                add(y == Int32.min ? width : Int(y) - Int(base))
            }
            groups = present(counts) { $0 == width ? .missing : .int(Int(base) + $0) }
        }
        groups.sort { a, b in
            if a.key.isMissing != b.key.isMissing { return b.key.isMissing }
            return Value.order(a.key, b.key) < 0
        }
        return groups.map { [$0.key, .int($0.count)] }
    }

    /// Counts per slot: `body` calls `add(slot)` for each group a row belongs to.
    @inline(__always)
    func tally(_ rows: FastQuery.Rows, slots: Int, _ body: (Int, (Int) -> Void) -> Void) -> [Int] {
        var counts = [Int](repeating: 0, count: slots)
        counts.withUnsafeMutableBufferPointer { c in
            let add: (Int) -> Void = { c[$0] &+= 1 }
            switch rows {
            case .mask(let bits):
                for (wi, w0) in bits.words.enumerated() {
                    var w = w0
                    while w != 0 {
                        body(wi << 6 + w.trailingZeroBitCount, add)
                        w &= w &- 1
                    }
                }
            case .list(let list):
                for r in list { body(Int(r), add) }
            }
        }
        return counts
    }

    /// The non-empty slots as (key, count).
    func present(_ counts: [Int], _ key: (Int) -> Value) -> [(key: Value, count: Int)] {
        counts.indices.compactMap { counts[$0] > 0 ? (key($0), counts[$0]) : nil }
    }
}
