import EvqModel
import EvqSema
import EvqSyntax

/// A condition compiled once per query into column scans, three-valued like
/// `ExprEvaluator.truth`: `yes(store, rows)` gives the rows of `rows` where it is true,
/// `no(store, rows)` those where it is false; the rest are unknown (a missing value, a date or
/// count too coarse to decide). Each part of an `and` only looks at the rows the parts before
/// it left, so a selective first condition makes the others cheap.
struct FastPredicate {
    let yes: (ColumnStore, Bits) -> Bits
    let no: (ColumnStore, Bits) -> Bits

    /// A leaf from a per-row rule returning 1 (true), 2 (false) or 0 (unknown).
    static func leaf(_ rule: @escaping (ColumnStore) -> (Int) -> UInt8) -> FastPredicate {
        FastPredicate(
            yes: { s, w in let r = rule(s); return w.select { r($0) == 1 } },
            no: { s, w in let r = rule(s); return w.select { r($0) == 2 } })
    }

    static func constant(_ value: Bool?) -> FastPredicate {
        let none: (ColumnStore, Bits) -> Bits = { _, w in Bits(count: w.count, filled: false) }
        let all: (ColumnStore, Bits) -> Bits = { _, w in w }
        return FastPredicate(yes: value == true ? all : none, no: value == false ? all : none)
    }

    /// Compiles `x`, or returns nil for anything outside the fast path's subset.
    static func compile(_ x: CheckedExpr) -> FastPredicate? {
        switch x {
        case .and(let a, let b):
            guard let l = compile(a), let r = compile(b) else { return nil }
            return FastPredicate(
                yes: { s, w in r.yes(s, l.yes(s, w)) },
                no: { s, w in
                    let ln = l.no(s, w)
                    return ln.or(r.no(s, w.andNot(ln)))
                })
        case .or(let a, let b):
            guard let l = compile(a), let r = compile(b) else { return nil }
            return FastPredicate(
                yes: { s, w in
                    let ly = l.yes(s, w)
                    return ly.or(r.yes(s, w.andNot(ly)))
                },
                no: { s, w in r.no(s, l.no(s, w)) })
        case .not(let a):
            guard let inner = compile(a) else { return nil }
            return FastPredicate(yes: inner.no, no: inner.yes)
        case .literal(.bool(let b)):
            return constant(b)
        case .compare(let op, .field(.event(.date)), .literal(.date(let lit)), .date):
            guard let rs = lit.start?.number, let re = lit.end?.number,
                let rs32 = Int32(exactly: rs), let re32 = Int32(exactly: re)
            else { return nil }
            return dateCompare(op, rs32, re32)
        case .compare(let op, .field(.event(.count)), .literal(let lit), .quantity):
            let r: Double
            switch lit {
            case .int(let n): r = Double(n)
            case .double(let d): r = d
            default: return nil
            }
            guard r.isFinite else { return nil }
            return countCompare(op, r)
        case .compare(let op, .field(.event(let f)), .literal(.text(let t)), .text)
            where f == .type || f == .category || f == .status:
            return enumCompare(op, f, t)
        case .compare(let op, .field(.event(.total)), .literal(.bool(let b)), .bool):
            // Booleans are only equal or not; `<` on them is unknown, as in the reference.
            guard op == .eq || op == .ne else { return constant(nil) }
            let wanted = op == .eq ? b : !b
            return leaf { s in { s.total[$0] == wanted ? 1 : 2 } }
        case .nameIn(.event(let f), let names) where f == .actors || f == .places:
            let places = f == .places
            return FastPredicate(
                yes: { s, w in nameRows(s, places: places, names).and(w) },
                no: { s, w in w.andNot(nameRows(s, places: places, names)) })
        case .isMissing(.field(.event(.date)), let negated):
            return leaf { s in { (s.start[$0] == ColumnStore.missingDay) != negated ? 1 : 2 } }
        case .isMissing(.field(.event(.count)), let negated):
            return leaf { s in { (!s.hasCount[$0]) != negated ? 1 : 2 } }
        default:
            return nil
        }
    }

    /// A test on two columns as a box: `x` in `[xLow, xHigh]` and `y` in `[yLow, yHigh]`,
    /// or outside that box when `outside`. Every date and count rule has this shape, so one
    /// loop without calls serves them all.
    struct Box<T: Comparable> {
        var xLow: T, xHigh: T, yLow: T, yHigh: T
        var outside = false

        @inline(__always)
        func holds(_ x: T, _ y: T) -> Bool { (x >= xLow && x <= xHigh && y >= yLow && y <= yHigh) != outside }
    }

    /// The design's date rule (`DateMath.compare`) on the interval `[ls, le]` against the
    /// literal's `[rs, re]`: true when every day satisfies the comparison, false when none
    /// does, unknown otherwise (and when the date is missing).
    static func dateCompare(_ op: BinaryOperator, _ rs32: Int32, _ re32: Int32) -> FastPredicate? {
        let rs = Int64(rs32), re = Int64(re32), lo = Int64.min, hi = Int64.max
        // Boxes over (ls, le): "every day holds" and "no day holds".
        let all: Box<Int64>, none: Box<Int64>
        switch op {
        case .gt: (all, none) = (Box(xLow: re + 1, xHigh: hi, yLow: lo, yHigh: hi), Box(xLow: lo, xHigh: hi, yLow: lo, yHigh: re))
        case .ge: (all, none) = (Box(xLow: rs, xHigh: hi, yLow: lo, yHigh: hi), Box(xLow: lo, xHigh: hi, yLow: lo, yHigh: rs - 1))
        case .lt: (all, none) = (Box(xLow: lo, xHigh: hi, yLow: lo, yHigh: rs - 1), Box(xLow: rs, xHigh: hi, yLow: lo, yHigh: hi))
        case .le: (all, none) = (Box(xLow: lo, xHigh: hi, yLow: lo, yHigh: re), Box(xLow: re + 1, xHigh: hi, yLow: lo, yHigh: hi))
        case .eq, .ne:
            // Inside: ls >= rs and le <= re. Disjoint: le < rs or ls > re, i.e. outside the box
            // ls <= re and le >= rs.
            let inside = Box(xLow: rs, xHigh: hi, yLow: lo, yHigh: re)
            let disjoint = Box(xLow: lo, xHigh: re, yLow: rs, yHigh: hi, outside: true)
            (all, none) = op == .eq ? (inside, disjoint) : (disjoint, inside)
        default: return nil
        }
        func scan(_ box: Box<Int64>) -> (ColumnStore, Bits) -> Bits {
            { s, w in
                s.start.withUnsafeBufferPointer { st in
                    s.end.withUnsafeBufferPointer { en in
                        w.select { i in st[i] != ColumnStore.missingDay && box.holds(Int64(st[i]), Int64(en[i])) }
                    }
                }
            }
        }
        return FastPredicate(yes: scan(all), no: scan(none))
    }

    /// The design's count rule (`ExprEvaluator.compareBounds`): the comparison must hold for
    /// every possible value `[low, high]` of the count (`high` = +inf when unbounded).
    static func countCompare(_ op: BinaryOperator, _ r: Double) -> FastPredicate? {
        let lo = -Double.infinity, hi = Double.infinity
        // Strict bounds become closed ones one double away (exact for finite `r`).
        let above = r.nextUp, below = r.nextDown
        let all: Box<Double>, none: Box<Double>
        switch op {
        case .gt: (all, none) = (Box(xLow: above, xHigh: hi, yLow: lo, yHigh: hi), Box(xLow: lo, xHigh: hi, yLow: lo, yHigh: r))
        case .ge: (all, none) = (Box(xLow: r, xHigh: hi, yLow: lo, yHigh: hi), Box(xLow: lo, xHigh: hi, yLow: lo, yHigh: below))
        case .lt: (all, none) = (Box(xLow: lo, xHigh: hi, yLow: lo, yHigh: below), Box(xLow: r, xHigh: hi, yLow: lo, yHigh: hi))
        case .le: (all, none) = (Box(xLow: lo, xHigh: hi, yLow: lo, yHigh: r), Box(xLow: above, xHigh: hi, yLow: lo, yHigh: hi))
        case .eq, .ne:
            // Exactly r: low = high = r. Excluded: r < low or r > high, i.e. outside the box
            // low <= r and high >= r.
            let exactly = Box(xLow: r, xHigh: r, yLow: r, yHigh: r)
            let excluded = Box(xLow: lo, xHigh: r, yLow: r, yHigh: hi, outside: true)
            (all, none) = op == .eq ? (exactly, excluded) : (excluded, exactly)
        default: return nil
        }
        func scan(_ box: Box<Double>) -> (ColumnStore, Bits) -> Bits {
            { s, w in
                let kinds = ColumnStore.boundKinds
                return s.hasCount.withUnsafeBufferPointer { present in
                    s.countValue.withUnsafeBufferPointer { value in
                        s.qualifier.withUnsafeBufferPointer { qualifier in
                            w.select { i in
                                guard
                                    let b = ColumnStore.countBounds(
                                        value: value[i], kind: kinds[Int(qualifier[i])], present: present[i])
                                else { return false }
                                return box.holds(b.low, b.high)
                            }
                        }
                    }
                }
            }
        }
        return FastPredicate(yes: scan(all), no: scan(none))
    }

    /// `type`, `category` or `status` against a text: decided once per distinct value with the
    /// reference's folded text comparison, then looked up per row.
    static func enumCompare(_ op: BinaryOperator, _ f: EventField, _ text: String) -> FastPredicate? {
        let wanted = Fold.fold(text)
        guard ExprEvaluator.apply(op, true, false) != nil else { return nil }
        func decide(_ value: String) -> UInt8 {
            let a = Fold.fold(value)
            guard let r = ExprEvaluator.apply(op, a == wanted, a < wanted) else { return 0 }
            return r ? 1 : 2
        }
        switch f {
        case .type:
            return leaf { s in
                let table = s.typeNames.map(decide)
                return { table[Int(s.type[$0])] }
            }
        case .category:
            let table = Category.allCases.map { decide($0.rawValue) }
            return leaf { s in { table[Int(s.category[$0])] } }
        default:
            let table = Status.allCases.map { decide($0.rawValue) }
            return leaf { s in { table[Int(s.status[$0])] } }
        }
    }

    /// The rows naming any of `names` (the canonical names the checker resolved `contains` to),
    /// from the inverted lists.
    static func nameRows(_ s: ColumnStore, places: Bool, _ names: Set<String>) -> Bits {
        let column = places ? s.places : s.actors
        var out = Bits(count: s.count, filled: false)
        out.words.withUnsafeMutableBufferPointer { o in
            for name in names {
                guard let id = column.index[name] else { continue }
                for r in column.rows[Int(id)] { o[Int(r) >> 6] |= 1 << UInt64(r & 63) }
            }
        }
        return out
    }
}
