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

/// Group keys are exact values, so `count by actors` shows names as stored; only unspecified
/// counts and NaN fold into missing.
enum GroupKey {
    static func normalize(_ v: Value) -> Value { v.normalizedForOrder }
}
