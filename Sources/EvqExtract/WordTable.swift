/// The lexicon's word classes as an open-addressing hash table over ASCII bytes, so that the
/// tokenizer classes a word straight from the text's bytes (lowering A-Z on the fly) with a
/// cheap multiplicative hash, instead of building a `String` key and hashing it with
/// `Hasher` (SipHash), which cost more than the rest of tokenising. Words with non-ASCII bytes
/// are not in it: the caller asks `Lexicon.wordClasses` for those.
struct WordTable: Sendable {
    /// The keys' bytes, back to back.
    private var bytes: [UInt8] = []
    /// Per entry: start in `bytes`, length, classes.
    private var starts: [Int32] = []
    private var lengths: [Int32] = []
    private var values: [WordClass] = []
    /// Entry index + 1 per slot (0 = empty); the count is a power of two.
    private var slots: [Int32] = [0]
    private var mask = 0

    init(_ classes: [String: WordClass]) {
        let ascii = classes.filter { $0.key.utf8.allSatisfy { $0 < 0x80 } && !$0.key.isEmpty }
        var size = 16
        while size < ascii.count * 3 { size *= 2 }
        slots = [Int32](repeating: 0, count: size)
        mask = size - 1
        // (Sorted so that the table's layout does not depend on dictionary order.)
        for (key, value) in ascii.sorted(by: { $0.key < $1.key }) {
            let k = Array(key.utf8)
            starts.append(Int32(bytes.count))
            lengths.append(Int32(k.count))
            values.append(value)
            bytes += k
            var s = k.withUnsafeBufferPointer { Self.hash($0, 0, k.count) } & mask
            while slots[s] != 0 { s = (s + 1) & mask }
            slots[s] = Int32(values.count)
        }
    }

    @inline(__always) static func lowered(_ c: UInt8) -> UInt8 { c >= 65 && c <= 90 ? c | 0x20 : c }

    /// FNV-style hash of the lowercased bytes `p[a..<b]`.
    @inline(__always) static func hash(_ p: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for k in a..<b { h = (h ^ UInt64(lowered(p[k]))) &* 0x0000_0100_0000_01b3 }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    /// The classes of the ASCII word `p[a..<b]` (compared lowercased), or nil when the word
    /// has a non-ASCII byte (not covered by this table).
    func classes(_ p: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int) -> WordClass? {
        for k in a..<b where p[k] >= 0x80 { return nil }
        var s = Self.hash(p, a, b) & mask
        let n = b - a
        while true {
            let e = Int(slots[s])
            if e == 0 { return [] }
            if Int(lengths[e - 1]) == n {
                let st = Int(starts[e - 1])
                var same = true
                for k in 0..<n where bytes[st + k] != Self.lowered(p[a + k]) { same = false; break }
                if same { return values[e - 1] }
            }
            s = (s + 1) & mask
        }
    }
}
