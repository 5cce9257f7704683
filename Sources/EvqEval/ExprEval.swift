import EvqModel
import EvqSema
import EvqSyntax

/// One row as expressions see it: an event, or a table row.
enum Row {
    /// The event at a position of an array (passed by reference, not copied).
    case event([Event], Int)
    case values([Value])
}

/// Evaluates checked expressions over rows. Comparisons are three-valued: `nil` means unknown
/// (a missing value, or a date or count too coarse to decide); `where` keeps only `true`, and
/// `not` of unknown stays unknown, so a missing value never matches a comparison.
struct ExprEvaluator {
    /// Canonical name -> spelling variants, for `contains` with a needle computed per row.
    let aliases: [String: [String]]

    static func fieldValue(_ f: EventField, _ e: Event) -> Value {
        switch f {
        case .id: return .text(e.id)
        case .type: return .text(e.type.rawValue)
        case .category: return .text(e.category.rawValue)
        case .status: return .text(e.status.rawValue)
        case .total: return .bool(e.total)
        case .date: return e.date.isMissing ? .missing : .date(e.date)
        case .count: return e.count.map { .quantity($0) } ?? .missing
        case .actors: return .list(e.actors.map { .text($0) })
        case .places: return .list(e.places.map { .text($0) })
        case .sources: return .list(e.sources.map { .text($0) })
        case .evidence: return .list(e.evidence.map { .text($0.sentence) })
        case .summary: return .text(e.summary)
        case .cameo: return e.cameo.map { .text($0) } ?? .missing
        case .attributes: return .list(e.attributes.keys.sorted().map { .text("\($0)=\(e.attributes[$0] ?? "")") })
        }
    }

    /// The same, reading single fields of an array element (passing the whole element to a
    /// function would copy it).
    static func fieldValue(_ f: EventField, _ evs: [Event], _ i: Int) -> Value {
        switch f {
        case .id: return .text(evs[i].id)
        case .type: return .text(evs[i].type.rawValue)
        case .status: return .text(evs[i].status.rawValue)
        case .total: return .bool(evs[i].total)
        case .date: return evs[i].date.start == nil ? .missing : .date(evs[i].date)
        case .count: return evs[i].count.map { .quantity($0) } ?? .missing
        case .actors: return .list(evs[i].actors.map { .text($0) })
        case .places: return .list(evs[i].places.map { .text($0) })
        case .sources: return .list(evs[i].sources.map { .text($0) })
        default: return fieldValue(f, evs[i])
        }
    }

    func field(_ ref: FieldRef, _ row: Row) -> Value {
        switch (ref, row) {
        case (.event(let f), .event(let evs, let i)): return ExprEvaluator.fieldValue(f, evs, i)
        case (.column(let i), .values(let vs)): return i < vs.count ? vs[i] : .missing
        case (.attribute(let key), .event(let evs, let i)):
            guard let raw = evs[i].attributes[key] else { return .missing }
            if let n = Int(raw) { return .int(n) }
            if let d = Double(raw), d.isFinite { return .double(d) }
            return .text(raw)
        default: return .missing
        }
    }

    /// The truth of a condition: true, false, or nil for unknown.
    func truth(_ x: CheckedExpr, _ row: Row) -> Bool? {
        switch x {
        case .not(let a): return truth(a, row).map { !$0 }
        case .and(let a, let b):
            let l = truth(a, row)
            if l == false { return false }
            let r = truth(b, row)
            if r == false { return false }
            return l == true && r == true ? true : nil
        case .or(let a, let b):
            let l = truth(a, row)
            if l == true { return true }
            let r = truth(b, row)
            if r == true { return true }
            return l == false && r == false ? false : nil
        case .compare(let op, let a, let b, let mode):
            return compare(op, value(a, row), value(b, row), mode)
        case .nameIn(let ref, let names):
            guard case .list(let xs) = field(ref, row) else { return nil }
            return xs.contains { if case .text(let s) = $0 { return names.contains(s) } else { return false } }
        case .contains(let a, let b, _):
            let hay = value(a, row), needle = value(b, row)
            guard case .text(let n) = needle else { return nil }
            let fn = Fold.fold(n)
            switch hay {
            case .list(let xs):
                return xs.contains { element in
                    guard case .text(let s) = element else { return false }
                    return ([s] + (aliases[s] ?? [])).contains { Fold.fold($0).contains(fn) }
                }
            case .text(let s): return Fold.fold(s).contains(fn)
            default: return nil
            }
        case .matches(let a, let re):
            switch value(a, row) {
            case .text(let s): return match(s, re)
            case .list(let xs):
                return xs.contains { if case .text(let s) = $0 { return match(s, re) } else { return false } }
            default: return nil
            }
        case .isMissing(let a, let negated):
            let v = value(a, row)
            let missing = v.isMissing || (v.normalizedForOrder.isMissing)
            return negated ? !missing : missing
        case .literal(.bool(let b)): return b
        default:
            if case .bool(let b) = value(x, row) { return b }
            return nil
        }
    }

    func match(_ s: String, _ re: CompiledRegex) -> Bool {
        let subject = s.count > RegexSafety.maxSubjectLength ? String(s.prefix(RegexSafety.maxSubjectLength)) : s
        return (try? re.regex.firstMatch(in: subject)) != nil
    }

    func compare(_ op: BinaryOperator, _ l: Value, _ r: Value, _ mode: CompareMode) -> Bool? {
        if l.isMissing || r.isMissing { return nil }
        switch mode {
        case .date:
            guard case .date(let a) = l, case .date(let b) = r else { return nil }
            return DateMath.compare(op, a, b)
        case .quantity:
            guard let target = r.pointNumber else { return nil }
            return Self.compareQuantity(op, l, target)
        case .number, .duration:
            let a: Double?, b: Double?
            if case .duration(let x) = l, case .duration(let y) = r { (a, b) = (Double(x), Double(y)) } else { (a, b) = (l.number, r.number) }
            guard let a, let b, !a.isNaN, !b.isNaN else { return nil }
            return Self.apply(op, a == b, a < b)
        case .text:
            let a = Fold.fold(l.plainText), b = Fold.fold(r.plainText)
            return Self.apply(op, a == b, a < b)
        case .bool:
            guard case .bool(let a) = l, case .bool(let b) = r else { return nil }
            return op == .eq ? a == b : (op == .ne ? a != b : nil)
        case .dynamic:
            switch (l, r) {
            case (.date, .date): return compare(op, l, r, .date)
            case (.quantity, _): return compare(op, l, r, .quantity)
            case (.text, .text): return compare(op, l, r, .text)
            case (.bool, .bool): return compare(op, l, r, .bool)
            case (.duration, .duration): return compare(op, l, r, .duration)
            default:
                if l.number != nil, r.number != nil { return compare(op, l, r, .number) }
                return nil
            }
        }
    }

    static func apply(_ op: BinaryOperator, _ equal: Bool, _ less: Bool) -> Bool? {
        switch op {
        case .eq: return equal
        case .ne: return !equal
        case .lt: return less
        case .le: return less || equal
        case .gt: return !less && !equal
        case .ge: return !less
        default: return nil
        }
    }

    /// The design's count rule: the comparison must hold for every possible value of the count.
    static func compareQuantity(_ op: BinaryOperator, _ l: Value, _ r: Double) -> Bool? {
        switch l {
        case .quantity(let q):
            guard let v = q.value else { return nil }
            return compareQuantity(op, value: v, qualifier: q.qualifier, r)
        default:
            guard let n = l.number else { return nil }
            return compareBounds(op, low: n, high: n, r)
        }
    }

    /// A count `value` with its qualifier against a number (see `Quantity.bounds`).
    static func compareQuantity(_ op: BinaryOperator, value v: Int, qualifier: Qualifier, _ r: Double) -> Bool? {
        switch qualifier {
        case .exact, .about: return compareBounds(op, low: Double(v), high: Double(v), r)
        case .moreThan: return compareBounds(op, low: Double(v) + 1, high: nil, r)
        case .atLeast: return compareBounds(op, low: Double(v), high: nil, r)
        case .atMost: return compareBounds(op, low: 0, high: Double(v), r)
        case .unspecified: return nil
        }
    }

    /// Whether `x OP r` holds for every integer x in [low, high] (true), for none (false), or
    /// for some but not all (nil). `high == nil` is unbounded.
    static func compareBounds(_ op: BinaryOperator, low: Double, high: Double?, _ r: Double) -> Bool? {
        func decide(all: Bool, none: Bool) -> Bool? { all ? true : (none ? false : nil) }
        switch op {
        case .gt: return decide(all: low > r, none: high.map { $0 <= r } ?? false)
        case .ge: return decide(all: low >= r, none: high.map { $0 < r } ?? false)
        case .lt: return decide(all: high.map { $0 < r } ?? false, none: low >= r)
        case .le: return decide(all: high.map { $0 <= r } ?? false, none: low > r)
        case .eq: return decide(all: high == low && low == r, none: r < low || high.map { r > $0 } ?? false)
        case .ne: return decide(all: r < low || high.map { r > $0 } ?? false, none: high == low && low == r)
        default: return nil
        }
    }

    func value(_ x: CheckedExpr, _ row: Row) -> Value {
        switch x {
        case .literal(let lit): return Self.value(of: lit)
        case .field(let ref): return field(ref, row)
        case .not, .and, .or, .compare, .nameIn, .contains, .matches, .isMissing:
            return truth(x, row).map { .bool($0) } ?? .missing
        case .negate(let a):
            switch value(a, row) {
            case .int(let i): return i == Int.min ? .double(-Double(i)) : .int(-i)
            case .double(let d): return .double(-d)
            case .duration(let d): return .duration(days: -d)
            case .quantity(let q): return q.value.map { .int(-$0) } ?? .missing
            default: return .missing
            }
        case .arith(let op, let a, let b, let mode):
            return arith(op, a, b, mode, row)
        case .call(let f, let args):
            return call(f, args, row)
        }
    }

    static func value(of lit: Literal) -> Value {
        switch lit {
        case .int(let i): return .int(i)
        case .double(let d): return .double(d)
        case .text(let s): return .text(s)
        case .date(let d): return .date(d)
        case .duration(let m, let d): return .duration(days: m * 30 + d)
        case .bool(let b): return .bool(b)
        case .missing: return .missing
        }
    }

    func arith(_ op: BinaryOperator, _ a: CheckedExpr, _ b: CheckedExpr, _ mode: ArithMode, _ row: Row) -> Value {
        let l = value(a, row)
        switch mode {
        case .dateShift:
            guard case .date(let d) = l else { return .missing }
            var months = 0, days = 0
            if case .literal(.duration(let m, let dd)) = b {
                (months, days) = (m, dd)
            } else if case .duration(let dd) = value(b, row) {
                days = dd
            } else {
                return .missing
            }
            if op == .sub { (months, days) = (-months, -days) }
            return .date(DateMath.shift(d, months: months, days: days))
        case .dateDiff:
            guard case .date(let x) = l, case .date(let y) = value(b, row),
                let xs = x.start, x.start == x.end, let ys = y.start, y.start == y.end
            else { return .missing }
            return .duration(days: xs.number - ys.number)
        case .duration:
            guard case .duration(let x) = l, case .duration(let y) = value(b, row) else { return .missing }
            return .duration(days: op == .add ? x &+ y : x &- y)
        case .number:
            let r = value(b, row)
            if let x = l.intValue, let y = r.intValue {
                let (v, overflow): (Int, Bool)
                switch op {
                case .add: (v, overflow) = x.addingReportingOverflow(y)
                case .sub: (v, overflow) = x.subtractingReportingOverflow(y)
                case .mul: (v, overflow) = x.multipliedReportingOverflow(by: y)
                case .mod:
                    if y == 0 { return .missing }
                    (v, overflow) = x.remainderReportingOverflow(dividingBy: y)
                default:
                    if y == 0 { return .missing }
                    if x % y == 0, !(x == Int.min && y == -1) { return .int(x / y) }
                    return .double(Double(x) / Double(y))
                }
                return overflow ? .double(Self.applyDouble(op, Double(x), Double(y))) : .int(v)
            }
            guard let x = l.number, let y = r.number else { return .missing }
            if (op == .div || op == .mod) && y == 0 { return .missing }
            return .double(Self.applyDouble(op, x, y))
        }
    }

    static func applyDouble(_ op: BinaryOperator, _ x: Double, _ y: Double) -> Double {
        switch op {
        case .add: return x + y
        case .sub: return x - y
        case .mul: return x * y
        case .div: return x / y
        default: return x.truncatingRemainder(dividingBy: y)
        }
    }

}

extension Value {
    /// An exact integer (ints, whole counts that are exact or approximate).
    var intValue: Int? {
        switch self {
        case .int(let i): return i
        case .quantity(let q): return q.value
        default: return nil
        }
    }

    /// A single number for the right side of a count comparison; a qualified count on the
    /// right has no single value.
    var pointNumber: Double? {
        if case .quantity(let q) = self {
            guard let b = q.bounds, b.low == b.high, let v = b.low else { return nil }
            return Double(v)
        }
        return number
    }
}
