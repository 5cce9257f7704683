import EvqModel
import EvqSema
import EvqSyntax

/// sum, avg, min, max over values, with the inputs that were inexact and how many were skipped.
enum Aggregates {
    static func apply(_ f: AggregateFunction, _ values: [Value]) -> (Value, inexact: [String], skipped: Int) {
        var inexact: [String] = []
        var skipped = 0
        var present: [Value] = []
        for v in values {
            if v.normalizedForOrder.isMissing {
                skipped += 1
                continue
            }
            if case .quantity(let q) = v, q.qualifier != .exact { inexact.append(q.display) }
            present.append(v)
        }
        switch f {
        case .min, .max:
            guard var best = present.first else { return (.missing, inexact, skipped) }
            for v in present.dropFirst() {
                let c = Value.order(v, best)
                if (f == .min && c < 0) || (f == .max && c > 0) { best = v }
            }
            if case .quantity(let q) = best { best = q.value.map { .int($0) } ?? .missing }
            return (best, [], skipped)
        case .sum, .avg:
            if present.isEmpty { return (f == .sum ? .int(0) : .missing, inexact, skipped) }
            if case .duration = present[0] {
                var total = 0
                for v in present { if case .duration(let d) = v { total &+= d } }
                return (f == .sum ? .duration(days: total) : .duration(days: total / present.count), inexact, skipped)
            }
            var intSum = 0, allInt = true, doubleSum = 0.0
            for v in present {
                if let i = v.intValue, allInt {
                    let (s, o) = intSum.addingReportingOverflow(i)
                    if o { allInt = false } else { intSum = s }
                } else {
                    allInt = false
                }
                doubleSum += v.number ?? 0
            }
            if f == .avg { return (.double(doubleSum / Double(present.count)), inexact, skipped) }
            return (allInt ? .int(intSum) : .double(doubleSum), inexact, skipped)
        }
    }
}
