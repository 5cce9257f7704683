/// Shares one `String` per distinct short byte sequence while importing.
///
/// A million imported events name the same few thousand actors, places and sources over and
/// over; creating one heap string per occurrence would cost both time and memory. Strings of
/// up to 15 bytes are stored inline by Swift anyway and are not interned; very long strings
/// (sentences) are rarely repeated and are not interned either.
struct StringInterner {
    private var hashes: [UInt64]
    private var strings: [String]
    private var used = 0
    private let mask: Int

    /// `capacity` is rounded up to a power of two; the table stops accepting new strings at
    /// half full (lookups still work), which bounds its memory.
    init(capacity: Int = 1 << 16) {
        var size = 16
        while size < capacity { size <<= 1 }
        hashes = Array(repeating: 0, count: size)
        strings = Array(repeating: "", count: size)
        mask = size - 1
    }

    /// The shared string for `bytes` (valid UTF-8 is not required; invalid bytes are repaired
    /// the way `String(decoding:as:)` does).
    mutating func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let n = bytes.count
        if n <= 15 || n > 96 { return String(decoding: bytes, as: UTF8.self) }
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        if h == 0 { h = 1 }
        var slot = Int(truncatingIfNeeded: h ^ (h >> 32)) & mask
        while true {
            let stored = hashes[slot]
            if stored == 0 { break }
            if stored == h, StringInterner.equal(strings[slot], bytes) { return strings[slot] }
            slot = (slot + 1) & mask
        }
        let s = String(decoding: bytes, as: UTF8.self)
        if used * 2 < hashes.count {
            hashes[slot] = h
            strings[slot] = s
            used += 1
        }
        return s
    }

    private static func equal(_ s: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var s = s
        return s.withUTF8 { u in
            u.count == bytes.count && (u.count == 0 || memcmpEqual(u.baseAddress!, bytes.baseAddress!, u.count))
        }
    }
}

/// Byte equality of two buffers of `count` bytes.
@inline(__always)
func memcmpEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    var i = 0
    while i < count {
        if a[i] != b[i] { return false }
        i += 1
    }
    return true
}
