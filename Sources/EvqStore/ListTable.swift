import EvqModel

/// The actor, place and source lists of an event list being encoded (see `EventCodec`).
///
/// A list named by more than one event goes into the header's table, once, and events refer
/// to it; a list named once is written in place: sharing it would save nothing, and building
/// it as its event is decoded is cheaper than looking it up. Lists are compared as sequences
/// of string indices in one flat array with an open-addressing hash table over them, so a
/// million events cost no per-list allocation.
struct ListTable {
    /// Distinct lists, flattened: list `d` is `items[starts[d] ..< starts[d + 1]]`.
    private var items: [Int32] = []
    private var starts: [Int32] = [0]
    /// How many list slots name each distinct list.
    private var uses: [Int32] = []
    /// Per event position, per list (actors, places, sources): distinct list + 1, or 0 for empty.
    private var slots: [Int32]
    /// Distinct list -> its index in the header's table (-1 until first written).
    private var tableIndex: [Int32] = []
    /// The shared lists in the order they were first written (the header's table).
    private var table: [Int32] = []

    /// Reads every list of `events` in `order` (positions; nil: as they are).
    init(_ events: UnsafeBufferPointer<Event>, order: [Int]?, strings: inout StringTable) {
        let n = events.count
        slots = [Int32](repeating: 0, count: n * 3)
        var buckets = [Int32](repeating: -1, count: 1 << 12)
        var mask = buckets.count - 1
        var scratch: [Int32] = []
        for k in 0..<n {
            let i = order?[k] ?? k
            for which in 0..<3 {
                // Reads the one list in place (binding the event would copy all its fields).
                let names = which == 0 ? events[i].actors : which == 1 ? events[i].places : events[i].sources
                if names.isEmpty { continue }
                scratch.removeAll(keepingCapacity: true)
                var hash: UInt64 = 0x9E37_79B9_7F4A_7C15
                for name in names {
                    let index = Int32(truncatingIfNeeded: strings.index(name))
                    scratch.append(index)
                    hash = (hash ^ UInt64(UInt32(bitPattern: index))) &* 0xFF51_AFD7_ED55_8CCD
                    hash ^= hash >> 29
                }
                var b = Int(truncatingIfNeeded: hash) & mask
                var found: Int32 = -1
                while buckets[b] >= 0 {
                    let d = Int(buckets[b])
                    if items[Int(starts[d])..<Int(starts[d + 1])].elementsEqual(scratch) {
                        found = Int32(d)
                        break
                    }
                    b = (b + 1) & mask
                }
                if found < 0 {
                    found = Int32(uses.count)
                    items += scratch
                    starts.append(Int32(items.count))
                    uses.append(0)
                    tableIndex.append(-1)
                    buckets[b] = found
                    if uses.count * 2 > buckets.count {
                        buckets = ListTable.rehash(starts: starts, items: items, size: buckets.count * 2)
                        mask = buckets.count - 1
                    }
                }
                uses[Int(found)] += 1
                slots[k * 3 + which] = found + 1
            }
        }
    }

    private static func rehash(starts: [Int32], items: [Int32], size: Int) -> [Int32] {
        var buckets = [Int32](repeating: -1, count: size)
        for d in 0..<(starts.count - 1) {
            var hash: UInt64 = 0x9E37_79B9_7F4A_7C15
            for index in items[Int(starts[d])..<Int(starts[d + 1])] {
                hash = (hash ^ UInt64(UInt32(bitPattern: index))) &* 0xFF51_AFD7_ED55_8CCD
                hash ^= hash >> 29
            }
            var b = Int(truncatingIfNeeded: hash) & (size - 1)
            while buckets[b] >= 0 { b = (b + 1) & (size - 1) }
            buckets[b] = Int32(d)
        }
        return buckets
    }

    /// Writes list slot `slot` (event position * 3 + 0, 1, 2 for actors, places, sources): 0
    /// for an empty list, `index << 1 | 1` for a shared one, `count << 1` followed by its
    /// string indices for one named once.
    mutating func write(_ slot: Int, to body: inout ByteWriter) {
        let ref = Int(slots[slot])
        if ref == 0 {
            body.varint(0)
            return
        }
        let d = ref - 1
        let range = Int(starts[d])..<Int(starts[d + 1])
        if uses[d] == 1 {
            body.varint(UInt64(range.count) << 1)
            for j in range { body.varint(UInt64(UInt32(bitPattern: items[j]))) }
            return
        }
        if tableIndex[d] < 0 {
            tableIndex[d] = Int32(table.count)
            table.append(Int32(d))
        }
        body.varint(UInt64(UInt32(bitPattern: tableIndex[d])) << 1 | 1)
    }

    /// Writes the table of shared lists: their count, then each as (length, string indices).
    func writeTable(to out: inout ByteWriter) {
        out.varint(UInt64(table.count))
        for d in table {
            let range = Int(starts[Int(d)])..<Int(starts[Int(d) + 1])
            out.varint(UInt64(range.count))
            for j in range { out.varint(UInt64(UInt32(bitPattern: items[j]))) }
        }
    }
}
