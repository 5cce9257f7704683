import Foundation

/// Shares one `String` per distinct short byte sequence while importing.
///
/// A million imported events name the same few thousand actors, places and sources over and
/// over; creating one heap string per occurrence would cost both time and memory. Long strings
/// (sentences) are rarely repeated and are not interned. Strings of up to 15 bytes are stored
/// inline by Swift, so there is no object to share, but building one still validates its
/// UTF-8, which costs several times a lookup: they go through a small direct-mapped cache
/// keyed by the bytes themselves (`small`), which stays in the processor's cache. A lookup compares the bytes
/// with `memcmp` against the interned string's own storage: in a large event set most
/// lookups miss the cache, and the string's object is the one line that the retain of the
/// string found needs anyway (a separate arena of the bytes cost a second miss).
struct StringInterner {
    /// One probe touches one slot (one cache line) rather than parallel arrays.
    private struct Slot {
        var hash: UInt64 = 0
        var string = ""
    }

    private var slots: [Slot]
    private var used = 0
    private let mask: Int

    /// A short string and its bytes, packed: `lo` the first eight, `hi` the rest with the
    /// length in the top byte (so a free slot, `hi == 0`, matches no string).
    private struct SmallSlot {
        var lo: UInt64 = 0
        var hi: UInt64 = 0
        var string = ""
    }
    /// Direct-mapped: a new string replaces whatever held its slot, so the table never fills
    /// and unique strings cost only their own build.
    private var small = Array(repeating: SmallSlot(), count: StringInterner.smallSlots)
    static let smallSlots = 4096

    /// `capacity` is rounded up to a power of two; the table stops accepting new strings at
    /// half full (lookups still work), which bounds its memory.
    init(capacity: Int = 1 << 18) {
        var size = 16
        while size < capacity { size <<= 1 }
        slots = Array(repeating: Slot(), count: size)
        mask = size - 1
    }

    /// The shared string for `bytes` (invalid UTF-8 is repaired as `String(decoding:as:)` does).
    mutating func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let n = bytes.count
        if n <= 15 { return smallString(bytes) }
        guard n <= 96, let base = bytes.baseAddress else { return String(decoding: bytes, as: UTF8.self) }
        let h = StringInterner.hash(base, n)
        var slot = Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
        let found: String? = slots.withUnsafeBufferPointer { table in
            while true {
                let stored = table[slot].hash
                if stored == 0 { return nil }
                if stored == h {
                    // Interned strings are native (longer than 15 bytes, made by
                    // `String(decoding:as:)`), so their UTF-8 is contiguous.
                    let same = table[slot].string.utf8.withContiguousStorageIfAvailable { u in
                        u.count == n && memcmp(u.baseAddress!, base, n) == 0
                    }
                    if same == true { return table[slot].string }
                }
                slot = (slot + 1) & mask
            }
        }
        if let found { return found }
        let s = String(decoding: bytes, as: UTF8.self)
        // Invalid UTF-8 is repaired, and a repaired string would never match its bytes again.
        let exact = s.utf8.withContiguousStorageIfAvailable { u in u.count == n && memcmp(u.baseAddress!, base, n) == 0 }
        if used * 2 < slots.count, exact == true {
            slots[slot] = Slot(hash: h, string: s)
            used += 1
        }
        return s
    }

    /// `bytes` (at most 15) through the direct-mapped cache of short strings.
    private mutating func smallString(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let n = bytes.count
        guard n > 0, let base = bytes.baseAddress else { return "" }
        var key: (lo: UInt64, hi: UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &key) { $0.baseAddress!.copyMemory(from: base, byteCount: n) }
        let lo = UInt64(littleEndian: key.lo)
        let hi = UInt64(littleEndian: key.hi) | UInt64(n) << 56
        var h = (lo ^ (hi &* 0x9E37_79B9_7F4A_7C15)) &* 0xBF58_476D_1CE5_E9B9
        h ^= h >> 32
        let slot = Int(truncatingIfNeeded: h) & (StringInterner.smallSlots - 1)
        let hit: String? = small.withUnsafeBufferPointer { t in
            t[slot].lo == lo && t[slot].hi == hi ? t[slot].string : nil
        }
        if let hit { return hit }
        // The key is the input bytes, not the string's, so a repaired string (invalid UTF-8) is
        // the right answer for its bytes the next time too.
        let s = String(decoding: bytes, as: UTF8.self)
        small[slot] = SmallSlot(lo: lo, hi: hi, string: s)
        return s
    }

    /// A fast 64-bit hash of `n` (> 8) bytes, eight at a time; never 0 (0 marks a free slot).
    @inline(__always)
    static func hash(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
        let raw = UnsafeRawPointer(p)
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(n)
        var i = 0
        while i + 8 <= n {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xBF58_476D_1CE5_E9B9
            h ^= h >> 31
            i += 8
        }
        if i < n {
            h = (h ^ raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)) &* 0x94D0_49BB_1331_11EB
            h ^= h >> 29
        }
        return h | 1
    }
}
