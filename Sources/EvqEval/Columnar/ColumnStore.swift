import Dispatch
import EvqModel
import EvqSema

/// A corpus laid out for scans: one array per field, names interned to small integers.
///
/// Built once per corpus (see `FastPathState`) and never changed afterwards, so queries read it
/// from any thread. Row `i` is `corpus.all[i]`; the events themselves are kept for the rows a
/// result shows.
public final class ColumnStore: Sendable {
    /// The day number standing for "no date" in `start` and `end`.
    static let missingDay = Int32.min

    let events: [Event]
    let aliases: [String: [String]]
    let count: Int

    /// First and last day of each event's interval (`missingDay` when the date is missing).
    let start: [Int32]
    let end: [Int32]
    /// `year * 12 + month - 1` when the interval lies in one month, else -1 (`month(date)`).
    let month: [Int32]
    /// The year when the interval lies in one year, else `Int32.min` (`year(date)`).
    let year: [Int32]
    /// The smallest and largest values in `month` and `year` (empty ranges when there are none),
    /// so grouping by them counts into a dense array.
    let monthRange: ClosedRange<Int32>?
    let yearRange: ClosedRange<Int32>?

    /// The count's value (0 when there is none) and whether there is one (`count is missing`).
    let countValue: [Int]
    let hasCount: [Bool]
    /// Index of the count's qualifier in `Qualifier.allCases` (the order `sort` breaks ties by).
    /// With `countValue` it gives the set of possible values a comparison needs (see
    /// `countBounds`), which is cheaper to derive per row than to keep as two more columns.
    let qualifier: [UInt8]

    /// Interned type names (as stored, lowercased) and each row's type id.
    let typeNames: [String]
    let type: [UInt16]
    /// Index into `Category.allCases`, `Status.allCases`, `EventCollection.allCases`.
    let category: [UInt8]
    let status: [UInt8]
    let collection: [UInt8]
    let total: [Bool]
    /// The rows of each collection (by `EventCollection.allCases` index), and of each
    /// collection and category (`[collection][category]`), so a source costs no scan.
    let collectionRows: [Bits]
    let categoryRows: [[Bits]]

    /// The actor and place lists as inverted lists (name -> rows), so `contains` costs the size
    /// of its answer and `count by` one pass over the lists, with no per-row copy of them.
    let actors: NameColumn
    let places: NameColumn

    /// The corpus's names for the checker (`contains` resolution, did-you-mean), built from the
    /// interned tables instead of another pass over the events.
    let names: NameIndex

    /// Builds the columns of `corpus`, or nil when a value does not fit them (a day number
    /// outside 32 bits), in which case the reference evaluator answers every query.
    init?(_ corpus: Corpus) {
        let all = corpus.all
        let n = all.count
        guard n < Int(Int32.max) else { return nil }
        events = all
        aliases = corpus.aliases
        count = n
        var start = [Int32](repeating: Self.missingDay, count: n), end = start
        var month = [Int32](repeating: -1, count: n), year = [Int32](repeating: Int32.min, count: n)
        var monthLow = Int32.max, monthHigh = Int32.min, yearLow = Int32.max, yearHigh = Int32.min
        var countValue = [Int](repeating: 0, count: n), hasCount = [Bool](repeating: false, count: n)
        var qualifier = [UInt8](repeating: 0, count: n)
        var type = [UInt16](repeating: 0, count: n)
        var category = [UInt8](repeating: 0, count: n), status = category, collection = category
        var total = [Bool](repeating: false, count: n)
        var types = Interner()
        var typeCategory: [UInt8] = []
        // The name lists are collected on another thread while this one fills the other
        // columns (the two halves of the work take about as long); small corpora stay on one.
        let lists = NameLists(count: n)
        let group = DispatchGroup()
        if n >= 1 << 16 {
            DispatchQueue.global().async(group: group) { lists.collect(all) }
        } else {
            lists.collect(all)
        }
        let qualifiers = Qualifier.allCases, statuses = Status.allCases, collections = EventCollection.allCases
        let categories = Category.allCases
        // `all[i].field` through a buffer pointer reads one field in place; on the array (or
        // binding `all[i]` to a name) it could copy the whole event, a dozen reference counts.
        let fits = all.withUnsafeBufferPointer { all -> Bool in
            for i in 0..<n {
                if let s = all[i].date.start?.number, let t = all[i].date.end?.number {
                    guard let s32 = Int32(exactly: s), let t32 = Int32(exactly: t), s32 != Self.missingDay else { return false }
                    start[i] = s32
                    end[i] = t32
                    let a = Day(number: s).components, b = Day(number: t).components
                    if a.year == b.year {
                        guard let y = Int32(exactly: a.year), y != Int32.min else { return false }
                        year[i] = y
                        (yearLow, yearHigh) = (min(yearLow, y), max(yearHigh, y))
                        if a.month == b.month {
                            guard let ym = Int32(exactly: a.year * 12 + a.month - 1), ym >= 0 else { return false }
                            month[i] = ym
                            (monthLow, monthHigh) = (min(monthLow, ym), max(monthHigh, ym))
                        }
                    }
                }
                if let v = all[i].count?.value {
                    countValue[i] = v
                    hasCount[i] = true
                }
                if let q = all[i].count { qualifier[i] = UInt8(qualifiers.firstIndex(of: q.qualifier) ?? 0) }
                let t = Int(types.id(all[i].type.rawValue))
                if t == typeCategory.count {
                    guard t < Int(UInt16.max) else { return false }
                    typeCategory.append(UInt8(categories.firstIndex(of: all[i].type.category) ?? 0))
                }
                type[i] = UInt16(t)
                category[i] = typeCategory[Int(type[i])]
                status[i] = UInt8(statuses.firstIndex(of: all[i].status) ?? 0)
                let c = Event.collection(total: all[i].total, status: all[i].status)
                collection[i] = UInt8(collections.firstIndex(of: c) ?? 0)
                total[i] = all[i].total
            }
            return true
        }
        group.wait()
        guard fits else { return nil }
        self.start = start
        self.end = end
        self.month = month
        monthRange = monthLow <= monthHigh ? monthLow...monthHigh : nil
        yearRange = yearLow <= yearHigh ? yearLow...yearHigh : nil
        self.year = year
        self.countValue = countValue
        self.hasCount = hasCount
        self.qualifier = qualifier
        let typeNames = types.names
        self.typeNames = typeNames
        self.type = type
        self.category = category
        self.status = status
        self.collection = collection
        self.total = total
        var collectionRows = [Bits](repeating: Bits(count: n, filled: false), count: collections.count)
        var categoryRows: [[Bits]] = collections.map { _ in categories.map { _ in Bits(count: n, filled: false) } }
        for i in 0..<n {
            let bit: UInt64 = 1 << UInt64(i & 63)
            collectionRows[Int(collection[i])].words[i >> 6] |= bit
            categoryRows[Int(collection[i])][Int(category[i])].words[i >> 6] |= bit
        }
        self.collectionRows = collectionRows
        self.categoryRows = categoryRows
        let (actors, places) = lists.take()
        let actorNames = actors.interner.names, placeNames = places.interner.names
        self.actors = actors.finish()
        self.places = places.finish()
        // NameIndex reads only the distinct names, types and aliases of a corpus: a corpus of one
        // event per type carrying every name gives the same index without a second full pass.
        let sample = typeNames.enumerated().map { i, t in
            Event(id: "n\(i)", type: EventType(rawValue: t), actors: i == 0 ? actorNames : [],
                  places: i == 0 ? placeNames : [])
        }
        names = NameIndex(corpus: Corpus(events: sample, aliases: corpus.aliases))
    }

    /// How each qualifier (by `Qualifier.allCases` index) bounds a count: 0 exactly the value,
    /// 1 more than it, 2 at least it, 3 at most it, 4 unknown.
    static let boundKinds: [UInt8] = Qualifier.allCases.map { q in
        switch q {
        case .exact, .about: return 0
        case .moreThan: return 1
        case .atLeast: return 2
        case .atMost: return 3
        case .unspecified: return 4
        }
    }

    /// The possible values of a count as a closed interval (`+inf` = unbounded), or nil when
    /// there is no count or an unspecified one (compared as unknown): the bounds of
    /// `ExprEvaluator.compareQuantity`, in doubles as there (not `Quantity.bounds`, whose
    /// `v + 1` would overflow at Int.max). `kind` is from `boundKinds`.
    @inline(__always)
    static func countBounds(value: Int, kind: UInt8, present: Bool) -> (low: Double, high: Double)? {
        guard present else { return nil }
        let d = Double(value)
        switch kind {
        case 0: return (d, d)
        case 1: return (d + 1, .infinity)
        case 2: return (d, .infinity)
        case 3: return (0, d)
        default: return nil
        }
    }

    /// True when the store was built from this very corpus: the same event array (by storage
    /// identity, which the store keeps alive) and the same name variants.
    func matches(_ corpus: Corpus) -> Bool {
        let all = corpus.all
        guard all.count == count else { return false }
        let same = all.withUnsafeBufferPointer { a in events.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress } }
        return same && corpus.aliases == aliases
    }
}
