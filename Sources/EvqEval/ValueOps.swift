import EvqModel
import EvqSema

extension Value {
    /// True for `.missing`.
    public var isMissing: Bool {
        if case .missing = self { return true }
        return false
    }

    /// The value as a number: ints, doubles, and counts by their value (the design compares
    /// "about 300" as 300); nil for anything else or an unspecified count.
    var number: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .double(let d): return d
        case .quantity(let q): return q.value.map(Double.init)
        default: return nil
        }
    }

    /// Plain text shown for a value in group labels and error-free string functions.
    public var plainText: String {
        switch self {
        case .missing: return ""
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return Value.format(d)
        case .text(let s): return s
        case .date(let d): return d.display
        case .duration(let days): return "\(days)d"
        case .quantity(let q): return q.display
        case .list(let xs): return xs.map(\.plainText).joined(separator: ", ")
        }
    }

    /// A double without a trailing `.0` when it is whole, and at most 6 decimals otherwise.
    public static func format(_ d: Double) -> String {
        if d.isNaN || d.isInfinite { return String(d) }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int(d)) }
        var s = String(format6(d))
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }

    static func format6(_ d: Double) -> String {
        let scaled = (d * 1_000_000).rounded() / 1_000_000
        return "\(scaled)"
    }

    /// Sort rank of the kinds, so values of different kinds still have a total order.
    var rank: Int {
        switch self {
        case .bool: return 0
        case .int, .double, .quantity: return 1
        case .duration: return 2
        case .date: return 3
        case .text: return 4
        case .list: return 5
        case .missing: return 6
        }
    }

    /// A total order used by `sort`, group keys and `distinct`: kinds by rank, numbers by value,
    /// dates by start then end, text case- and diacritic-insensitively (then exactly), lists
    /// element by element. Missing values and unspecified counts sort last.
    static func order(_ a: Value, _ b: Value) -> Int {
        let a = a.normalizedForOrder, b = b.normalizedForOrder
        if a.rank != b.rank { return a.rank < b.rank ? -1 : 1 }
        switch (a, b) {
        case (.bool(let x), .bool(let y)): return x == y ? 0 : (!x ? -1 : 1)
        case (.duration(let x), .duration(let y)): return x == y ? 0 : (x < y ? -1 : 1)
        case (.date(let x), .date(let y)):
            let xs = x.start?.number ?? 0, ys = y.start?.number ?? 0
            if xs != ys { return xs < ys ? -1 : 1 }
            let xe = x.end?.number ?? 0, ye = y.end?.number ?? 0
            return xe == ye ? 0 : (xe < ye ? -1 : 1)
        case (.text(let x), .text(let y)):
            let fx = Fold.fold(x), fy = Fold.fold(y)
            if fx != fy { return fx < fy ? -1 : 1 }
            return x == y ? 0 : (x < y ? -1 : 1)
        case (.list(let xs), .list(let ys)):
            for (x, y) in zip(xs, ys) {
                let c = order(x, y)
                if c != 0 { return c }
            }
            return xs.count == ys.count ? 0 : (xs.count < ys.count ? -1 : 1)
        case (.missing, .missing): return 0
        default:
            let x = a.number ?? 0, y = b.number ?? 0
            if x != y { return x < y ? -1 : 1 }
            // Equal values: an exact count before a qualified one, so the order stays total.
            return qualifierRank(a) == qualifierRank(b) ? 0 : (qualifierRank(a) < qualifierRank(b) ? -1 : 1)
        }
    }

    var normalizedForOrder: Value {
        if case .quantity(let q) = self, q.value == nil { return .missing }
        if case .double(let d) = self, d.isNaN { return .missing }
        return self
    }

    static func qualifierRank(_ v: Value) -> Int {
        if case .quantity(let q) = v { return Qualifier.allCases.firstIndex(of: q.qualifier).map { $0 + 1 } ?? 0 }
        return 0
    }
}
