import EvqModel
import EvqSema
import EvqSyntax

/// The sort order of two (normalized) keys: missing values last in either direction.
enum SortOrder {
    /// True if `x` goes before `y`, false if after, nil if they are equal.
    static func before(_ x: Value, _ y: Value, descending: Bool) -> Bool? {
        let xm = x.isMissing, ym = y.isMissing
        if xm != ym { return ym }
        if xm { return nil }
        let c = Value.order(x, y)
        if c == 0 { return nil }
        return descending ? c > 0 : c < 0
    }
}

/// A sort key prepared once per row: normalized, and for text also folded, so that sorting a
/// million rows folds each text once instead of on every comparison.
struct SortKeyValue {
    var value: Value
    var folded: String?

    init(_ v: Value) {
        value = v.normalizedForOrder
        if case .text(let s) = value { folded = Fold.fold(s) }
    }
}

extension SortOrder {
    /// `before` for prepared keys; the same order as on the values.
    static func before(_ x: SortKeyValue, _ y: SortKeyValue, descending: Bool) -> Bool? {
        if let fx = x.folded, let fy = y.folded, case .text(let rx) = x.value, case .text(let ry) = y.value {
            if fx == fy && rx == ry { return nil }
            let less = fx != fy ? fx < fy : rx < ry
            return descending ? !less : less
        }
        return before(x.value, y.value, descending: descending)
    }
}

/// Group keys are exact values, so `count by actors` shows names as stored. The original words
/// of dates and counts are dropped (two reports of 2025-12-13 are one group whatever their
/// wording), and unspecified counts and NaN fold into missing.
enum GroupKey {
    static func normalize(_ v: Value) -> Value {
        switch v.normalizedForOrder {
        case .date(let d):
            guard let s = d.start, let e = d.end else { return .missing }
            return .date(EventDate(start: s, end: e, precision: d.precision))
        case .quantity(let q): return .quantity(Quantity(value: q.value, qualifier: q.qualifier))
        case let other: return other
        }
    }
}
