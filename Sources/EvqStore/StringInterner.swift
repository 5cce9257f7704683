import Foundation

/// Shares one `String` per distinct short byte sequence while importing.
///
/// A million imported events name the same few thousand actors, places and sources over and
/// over; creating one heap string per occurrence would cost both time and memory. Strings of
/// up to 15 bytes are stored inline by Swift anyway and are not interned; long strings
/// (sentences) are rarely repeated and are not interned either. A lookup compares the bytes
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
        guard n > 15, n <= 96, let base = bytes.baseAddress else { return String(decoding: bytes, as: UTF8.self) }
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
