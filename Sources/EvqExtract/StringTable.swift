import Foundation

/// A read-only table keyed by strings, for the lexicon's word and phrase tables: an ASCII key
/// is looked up by a cheap multiplicative hash of its UTF-8 bytes (the way `WordTable` classes
/// tokens) instead of `Hasher`'s SipHash, which with the string comparisons after it was about
/// a tenth of extraction time. A key with a non-ASCII byte is looked up in the ordinary
/// dictionary, so every answer is the one `[String: Value]` gives (strings equal under
/// canonical equivalence find the same entry).
public struct StringTable<Value> {
    /// One ASCII key: its first eight bytes packed (little-endian), its length (-1: an empty
    /// slot), where the rest of its bytes start in `tails`, and its value's index. The slots
    /// hold entries themselves, so a probe reads one array.
    private struct Entry {
        var packed: UInt64 = 0
        var length: Int32 = -1
        var tail: Int32 = 0
        var value: Int32 = 0
    }

    private var slots: [Entry] = [Entry()]
    private var values: [Value] = []
    /// Bytes after the eighth of long keys, back to back.
    private var tails: [UInt8] = []
    /// The slot count minus one (a power of two minus one).
    private var mask = 0
    /// The longest ASCII key's length (a longer query is absent without hashing).
    private var longest = 0
    /// Every key as given: the table for non-ASCII keys, and `keys`.
    private let dictionary: [String: Value]

    public init(_ dictionary: [String: Value]) {
        self.dictionary = dictionary
        // An ASCII key, and a non-ASCII key whose canonical (NFC) form is ASCII ("K" for the
        // Kelvin sign), both go in the byte table; `String` equality would find either.
        var ascii: [(bytes: [UInt8], value: Value)] = []
        for (key, value) in dictionary {
            if key.utf8.allSatisfy({ $0 < 0x80 }) {
                ascii.append((Array(key.utf8), value))
            } else {
                let composed = key.precomposedStringWithCanonicalMapping
                if composed.utf8.allSatisfy({ $0 < 0x80 }) { ascii.append((Array(composed.utf8), value)) }
            }
        }
        // (Sorted so that the layout does not depend on dictionary order.)
        ascii.sort { $0.bytes.lexicographicallyPrecedes($1.bytes) }
        var size = 16
        while size < ascii.count * 3 { size *= 2 }
        slots = [Entry](repeating: Entry(), count: size)
        mask = size - 1
        for (bytes, value) in ascii {
            var packed: UInt64 = 0
            var h: UInt64 = Self.basis
            for (k, b) in bytes.enumerated() {
                if k < 8 { packed |= UInt64(b) &<< UInt64(8 * k) }
                h = (h ^ UInt64(b)) &* Self.prime
            }
            var s = Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
            while slots[s].length >= 0 { s = (s + 1) & mask }
            slots[s] = Entry(packed: packed, length: Int32(bytes.count), tail: Int32(tails.count), value: Int32(values.count))
            values.append(value)
            longest = max(longest, bytes.count)
            if bytes.count > 8 { tails += bytes[8...] }
        }
    }

    static var basis: UInt64 { 0xcbf2_9ce4_8422_2325 }
    static var prime: UInt64 { 0x0000_0100_0000_01b3 }

    /// The value of `key`, as `[String: Value]` would answer.
    public subscript(key: String) -> Value? {
        // (Over the string's contiguous bytes: iterating `utf8` element by element cost more
        // than the hashing it replaced.)
        guard let found = key.utf8.withContiguousStorageIfAvailable({ lookup($0) }) else { return dictionary[key] }
        switch found {
        case .found(let v): return v
        case .absent: return nil
        case .notASCII: return dictionary[key]
        }
    }

    private enum Found {
        case found(Value)
        case absent
        case notASCII
    }

    @inline(__always) private func lookup(_ p: UnsafeBufferPointer<UInt8>) -> Found {
        var packed: UInt64 = 0
        var h: UInt64 = Self.basis
        let n = p.count
        if n > longest { return p.contains { $0 >= 0x80 } ? .notASCII : .absent }
        var k = 0
        while k < n {
            let b = p[k]
            if b >= 0x80 { return .notASCII }
            if k < 8 { packed |= UInt64(b) &<< UInt64(truncatingIfNeeded: 8 &* k) }
            h = (h ^ UInt64(b)) &* Self.prime
            k += 1
        }
        var s = Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
        let length = Int32(truncatingIfNeeded: n)
        while true {
            let entry = slots[s]
            if entry.length < 0 { return .absent }
            if entry.packed == packed, entry.length == length {
                if n <= 8 { return .found(values[Int(entry.value)]) }
                var same = true
                let tail = Int(entry.tail)
                for j in 8..<n where tails[tail + j - 8] != p[j] { same = false; break }
                if same { return .found(values[Int(entry.value)]) }
            }
            s = (s + 1) & mask
        }
    }

    /// Every key, as given.
    public var keys: Dictionary<String, Value>.Keys { dictionary.keys }

    public var count: Int { dictionary.count }
}

extension StringTable: Sendable where Value: Sendable {}

/// A read-only set of strings with `StringTable`'s lookup.
public struct StringSet: Sendable {
    private let table: StringTable<Bool>
    public init(_ set: Set<String>) { table = StringTable(Dictionary(uniqueKeysWithValues: set.map { ($0, true) })) }
    /// Whether `s` is in the set, as `Set<String>.contains` would answer.
    public func contains(_ s: String) -> Bool { table[s] != nil }
    public var count: Int { table.count }
}

/// A small growable set of strings, built per article (names seen, speakers): ASCII strings are
/// hashed over their bytes and probed in an open table of indices, where `Set<String>` ran
/// SipHash over every insert. Answers are `Set<String>`'s: once a non-ASCII string is in the set
/// or asked about, comparisons fall back to `String` equality (canonical equivalence) over the
/// members.
struct TextSet: Sendable {
    private var members: [String] = []
    /// Indices into `members` (-1: empty), a power of two long; empty while the set is small
    /// (up to `linear` members are compared one by one, cheaper than hashing).
    private var slots: [Int32] = []
    private var allASCII = true
    private static var linear: Int { 8 }

    init(capacity: Int = 8) {
        if capacity > 0 { members.reserveCapacity(capacity) }
    }

    /// A set of `xs`.
    init(_ xs: [String]) {
        self.init(capacity: xs.count)
        for x in xs { insert(x) }
    }

    /// The members, in the order they were added.
    var elements: [String] { members }
    var isEmpty: Bool { members.isEmpty }
    var count: Int { members.count }

    /// The FNV-1a hash of an ASCII string's bytes, or nil when it has a non-ASCII byte.
    @inline(__always) private static func asciiHash(_ s: String) -> UInt64? {
        var s = s
        return s.withUTF8 { p -> UInt64? in
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for b in p {
                if b >= 0x80 { return nil }
                h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3
            }
            return h ^ (h >> 29)
        }
    }

    /// The slot of `s` (hash `h`), or the empty slot where it would go.
    @inline(__always) private func probe(_ s: String, _ h: UInt64) -> Int {
        let mask = slots.count - 1
        var k = Int(truncatingIfNeeded: h) & mask
        while slots[k] >= 0, members[Int(slots[k])] != s { k = (k + 1) & mask }
        return k
    }

    func contains(_ s: String) -> Bool {
        guard !slots.isEmpty, let h = Self.asciiHash(s) else { return members.contains(s) }
        return slots[probe(s, h)] >= 0
    }

    /// Adds `s`; whether it was new.
    @discardableResult mutating func insert(_ s: String) -> Bool {
        if slots.isEmpty {
            if members.contains(s) { return false }
            members.append(s)
            if members.count > Self.linear, allASCII {
                if members.allSatisfy({ Self.asciiHash($0) != nil }) { rebuild(size: 32) } else { allASCII = false }
            }
            return true
        }
        guard let h = Self.asciiHash(s) else {
            // A non-ASCII member: from now on every question compares strings.
            if members.contains(s) { return false }
            allASCII = false
            slots = []
            members.append(s)
            return true
        }
        let k = probe(s, h)
        if slots[k] >= 0 { return false }
        members.append(s)
        if members.count * 2 > slots.count { rebuild(size: slots.count * 2) } else { slots[k] = Int32(members.count - 1) }
        return true
    }

    /// Places every member in a table of `size` slots.
    private mutating func rebuild(size: Int) {
        slots = [Int32](repeating: -1, count: size)
        for (i, m) in members.enumerated() {
            let j = probe(m, Self.asciiHash(m) ?? 0)
            slots[j] = Int32(i)
        }
    }
}
