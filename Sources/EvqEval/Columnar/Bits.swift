/// A fixed-size bitset over the rows of a `ColumnStore`: bit `i` is row `i`.
///
/// Filters are evaluated a column at a time into bitsets and combined word by word, so a
/// condition over a million rows costs a few tight loops instead of a million closure calls.
struct Bits: Sendable {
    var words: [UInt64]
    let count: Int

    init(count: Int, filled: Bool) {
        self.count = count
        words = [UInt64](repeating: filled ? ~0 : 0, count: (count + 63) >> 6)
        if filled { clearTail() }
    }

    /// Builds a bitset by testing every row; `test` is inlined into the loop.
    @inline(__always)
    static func build(_ count: Int, _ test: (Int) -> Bool) -> Bits {
        var bits = Bits(count: count, filled: false)
        bits.words.withUnsafeMutableBufferPointer { w in
            var base = 0
            for wi in 0..<w.count {
                let end = Swift.min(base + 64, count)
                var word: UInt64 = 0
                var i = base
                while i < end {
                    word |= (test(i) ? 1 : 0) << UInt64(i - base)
                    i += 1
                }
                w[wi] = word
                base = end
            }
        }
        return bits
    }

    /// Builds the `yes` and `no` sets of a three-valued test in one pass: `test` returns 1 for
    /// true, 2 for false and 0 for unknown.
    @inline(__always)
    static func build3(_ count: Int, _ test: (Int) -> UInt8) -> Truth {
        var yes = Bits(count: count, filled: false), no = Bits(count: count, filled: false)
        yes.words.withUnsafeMutableBufferPointer { y in
            no.words.withUnsafeMutableBufferPointer { n in
                var base = 0
                for wi in 0..<y.count {
                    let end = Swift.min(base + 64, count)
                    var wy: UInt64 = 0, wn: UInt64 = 0
                    var i = base
                    while i < end {
                        let t = UInt64(test(i))
                        let shift = UInt64(i - base)
                        wy |= (t & 1) << shift
                        wn |= (t >> 1) << shift
                        i += 1
                    }
                    y[wi] = wy
                    n[wi] = wn
                    base = end
                }
            }
        }
        return Truth(yes: yes, no: no)
    }

    /// Zeroes the unused bits of the last word, so popcounts and complements stay exact.
    mutating func clearTail() {
        let used = count & 63
        if used != 0, !words.isEmpty { words[words.count - 1] &= (UInt64(1) << UInt64(used)) - 1 }
    }

    subscript(i: Int) -> Bool { words[i >> 6] & (1 << UInt64(i & 63)) != 0 }

    func and(_ o: Bits) -> Bits { combine(o) { $0 & $1 } }
    func or(_ o: Bits) -> Bits { combine(o) { $0 | $1 } }

    @inline(__always)
    func combine(_ o: Bits, _ f: (UInt64, UInt64) -> UInt64) -> Bits {
        var r = self
        r.words.withUnsafeMutableBufferPointer { w in
            o.words.withUnsafeBufferPointer { x in
                for i in 0..<w.count { w[i] = f(w[i], x[i]) }
            }
        }
        return r
    }

    var popcount: Int {
        var n = 0
        for w in words { n &+= w.nonzeroBitCount }
        return n
    }

    /// The set rows in ascending order, at most `limit` of them.
    func indices(limit: Int = Int.max) -> [Int32] {
        var out: [Int32] = []
        out.reserveCapacity(Swift.min(limit, popcount))
        guard limit > 0 else { return out }
        for (wi, w0) in words.enumerated() {
            var w = w0
            while w != 0 {
                out.append(Int32(wi << 6 + w.trailingZeroBitCount))
                if out.count == limit { return out }
                w &= w &- 1
            }
        }
        return out
    }
}

/// Kleene three-valued truth over all rows: `yes` where the condition holds, `no` where it
/// fails, neither where it is unknown (a missing value, a date or count too coarse to decide).
struct Truth: Sendable {
    var yes: Bits
    var no: Bits

    static func constant(_ value: Bool?, count: Int) -> Truth {
        Truth(yes: Bits(count: count, filled: value == true), no: Bits(count: count, filled: value == false))
    }

    func and(_ o: Truth) -> Truth { Truth(yes: yes.and(o.yes), no: no.or(o.no)) }
    func or(_ o: Truth) -> Truth { Truth(yes: yes.or(o.yes), no: no.and(o.no)) }
    var not: Truth { Truth(yes: no, no: yes) }
}
