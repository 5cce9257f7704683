import EvqModel
import EvqSema
import EvqSyntax

/// A condition compiled once per query into column scans: evaluating it yields the rows where it
/// is true and where it is false (three-valued, as `ExprEvaluator.truth`).
struct FastPredicate {
    let evaluate: (ColumnStore) -> Truth

    /// Compiles `x`, or returns nil for anything outside the fast path's subset.
    static func compile(_ x: CheckedExpr) -> FastPredicate? {
        switch x {
        case .and(let a, let b):
            guard let l = compile(a), let r = compile(b) else { return nil }
            return FastPredicate { l.evaluate($0).and(r.evaluate($0)) }
        case .or(let a, let b):
            guard let l = compile(a), let r = compile(b) else { return nil }
            return FastPredicate { l.evaluate($0).or(r.evaluate($0)) }
        case .not(let a):
            guard let inner = compile(a) else { return nil }
            return FastPredicate { inner.evaluate($0).not }
        case .literal(.bool(let b)):
            return FastPredicate { .constant(b, count: $0.count) }
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
            guard op == .eq || op == .ne else { return FastPredicate { .constant(nil, count: $0.count) } }
            let wanted = op == .eq ? b : !b
            return FastPredicate { s in
                s.total.withUnsafeBufferPointer { t in Bits.build3(s.count) { t[$0] == wanted ? 1 : 2 } }
            }
        case .nameIn(.event(let f), let names) where f == .actors || f == .places:
            return FastPredicate { s in nameIn(s, places: f == .places, names) }
        case .isMissing(.field(.event(.date)), let negated):
            return FastPredicate { s in
                s.start.withUnsafeBufferPointer { st in
                    Bits.build3(s.count) { (st[$0] == ColumnStore.missingDay) != negated ? 1 : 2 }
                }
            }
        case .isMissing(.field(.event(.count)), let negated):
            return FastPredicate { s in
                s.hasCount.withUnsafeBufferPointer { h in Bits.build3(s.count) { (!h[$0]) != negated ? 1 : 2 } }
            }
        default:
            return nil
        }
    }

    /// The design's date rule (`DateMath.compare`): true when every day of the interval
    /// satisfies the comparison with `[rs, re]`, false when none does, unknown otherwise.
    static func dateCompare(_ op: BinaryOperator, _ rs: Int32, _ re: Int32) -> FastPredicate? {
        // For each operator: (all days hold, no day holds) in terms of the interval [ls, le].
        let rule: (Int32, Int32) -> UInt8
        switch op {
        case .gt: rule = { ls, le in ls > re ? 1 : (le <= re ? 2 : 0) }
        case .ge: rule = { ls, le in ls >= rs ? 1 : (le < rs ? 2 : 0) }
        case .lt: rule = { ls, le in le < rs ? 1 : (ls >= rs ? 2 : 0) }
        case .le: rule = { ls, le in le <= re ? 1 : (ls > re ? 2 : 0) }
        case .eq: rule = { ls, le in ls >= rs && le <= re ? 1 : (le < rs || ls > re ? 2 : 0) }
        case .ne: rule = { ls, le in le < rs || ls > re ? 1 : (ls >= rs && le <= re ? 2 : 0) }
        default: return nil
        }
        return FastPredicate { s in
            s.start.withUnsafeBufferPointer { st in
                s.end.withUnsafeBufferPointer { en in
                    switch op {
                    // The common operators get their own loops so the rule is inlined.
                    case .gt:
                        return Bits.build3(s.count) { i in
                            let ls = st[i], le = en[i]
                            return ls == ColumnStore.missingDay ? 0 : (ls > re ? 1 : (le <= re ? 2 : 0))
                        }
                    case .ge:
                        return Bits.build3(s.count) { i in
                            let ls = st[i], le = en[i]
                            return ls == ColumnStore.missingDay ? 0 : (ls >= rs ? 1 : (le < rs ? 2 : 0))
                        }
                    default:
                        return Bits.build3(s.count) { i in
                            st[i] == ColumnStore.missingDay ? 0 : rule(st[i], en[i])
                        }
                    }
                }
            }
        }
    }

    /// The design's count rule (`ExprEvaluator.compareBounds`): the comparison must hold for
    /// every possible value `[low, high]` of the count.
    static func countCompare(_ op: BinaryOperator, _ r: Double) -> FastPredicate? {
        let rule: (Double, Double) -> UInt8
        switch op {
        case .gt: rule = { lo, hi in lo > r ? 1 : (hi <= r ? 2 : 0) }
        case .ge: rule = { lo, hi in lo >= r ? 1 : (hi < r ? 2 : 0) }
        case .lt: rule = { lo, hi in hi < r ? 1 : (lo >= r ? 2 : 0) }
        case .le: rule = { lo, hi in hi <= r ? 1 : (lo > r ? 2 : 0) }
        case .eq: rule = { lo, hi in hi == lo && lo == r ? 1 : (r < lo || r > hi ? 2 : 0) }
        case .ne: rule = { lo, hi in r < lo || r > hi ? 1 : (hi == lo && lo == r ? 2 : 0) }
        default: return nil
        }
        return FastPredicate { s in
            s.countKnown.withUnsafeBufferPointer { known in
                s.countLow.withUnsafeBufferPointer { low in
                    s.countHigh.withUnsafeBufferPointer { high in
                        switch op {
                        case .ge:
                            return Bits.build3(s.count) { i in
                                known[i] ? (low[i] >= r ? 1 : (high[i] < r ? 2 : 0)) : 0
                            }
                        case .gt:
                            return Bits.build3(s.count) { i in
                                known[i] ? (low[i] > r ? 1 : (high[i] <= r ? 2 : 0)) : 0
                            }
                        default:
                            return Bits.build3(s.count) { i in known[i] ? rule(low[i], high[i]) : 0 }
                        }
                    }
                }
            }
        }
    }

    /// `type`, `category` or `status` against a text: decided once per distinct value with the
    /// reference's folded text comparison, then looked up per row.
    static func enumCompare(_ op: BinaryOperator, _ f: EventField, _ text: String) -> FastPredicate? {
        let wanted = Fold.fold(text)
        func decide(_ value: String) -> UInt8 {
            let a = Fold.fold(value)
            guard let r = ExprEvaluator.apply(op, a == wanted, a < wanted) else { return 0 }
            return r ? 1 : 2
        }
        guard ExprEvaluator.apply(op, true, false) != nil else { return nil }
        switch f {
        case .type:
            return FastPredicate { s in
                let table = s.typeNames.map(decide)
                return table.withUnsafeBufferPointer { tb in
                    s.type.withUnsafeBufferPointer { t in Bits.build3(s.count) { tb[Int(t[$0])] } }
                }
            }
        case .category:
            let table = Category.allCases.map { decide($0.rawValue) }
            return FastPredicate { s in
                table.withUnsafeBufferPointer { tb in
                    s.category.withUnsafeBufferPointer { c in Bits.build3(s.count) { tb[Int(c[$0])] } }
                }
            }
        default:
            let table = Status.allCases.map { decide($0.rawValue) }
            return FastPredicate { s in
                table.withUnsafeBufferPointer { tb in
                    s.status.withUnsafeBufferPointer { c in Bits.build3(s.count) { tb[Int(c[$0])] } }
                }
            }
        }
    }

    /// `actors contains "x"` as the checker resolved it: any of the row's names is in `names`.
    static func nameIn(_ s: ColumnStore, places: Bool, _ names: Set<String>) -> Truth {
        let table = places ? s.placeNames : s.actorNames
        let wanted = table.map { names.contains($0) }
        if !wanted.contains(true) { return .constant(false, count: s.count) }
        let offsets = places ? s.placeOffsets : s.actorOffsets
        let ids = places ? s.placeIds : s.actorIds
        return wanted.withUnsafeBufferPointer { w in
            offsets.withUnsafeBufferPointer { o in
                ids.withUnsafeBufferPointer { d in
                    Bits.build3(s.count) { i in
                        var j = Int(o[i])
                        let stop = Int(o[i + 1])
                        while j < stop {
                            if w[Int(d[j])] { return 1 }
                            j += 1
                        }
                        return 2
                    }
                }
            }
        }
    }
}
