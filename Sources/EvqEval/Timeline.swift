import EvqModel
import EvqSema
import EvqSyntax

/// `timeline`: one row per period from the first to the last event, with the number of events
/// and their summed count. Events whose date does not fall inside one period are left out and
/// noted.
enum Timeline {
    static let maxFilledBuckets = 5000

    static func build(_ events: [Event], unit: TimeUnit, poll: (Int) throws(Interrupted) -> Void) throws(Interrupted) -> Relation {
        var buckets: [Int: (events: [Event], sum: Int, hasCount: Bool)] = [:]
        var outside = 0
        var inexact: [String] = []
        for (i, e) in events.enumerated() {
            try poll(i)
            guard let s = e.date.start, let end = e.date.end,
                DateMath.bucketStart(s, unit) == DateMath.bucketStart(end, unit)
            else {
                outside += 1
                continue
            }
            let key = DateMath.bucketStart(s, unit).number
            var b = buckets[key] ?? ([], 0, false)
            b.events.append(e)
            if let q = e.count, let v = q.value {
                b.sum &+= v
                b.hasCount = true
                if q.qualifier != .exact { inexact.append(q.display) }
            }
            buckets[key] = b
        }
        var rows: [[Value]] = []
        var included: [Event] = []
        let keys = buckets.keys.sorted()
        if let first = keys.first, let last = keys.last {
            // Fill empty periods between the first and the last, unless that would make a huge table.
            let unitDays = [TimeUnit.day: 1, .week: 7, .month: 28, .year: 365][unit] ?? 1
            let fill = (last - first) / unitDays < maxFilledBuckets
            let sequence: [Int]
            if fill {
                var all: [Int] = []
                var cursor = Day(number: first)
                while cursor.number <= last {
                    all.append(cursor.number)
                    cursor = DateMath.nextBucket(cursor, unit)
                }
                sequence = all
            } else {
                sequence = keys
            }
            for key in sequence {
                let start = Day(number: key)
                if let b = buckets[key] {
                    rows.append([.text(DateMath.bucketLabel(start, unit)), .int(b.events.count), b.hasCount ? .int(b.sum) : .missing])
                    included += b.events
                } else {
                    rows.append([.text(DateMath.bucketLabel(start, unit)), .int(0), .missing])
                }
            }
        }
        var rel = Relation.table(["period", "events", "count"], rows, base: included, indices: Array(included.indices))
        if outside > 0 {
            rel.notes.append("\(outside) event\(outside == 1 ? " has a date" : "s have dates") missing or coarser than a \(unit.rawValue), not shown")
        }
        if !inexact.isEmpty {
            rel.notes.append("\(inexact.count) count\(inexact.count == 1 ? " was" : "s were") inexact (\(inexact.prefix(5).joined(separator: ", ")))")
        }
        return rel
    }
}
