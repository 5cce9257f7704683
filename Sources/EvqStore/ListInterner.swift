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
struct ListInterner {
    private struct Slot {
        var hash: UInt64 = 0
        var offset: Int32 = 0
        var length: Int32 = 0
        var list: [String] = []
    }

    private var slots: [Slot]
    private var arena: [UInt8] = []
    private var used = 0
    private let mask: Int
    /// Hashes of lists seen once (0: empty), direct-mapped; a collision only costs an early
    /// admission.
    private var seen: [UInt64]

    init(capacity: Int = 1 << 16) {
        var size = 16
        while size < capacity { size <<= 1 }
        slots = Array(repeating: Slot(), count: size)
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
        return slots.withUnsafeBufferPointer { table in
            while true {
                let stored = table[slot].hash
                if stored == 0 { return nil }
                if stored == h, Int(table[slot].length) == raw.count {
                    let offset = Int(table[slot].offset)
                    let same = arena.withUnsafeBufferPointer { a in memcmp(a.baseAddress! + offset, base, raw.count) == 0 }
                    if same { return table[slot].list }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Offers a list just read (and not found): kept if it was seen before.
    mutating func offer(_ raw: UnsafeBufferPointer<UInt8>, hash h: UInt64, list: [String]) {
        guard raw.count <= ListInterner.maxLength, used * 2 < slots.count, arena.count < Int(Int32.max) - raw.count else { return }
        let filter = Int(truncatingIfNeeded: h >> 7) & (seen.count - 1)
        guard seen[filter] == h else {
            seen[filter] = h
            return
        }
        var slot = Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
        while slots[slot].hash != 0 { slot = (slot + 1) & mask }
        slots[slot] = Slot(hash: h, offset: Int32(arena.count), length: Int32(raw.count), list: list)
        arena.append(contentsOf: raw)
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
