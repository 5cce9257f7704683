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

/// Interns names to dense ids in first-seen order (`IdentityInterner`, with the column
/// store's 32-bit ids).
struct Interner {
    private var table = IdentityInterner()
    var names: [String] { table.strings }
    var index: [String: Int32] { table.index.mapValues { Int32(truncatingIfNeeded: $0) } }

    mutating func id(_ name: String) -> Int32 { Int32(truncatingIfNeeded: table.id(name)) }
}
