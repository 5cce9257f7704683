import EvqModel
import EvqSema
import EvqSyntax

/// Calendar arithmetic and the interval comparison rule of the design.
enum DateMath {
    /// Adds calendar months (clamping the day to the month's length) and then days.
    static func shift(_ day: Day, months: Int, days: Int) -> Day {
        var d = day
        if months != 0 {
            let c = d.components
            let total = c.year * 12 + (c.month - 1) + months
            let y = total >= 0 ? total / 12 : (total - 11) / 12
            let m = total - y * 12 + 1
            let dd = min(c.day, Day.daysIn(year: y, month: m))
            d = Day(year: y, month: m, day: dd) ?? d
        }
        return d.adding(days: days)
    }

    /// Shifts a date interval; a month or year date stays a whole month or year.
    static func shift(_ date: EventDate, months: Int, days: Int) -> EventDate {
        guard let s = date.start, let e = date.end else { return date }
        if days == 0, date.precision == .month || date.precision == .year {
            let ns = shift(s, months: months, days: 0)
            let c = ns.components
            if date.precision == .month, let m = EventDate.month(year: c.year, month: c.month) { return m }
            if date.precision == .year, months % 12 == 0, let y = EventDate.year(c.year) { return y }
        }
        let ns = shift(s, months: months, days: days), ne = shift(e, months: months, days: days)
        return EventDate(start: ns, end: ne, precision: date.precision == .day && ns == ne ? .day : .range)
    }

    /// The design's rule: a comparison with `rhs` (taken at its own precision, the interval
    /// `[rs, re]`) holds only if it holds for every day of `lhs`. Returns true when it holds for
    /// every day, false when it fails for every day, and nil when the days disagree (the date is
    /// too coarse to decide) or a date is missing.
    static func compare(_ op: BinaryOperator, _ lhs: EventDate, _ rhs: EventDate) -> Bool? {
        guard let ls = lhs.start?.number, let le = lhs.end?.number,
            let rs = rhs.start?.number, let re = rhs.end?.number
        else { return nil }
        return compare(op, ls, le, rs, re)
    }

    /// The same rule on day numbers: the left interval `[ls, le]`, the right `[rs, re]`.
    static func compare(_ op: BinaryOperator, _ ls: Int, _ le: Int, _ rs: Int, _ re: Int) -> Bool? {
        // A day d satisfies:  d > R iff d > re;  d >= R iff d >= rs;  d < R iff d < rs;
        // d <= R iff d <= re;  d = R iff rs <= d <= re.
        func decide(all: Bool, none: Bool) -> Bool? { all ? true : (none ? false : nil) }
        switch op {
        case .gt: return decide(all: ls > re, none: le <= re)
        case .ge: return decide(all: ls >= rs, none: le < rs)
        case .lt: return decide(all: le < rs, none: ls >= rs)
        case .le: return decide(all: le <= re, none: ls > re)
        case .eq: return decide(all: ls >= rs && le <= re, none: le < rs || ls > re)
        case .ne: return decide(all: le < rs || ls > re, none: ls >= rs && le <= re)
        default: return nil
        }
    }

    /// ISO 8601 week-numbering year and week of a day.
    static func isoWeek(_ day: Day) -> (year: Int, week: Int) {
        let thursday = day.adding(days: 4 - day.weekday)
        let y = thursday.year
        let jan1 = Day(year: y, month: 1, day: 1) ?? thursday
        return (y, (thursday.number - jan1.number) / 7 + 1)
    }

    static func isoWeekLabel(_ day: Day) -> String {
        let w = isoWeek(day)
        return "\(w.year)-W\(w.week < 10 ? "0" : "")\(w.week)"
    }

    /// The first day of the bucket containing `day`.
    static func bucketStart(_ day: Day, _ unit: TimeUnit) -> Day {
        let c = day.components
        switch unit {
        case .day: return day
        case .week: return day.adding(days: 1 - day.weekday)
        case .month: return Day(year: c.year, month: c.month, day: 1) ?? day
        case .year: return Day(year: c.year, month: 1, day: 1) ?? day
        }
    }

    static func nextBucket(_ start: Day, _ unit: TimeUnit) -> Day {
        switch unit {
        case .day: return start.adding(days: 1)
        case .week: return start.adding(days: 7)
        case .month: return shift(start, months: 1, days: 0)
        case .year: return shift(start, months: 12, days: 0)
        }
    }

    static func bucketLabel(_ start: Day, _ unit: TimeUnit) -> String {
        switch unit {
        case .day: return start.iso
        case .week: return isoWeekLabel(start)
        case .month: return String(start.iso.prefix(7))
        case .year: return String(start.iso.prefix(4))
        }
    }
}
