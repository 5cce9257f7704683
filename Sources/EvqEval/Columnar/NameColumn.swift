import EvqModel

/// The actor and place columns while they are collected (on their own thread: only that
/// thread touches them until the builder waits for it).
final class NameLists: @unchecked Sendable {
    var actors: NameColumn.Builder
    var places: NameColumn.Builder

    init(count: Int) {
        actors = NameColumn.Builder(count: count)
        places = NameColumn.Builder(count: count)
    }

    /// The builders, leaving none behind (so that finishing them copies nothing).
    func take() -> (NameColumn.Builder, NameColumn.Builder) {
        defer {
            actors = NameColumn.Builder(count: 0)
            places = NameColumn.Builder(count: 0)
        }
        return (actors, places)
    }

    func collect(_ events: [Event]) {
        events.withUnsafeBufferPointer { all in
            for i in all.indices {
                actors.add(all[i].actors, row: i)
                places.add(all[i].places, row: i)
            }
        }
    }
}

/// One name-list field (actors or places) of a column store: each distinct name with the rows
/// that name it.
struct NameColumn: Sendable {
    /// Distinct names in first-seen order; an id indexes `names` and `rows`.
    let names: [String]
    /// Name -> id, for `contains` (the checker's resolved names).
    let index: [String: Int32]
    /// The rows naming each name, ascending, each row once (a name listed twice in one event
    /// counts once, like the reference's `Set`).
    let rows: [[Int32]]
    /// The rows whose list is empty (the missing group of `count by`).
    let empty: Bits

    /// Collects the lists row by row.
    struct Builder {
        var interner = Interner()
        var rows: [[Int32]] = []
        var empty: Bits

        init(count: Int) { empty = Bits(count: count, filled: false) }

        mutating func add(_ list: [String], row: Int) {
            if list.isEmpty {
                empty.words[row >> 6] |= 1 << UInt64(row & 63)
                return
            }
            for name in list {
                let id = Int(interner.id(name))
                if id == rows.count { rows.append([]) }
                if rows[id].last != Int32(row) { rows[id].append(Int32(row)) }
            }
        }

        /// The column, each row list copied to its exact size (growing them left up to half
        /// of their capacity unused).
        consuming func finish() -> NameColumn {
            let exact = rows.indices.map { id in
                let list = rows[id]
                rows[id] = []
                return [Int32](unsafeUninitializedCapacity: list.count) { buffer, count in
                    _ = buffer.initialize(from: list)
                    count = list.count
                }
            }
            return NameColumn(names: interner.names, index: interner.index, rows: exact, empty: empty)
        }
    }
}

/// Interns names to dense ids in first-seen order.
///
/// Most lookups are answered by the string's identity: a million events name a few thousand
/// distinct strings, nearly all shared objects (the cache's decoder and the importer share
/// them), so the two words of a `String` are looked up in a small open-addressing table
/// before its contents are hashed. Equal words are always the same string (the events keep
/// every string alive while the store is built); a string met under new words falls back to
/// the lookup by value.
struct Interner {
    var index: [String: Int32] = [:]
    var names: [String] = []
    private var keys: [(UInt64, UInt64)] = Array(repeating: (0, 0), count: 1 << 10)
    private var ids: [Int32] = Array(repeating: -1, count: 1 << 10)
    private var used = 0

    mutating func id(_ name: String) -> Int32 {
        let bits = unsafeBitCast(name, to: (UInt64, UInt64).self)
        let mask = keys.count - 1
        var slot = Interner.slot(bits, mask)
        while ids[slot] >= 0 {
            if keys[slot] == bits { return ids[slot] }
            slot = (slot + 1) & mask
        }
        let id: Int32
        if let known = index[name] {
            id = known
        } else {
            id = Int32(names.count)
            index[name] = id
            names.append(name)
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
            var slot = Interner.slot(oldKeys[k], mask)
            while ids[slot] >= 0 { slot = (slot + 1) & mask }
            keys[slot] = oldKeys[k]
            ids[slot] = oldIds[k]
        }
    }
}
