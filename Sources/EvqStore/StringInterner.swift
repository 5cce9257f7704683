import Foundation

/// Shares one `String` per distinct short byte sequence while importing.
///
/// A million imported events name the same few thousand actors, places and sources over and
/// over; creating one heap string per occurrence would cost both time and memory. Strings of
/// up to 15 bytes are stored inline by Swift anyway and are not interned; long strings
/// (sentences) are rarely repeated and are not interned either. The bytes of every interned
/// string are kept in one arena so a lookup compares bytes with `memcmp` instead of going
/// through `String`.
struct StringInterner {
    /// One probe touches one slot (one cache line) rather than three parallel arrays.
    private struct Slot {
        var hash: UInt64 = 0
        var offset = 0
        var string = ""
    }

    private var slots: [Slot]
    private var arena: [UInt8] = []
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
                    let offset = table[slot].offset
                    let same = arena.withUnsafeBufferPointer { a in
                        a.count - offset >= n && memcmp(a.baseAddress! + offset, base, n) == 0
                    }
                    if same { return table[slot].string }
                }
                slot = (slot + 1) & mask
            }
        }
        if let found { return found }
        let s = String(decoding: bytes, as: UTF8.self)
        if used * 2 < slots.count {
            slots[slot] = Slot(hash: h, offset: arena.count, string: s)
            arena.append(contentsOf: bytes)
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
