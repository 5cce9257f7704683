import EvqModel

/// Stage: anchors date expressions to the publication date, as HeidelTime and SUTime anchor to
/// the document creation time.
///
/// In a past-tense report a bare weekday is the latest such day on or before publication, "last
/// Thursday" the latest one strictly before; with `future` set (the event is expected) they
/// look forward instead. When only a window of possible publication days is known, the
/// expression is resolved for every day of the window and the union is returned (all Tuesdays
/// of the window become one range); with no end to the window, anchored expressions stay
/// unresolved. Nothing is ever guessed to a day.
public struct DateResolver: Sendable {
    public init() {}

    /// The longest window resolved day by day.
    static let maxWindow = 400

    public func resolve(_ e: TemporalExpression, text: String?, window: PublicationWindow?, future: Bool = false) -> EventDate {
        if !e.isAnchored { return resolve(e, text: text, at: nil, future: future) ?? EventDate(missingText: text) }
        var window = window
        if let w = window, w.end == nil {
            // Only a lower bound: a calendar date without its year still has one reading in
            // the half year after the bound (reports look back); weekdays and "last week" do not.
            switch e {
            case .monthDay, .month: window = PublicationWindow(start: w.start, end: w.start.adding(days: 180))
            default: break
            }
        }
        guard let w = window, let wEnd = w.end, wEnd.number - w.start.number <= Self.maxWindow else {
            return EventDate(missingText: text)
        }
        var lo: Day?, hi: Day?
        var precision: DatePrecision?
        var same = true
        var first: EventDate?
        var d = w.start
        while d <= wEnd {
            guard let r = resolve(e, text: text, at: d, future: future), let s = r.start, let en = r.end else {
                return EventDate(missingText: text)
            }
            if let f = first, f != r { same = false }
            if first == nil { first = r }
            lo = lo.map { min($0, s) } ?? s
            hi = hi.map { max($0, en) } ?? en
            precision = r.precision
            d = d.adding(days: 1)
        }
        if same, let f = first { return f }
        guard let lo, let hi, precision != nil else { return EventDate(missingText: text) }
        return EventDate(start: lo, end: hi, precision: .range, text: text)
    }

    /// Resolution against one publication day (`nil` only for absolute expressions).
    func resolve(_ e: TemporalExpression, text: String?, at pub: Day?, future: Bool) -> EventDate? {
        switch e {
        case .absolute(let y, let m, let d):
            if let m, let d, let day = Day(year: y, month: m, day: d) { return .day(day, text: text) }
            if let m { return EventDate.month(year: y, month: m, text: text) }
            return EventDate.year(y, text: text)
        case .monthDay(let m, let d):
            guard let pub else { return nil }
            let y = pub.year
            let candidates = [y - 1, y, y + 1].compactMap { Day(year: $0, month: m, day: d) }
            let pick = future ? candidates.first { $0 >= pub } : candidates.last { $0 <= pub }
            return pick.map { .day($0, text: text) }
        case .monthInYear(let m, let offset):
            guard let pub else { return nil }
            return EventDate.month(year: pub.year + offset, month: m, text: text)
        case .month(let m):
            guard let pub else { return nil }
            let y = future ? (m >= pub.month ? pub.year : pub.year + 1) : (m <= pub.month ? pub.year : pub.year - 1)
            return EventDate.month(year: y, month: m, text: text)
        case .weekday(let w, let offset):
            guard let pub else { return nil }
            let delta = (pub.weekday - w + 7) % 7
            var day: Day
            if offset > 0 || (future && offset == 0) {
                let ahead = (w - pub.weekday + 7) % 7
                day = pub.adding(days: offset > 0 && ahead == 0 ? 7 : ahead)
            } else {
                day = pub.adding(days: -delta)
                if offset < 0 && delta == 0 { day = day.adding(days: -7) }
            }
            return .day(day, text: text)
        case .dayOffset(let n):
            guard let pub else { return nil }
            return .day(pub.adding(days: n), text: text)
        case .ago(let n, let unit):
            guard let pub else { return nil }
            switch unit {
            case .day: return .day(pub.adding(days: -n), text: text)
            case .week:
                let c = pub.adding(days: -7 * n)
                return EventDate(start: c.adding(days: -3), end: min(pub, c.adding(days: 3)), precision: .range, text: text)
            case .month:
                let (y, m) = shift(pub.year, pub.month, by: -n)
                return EventDate.month(year: y, month: m, text: text)
            case .year: return EventDate.year(pub.year - n, text: text)
            }
        case .period(let unit, let offset):
            guard let pub else { return nil }
            switch unit {
            case .day: return .day(pub.adding(days: offset), text: text)
            case .week:
                let monday = pub.adding(days: -(pub.weekday - 1) + 7 * offset)
                return EventDate(start: monday, end: monday.adding(days: 6), precision: .range, text: text)
            case .month:
                let (y, m) = shift(pub.year, pub.month, by: offset)
                return EventDate.month(year: y, month: m, text: text)
            case .year: return EventDate.year(pub.year + offset, text: text)
            }
        case .earlierThis(let unit):
            guard let pub else { return nil }
            let start: Day?
            switch unit {
            case .day: start = pub
            case .week: start = pub.adding(days: -(pub.weekday - 1))
            case .month: start = Day(year: pub.year, month: pub.month, day: 1)
            case .year: start = Day(year: pub.year, month: 1, day: 1)
            }
            return start.map { EventDate(start: $0, end: pub, precision: .range, text: text) }
        case .weekend(let offset):
            guard let pub else { return nil }
            // The latest Saturday on or before publication (or the next one).
            var sat = pub.adding(days: -((pub.weekday - 6 + 7) % 7))
            if offset > 0 { sat = sat.adding(days: 7) }
            let sun = sat.adding(days: 1)
            return EventDate(start: sat, end: offset > 0 ? sun : min(sun, pub) < sat ? sat : sun, precision: .range, text: text)
        case .recent(let unit):
            guard let pub else { return nil }
            let back: Int
            switch unit {
            case .day: back = 7
            case .week: back = 42
            case .month: back = 182
            case .year: back = 3 * 365
            }
            return EventDate(start: pub.adding(days: -back), end: pub, precision: .range, text: text)
        case .since(let inner):
            guard let pub, let from = resolve(inner, text: nil, at: pub, future: false), let s = from.start, s <= pub else { return nil }
            return EventDate(start: s, end: pub, precision: .range, text: text)
        case .range(let a, let b):
            guard let x = resolve(a, text: nil, at: pub, future: future), let y = resolve(b, text: nil, at: pub, future: future),
                let s = x.start, let en = y.end
            else { return nil }
            if s > en { return nil }
            return EventDate(start: s, end: en, precision: s == en ? .day : .range, text: text)
        }
    }

    func shift(_ y: Int, _ m: Int, by n: Int) -> (Int, Int) {
        let total = y * 12 + (m - 1) + n
        let ny = total >= 0 ? total / 12 : (total - 11) / 12
        return (ny, total - ny * 12 + 1)
    }
}
