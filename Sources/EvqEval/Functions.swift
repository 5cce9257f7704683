import EvqModel
import EvqSema

extension ExprEvaluator {
    /// The built-in functions. Date functions give a missing value when the date is missing or
    /// does not lie within one period of the asked size.
    func call(_ f: Function, _ args: [CheckedExpr], _ row: Row) -> Value {
        // Only the first argument is needed by most functions; no per-row argument array.
        guard let firstArg = args.first else { return .missing }
        let first = value(firstArg, row)
        func oneDay() -> Day? {
            guard case .date(let d) = first, let s = d.start, s == d.end else { return nil }
            return s
        }
        switch f {
        case .year:
            guard case .date(let d) = first, let s = d.start, let e = d.end, s.year == e.year else { return .missing }
            return .int(s.year)
        case .month:
            guard case .date(let d) = first, let s = d.start, let e = d.end else { return .missing }
            let a = s.components, b = e.components
            guard a.year == b.year, a.month == b.month, let m = EventDate.month(year: a.year, month: a.month) else { return .missing }
            return .date(m)
        case .week:
            guard case .date(let d) = first, let s = d.start, let e = d.end else { return .missing }
            let label = DateMath.isoWeekLabel(s)
            return label == DateMath.isoWeekLabel(e) && e.number - s.number < 7 ? .text(label) : .missing
        case .day:
            return oneDay().map { .date(.day($0)) } ?? .missing
        case .weekday:
            return oneDay().map { .int($0.weekday) } ?? .missing
        case .lower:
            guard case .text(let s) = first else { return .missing }
            return .text(s.lowercased())
        case .upper:
            guard case .text(let s) = first else { return .missing }
            return .text(s.uppercased())
        case .len:
            switch first {
            case .text(let s): return .int(s.count)
            case .list(let xs): return .int(xs.count)
            default: return .missing
            }
        case .coalesce:
            // Later arguments are evaluated only when the earlier ones are missing.
            for (i, arg) in args.enumerated() {
                let v = i == 0 ? first : value(arg, row)
                if v.normalizedForOrder.isMissing { continue }
                if case .quantity(let q) = v, let n = q.value { return .int(n) }
                return v
            }
            return .missing
        case .abs:
            switch first {
            case .int(let i): return i == Int.min ? .double(-Double(i)) : .int(Swift.abs(i))
            case .double(let d): return .double(Swift.abs(d))
            case .duration(let d): return .duration(days: Swift.abs(d))
            case .quantity(let q): return q.value.map { .int(Swift.abs($0)) } ?? .missing
            default: return .missing
            }
        case .round:
            guard let x = first.number else { return .missing }
            // Clamp before converting: a NaN or huge digit count must not trap.
            let wanted = args.count > 1 ? (value(args[1], row).number ?? 0) : 0
            let digits = wanted.isNaN ? 0 : Int(max(0, min(12, wanted)))
            if digits == 0 {
                let r = x.rounded(.toNearestOrAwayFromZero)
                return Swift.abs(r) < 9e18 ? .int(Int(r)) : .double(r)
            }
            var scale = 1.0
            for _ in 0..<digits { scale *= 10 }
            return .double((x * scale).rounded(.toNearestOrAwayFromZero) / scale)
        }
    }
}
