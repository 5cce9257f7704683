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

    /// The rows of `self` that pass `test`. Dense words run a branch-free loop over all 64
    /// rows; sparse ones test only their set rows, so a filter after a selective one costs
    /// little.
    @inline(__always)
    func select(_ test: (Int) -> Bool) -> Bits {
        var out = Bits(count: count, filled: false)
        out.words.withUnsafeMutableBufferPointer { o in
            words.withUnsafeBufferPointer { w in
                for wi in 0..<w.count {
                    let word = w[wi]
                    if word == 0 { continue }
                    let base = wi << 6
                    var result: UInt64 = 0
                    if word.nonzeroBitCount >= 16 {
                        let end = Swift.min(base + 64, count)
                        var i = base
                        while i < end {
                            result |= (test(i) ? 1 : 0) << UInt64(i - base)
                            i += 1
                        }
                        result &= word
                    } else {
                        var rest = word
                        while rest != 0 {
                            let bit = rest.trailingZeroBitCount
                            if test(base + bit) { result |= 1 << UInt64(bit) }
                            rest &= rest &- 1
                        }
                    }
                    o[wi] = result
                }
            }
        }
        return out
    }

    /// A bitset with the given rows set (rows outside `0..<count` are ignored).
    static func of(_ rows: some Sequence<Int32>, count: Int) -> Bits {
        var out = Bits(count: count, filled: false)
        out.words.withUnsafeMutableBufferPointer { o in
            for r in rows where r >= 0 && Int(r) < count { o[Int(r) >> 6] |= 1 << UInt64(r & 63) }
        }
        return out
    }

    /// Zeroes the unused bits of the last word, so popcounts and complements stay exact.
    mutating func clearTail() {
        let used = count & 63
        if used != 0, !words.isEmpty { words[words.count - 1] &= (UInt64(1) << UInt64(used)) - 1 }
    }

    subscript(i: Int) -> Bool { words[i >> 6] & (1 << UInt64(i & 63)) != 0 }

    func and(_ o: Bits) -> Bits { combine(o) { $0 & $1 } }
    func or(_ o: Bits) -> Bits { combine(o) { $0 | $1 } }
    func andNot(_ o: Bits) -> Bits { combine(o) { $0 & ~$1 } }

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
