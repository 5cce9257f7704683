import Foundation

/// Shares one `[String]` per repeated actor, place or source list while importing, recognised
/// by the list's raw JSON bytes (`["Minsk", "Vilnius"]`): equal bytes always read as equal
/// lists, so a list seen before is taken from here without reading its strings again, and
/// every event naming it shares one array (copy-on-write) instead of holding its own.
///
/// In a large event set most place lists and many source lists repeat, while most actor lists
/// are unique. To keep unique lists out of the table, a list is admitted only on its second
/// sighting: the first leaves its hash in a small filter. Both tables have a fixed size (the
/// table stops admitting at half full), so memory stays bounded whatever the input.
///
/// Nearly every lookup in a large event set is a cache miss, so a slot is one 64-byte cache
/// line holding the hash, the length and, when they fit (`["Minsk", "Vilnius"]` does), the raw
/// bytes themselves: comparing them costs no second miss. Longer lists keep their bytes in an
/// arena.
struct ListInterner {
    /// `wordsPerSlot` words per slot, starting `pad` words in (on a 64-byte boundary): the
    /// hash (0: free), the length and arena offset, then up to `inlineLength` raw bytes.
    private var words: [UInt64]
    private let pad: Int
    /// The list of each slot.
    private var lists: [[String]]
    private var arena: [UInt8] = []
    private var used = 0
    private let mask: Int
    /// Hashes of lists seen once (0: empty), direct-mapped; a collision only costs an early
    /// admission.
    private var seen: [UInt64]

    static let wordsPerSlot = 8
    /// Raw lists up to this long are kept in their slot.
    static let inlineLength = 48

    init(capacity: Int = 1 << 16) {
        var size = 16
        while size < capacity { size <<= 1 }
        words = Array(repeating: 0, count: size * ListInterner.wordsPerSlot + ListInterner.wordsPerSlot)
        // Where the first 64-byte boundary is (a copy of this value may lose the alignment,
        // never the contents).
        pad = words.withUnsafeBufferPointer { w in
            ((64 - Int(bitPattern: w.baseAddress) & 63) & 63) / 8
        }
        lists = Array(repeating: [], count: size)
        mask = size - 1
        seen = Array(repeating: 0, count: size * 2)
    }

    /// Longer raw lists are neither looked up nor kept (they are rarely repeated, and would
    /// fill the arena).
    static let maxLength = 512

    /// The shared list whose raw bytes are `raw`, if there is one.
    func lookup(_ raw: UnsafeBufferPointer<UInt8>, hash h: UInt64) -> [String]? {
        guard raw.count <= ListInterner.maxLength, let base = raw.baseAddress else { return nil }
        var slot = Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
        return words.withUnsafeBufferPointer { w -> [String]? in
            while true {
                let at = pad + slot * ListInterner.wordsPerSlot
                let stored = w[at]
                if stored == 0 { return nil }
                if stored == h, Int(w[at + 1] & 0xFFFF_FFFF) == raw.count {
                    let same: Bool
                    if raw.count <= ListInterner.inlineLength {
                        same = memcmp(UnsafeRawPointer(w.baseAddress! + at + 2), base, raw.count) == 0
                    } else {
                        let offset = Int(w[at + 1] >> 32)
                        same = arena.withUnsafeBufferPointer { a in memcmp(a.baseAddress! + offset, base, raw.count) == 0 }
                    }
                    if same { return lists[slot] }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Offers a list just read (and not found): kept if it was seen before.
    mutating func offer(_ raw: UnsafeBufferPointer<UInt8>, hash h: UInt64, list: [String]) {
        guard raw.count <= ListInterner.maxLength, used * 2 < lists.count, arena.count < Int(Int32.max) - raw.count else { return }
        let filter = Int(truncatingIfNeeded: h >> 7) & (seen.count - 1)
        guard seen[filter] == h else {
            seen[filter] = h
            return
        }
        var slot = Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
        while words[pad + slot * ListInterner.wordsPerSlot] != 0 { slot = (slot + 1) & mask }
        let at = pad + slot * ListInterner.wordsPerSlot
        var offset = 0
        if raw.count > ListInterner.inlineLength {
            offset = arena.count
            arena.append(contentsOf: raw)
        }
        words.withUnsafeMutableBufferPointer { w in
            w[at] = h
            w[at + 1] = UInt64(raw.count) | UInt64(offset) << 32
            if raw.count <= ListInterner.inlineLength {
                UnsafeMutableRawPointer(w.baseAddress! + at + 2).copyMemory(from: raw.baseAddress!, byteCount: raw.count)
            }
        }
        lists[slot] = list
        used += 1
    }

    /// A 64-bit hash of any number of bytes; never 0.
    @inline(__always)
    static func hash(_ raw: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard let p = raw.baseAddress, raw.count >= 8 else {
            var h: UInt64 = 0x9E37_79B9_7F4A_7C15
            for b in raw { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
            return h | 1
        }
        return StringInterner.hash(p, raw.count)
    }
}
