/// The lexicon's word classes as an open-addressing hash table over ASCII bytes, so that the
/// tokenizer classes a word straight from the text's bytes (lowering A-Z on the fly) with a
/// cheap multiplicative hash, instead of building a `String` key and hashing it with
/// `Hasher` (SipHash), which cost more than the rest of tokenising. Words with non-ASCII bytes
/// are not in it: the caller asks `Lexicon.wordClasses` for those.
struct WordTable: Sendable {
    /// One word: its first eight bytes packed (little-endian, so one comparison rejects a
    /// different word), its length, where the rest of its bytes start in `tails`, its classes.
    struct Entry: Sendable {
        var packed: UInt64
        var length: Int
        var tail: Int
        var value: WordClass
    }
    private var entries: [Entry] = []
    /// Bytes after the eighth of long words, back to back.
    private var tails: [UInt8] = []
    /// Entry index + 1 per slot (0 = empty); the count is a power of two.
    private var slots: [Int32] = [0]
    private var mask = 0
    /// The classes of one-byte words and marks, by byte (most punctuation; no hashing).
    private var single = [WordClass](repeating: [], count: 128)
    /// Every entry's word, so a token that is one of them shares its string instead of
    /// building its own.
    private var words: [String] = []
    /// Every ASCII character as a one-character string (the text of most punctuation tokens).
    let characters: [String] = (0..<128).map { String(decoding: [UInt8($0)], as: UTF8.self) }

    init(_ classes: [String: WordClass]) {
        let ascii = classes.filter { $0.key.utf8.allSatisfy { $0 < 0x80 } && !$0.key.isEmpty }
        var size = 16
        while size < ascii.count * 3 { size *= 2 }
        slots = [Int32](repeating: 0, count: size)
        mask = size - 1
        // (Sorted so that the table's layout does not depend on dictionary order.)
        for (key, value) in ascii.sorted(by: { $0.key < $1.key }) {
            let k = Array(key.utf8)
            if k.count == 1, k[0] < 65 || k[0] > 90 { single[Int(k[0])] = value }
            let (packed, hash) = k.withUnsafeBufferPointer { Self.key($0, 0, k.count) } ?? (0, 0)
            entries.append(Entry(packed: packed, length: k.count, tail: tails.count, value: value))
            words.append(key)
            if k.count > 8 { tails += k[8...] }
            var s = hash & mask
            while slots[s] != 0 { s = (s + 1) & mask }
            slots[s] = Int32(entries.count)
        }
    }

    @inline(__always) static func lowered(_ c: UInt8) -> UInt8 { c >= 65 && c <= 90 ? c | 0x20 : c }

    /// The first eight lowercased bytes of `p[a..<b]` packed, and a hash of all of them; nil
    /// when a byte is not ASCII. `shape` gets whether a letter was uppercase and whether a
    /// hyphen was seen (the tokenizer needs both, and this is its one pass over the word).
    @inline(__always) static func key(_ p: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int) -> (UInt64, Int)? {
        var shape = (upper: false, hyphen: false)
        return key(p, a, b, shape: &shape)
    }

    @inline(__always) static func key(_ p: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int, shape: inout (upper: Bool, hyphen: Bool)) -> (UInt64, Int)? {
        var packed: UInt64 = 0
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        // (The bits of every byte or-ed together say whether any was not ASCII; uppercase and
        // hyphens are noted in locals: one pass, no per-byte stores.)
        var any: UInt8 = 0
        var upper = false, hyphen = false
        var k = a
        let head = min(b, a &+ 8)
        while k < head {
            var c = p[k]
            any |= c
            if c &- 65 < 26 { c |= 0x20; upper = true }
            hyphen = hyphen || c == UInt8(ascii: "-")
            packed |= UInt64(c) &<< UInt64(truncatingIfNeeded: 8 &* (k &- a))
            h = (h ^ UInt64(c)) &* 0x0000_0100_0000_01b3
            k += 1
        }
        while k < b {
            var c = p[k]
            any |= c
            if c &- 65 < 26 { c |= 0x20; upper = true }
            hyphen = hyphen || c == UInt8(ascii: "-")
            h = (h ^ UInt64(c)) &* 0x0000_0100_0000_01b3
            k += 1
        }
        if any >= 0x80 { return nil }
        if upper { shape.upper = true }
        if hyphen { shape.hyphen = true }
        return (packed, Int(truncatingIfNeeded: h ^ (h >> 29)))
    }

    /// The classes of the ASCII word `p[a..<b]` (compared lowercased), or nil when the word
    /// has a non-ASCII byte (not covered by this table).
    func classes(_ p: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int) -> WordClass? {
        if b - a == 1, p[a] < 0x80 { return single[Int(WordTable.lowered(p[a]))] }
        return lookup(p, a, b)?.classes
    }

    /// The classes of the ASCII word `p[a..<b]` and the index of its entry (-1 if it has
    /// none; see `word`), or nil when the word has a non-ASCII byte.
    func lookup(_ p: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int) -> (classes: WordClass, entry: Int)? {
        var shape = (upper: false, hyphen: false)
        return lookup(p, a, b, shape: &shape)
    }

    /// `lookup`, also telling the word's `shape` (see `key`) when it is ASCII.
    func lookup(_ p: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int, shape: inout (upper: Bool, hyphen: Bool)) -> (classes: WordClass, entry: Int)? {
        guard let (packed, hash) = Self.key(p, a, b, shape: &shape) else { return nil }
        let n = b - a
        var s = hash & mask
        while true {
            let e = Int(slots[s])
            if e == 0 { return ([], -1) }
            let entry = entries[e - 1]
            if entry.packed == packed, entry.length == n {
                if n <= 8 { return (entry.value, e - 1) }
                var same = true
                for k in 8..<n {
                    var c = p[a + k]
                    if c >= 65 && c <= 90 { c |= 0x20 }
                    if tails[entry.tail + k - 8] != c { same = false; break }
                }
                if same { return (entry.value, e - 1) }
            }
            s = (s + 1) & mask
        }
    }

    /// The word of entry `index` (from `lookup`): the lowercase of the word looked up.
    func word(_ index: Int) -> String { words[index] }
}
