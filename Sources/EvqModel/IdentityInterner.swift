/// Dense ids for strings, in first-seen order, looked up first by the string's identity.
///
/// A large event set names a few thousand distinct strings through millions of references, and
/// nearly all of them are shared objects (the cache's decoder and the importer share them). So
/// the two words of a `String` value are looked up in a small open-addressing table before its
/// contents are hashed. Equal words are always the same string as long as every string looked
/// up stays alive while the interner is used (the caller's events keep them); a string met
/// under new words falls back to the lookup by contents. Used by the column store and the
/// cache's encoder.
public struct IdentityInterner: Sendable {
    /// The distinct strings, by id.
    public private(set) var strings: [String] = []
    /// Id by contents.
    public private(set) var index: [String: Int] = [:]
    private var keys: [(UInt64, UInt64)] = Array(repeating: (0, 0), count: 1 << 10)
    private var ids: [Int] = Array(repeating: -1, count: 1 << 10)
    private var used = 0

    /// An empty interner.
    public init() {}

    /// The id of `s`, assigning the next one if its contents are new.
    public mutating func id(_ s: String) -> Int {
        let bits = unsafeBitCast(s, to: (UInt64, UInt64).self)
        let mask = keys.count - 1
        var slot = IdentityInterner.slot(bits, mask)
        while ids[slot] >= 0 {
            if keys[slot] == bits { return ids[slot] }
            slot = (slot + 1) & mask
        }
        let id: Int
        if let known = index[s] {
            id = known
        } else {
            id = strings.count
            strings.append(s)
            index[s] = id
        }
        keys[slot] = bits
        ids[slot] = id
        used += 1
        if used * 2 > keys.count { grow() }
        return id
    }

    @inline(__always)
    private static func slot(_ bits: (UInt64, UInt64), _ mask: Int) -> Int {
        var h = (bits.0 ^ (bits.1 &* 0x9E37_79B9_7F4A_7C15)) &* 0xBF58_476D_1CE5_E9B9
        h ^= h >> 31
        return Int(truncatingIfNeeded: h) & mask
    }

    private mutating func grow() {
        let oldKeys = keys, oldIds = ids
        keys = Array(repeating: (0, 0), count: oldKeys.count * 2)
        ids = Array(repeating: -1, count: oldKeys.count * 2)
        let mask = keys.count - 1
        for k in oldKeys.indices where oldIds[k] >= 0 {
            var slot = IdentityInterner.slot(oldKeys[k], mask)
            while ids[slot] >= 0 { slot = (slot + 1) & mask }
            keys[slot] = oldKeys[k]
            ids[slot] = oldIds[k]
        }
    }
}
