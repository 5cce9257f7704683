/// How exactly a date is known.
public enum DatePrecision: String, Sendable, Hashable, Codable, CaseIterable {
    case day, month, year, range, missing
}

/// When an event happened: an interval of civil days `[start, end]` (both inclusive) with the
/// precision it was stated at, and the original words.
///
/// "December 2025" is `2025-12-01...2025-12-31` at month precision; "since July 2024" read in an
/// article of 2025-12-13 is `2024-07-01...2025-12-13` at range precision. A missing date has no
/// interval and never satisfies a comparison (see docs/LANGUAGE.md, "Dates").
///
/// Stored compactly (a million events hold a million dates): the days as plain day numbers with
/// `Int.min` standing for "none", which makes the value 33 bytes instead of 48. `start` and
/// `end` read and write them as `Day?`.
public struct EventDate: Sendable, Hashable {
    /// The words the date was read from ("Friday, Dec. 12, 2025"), if any.
    public var text: String?
    @usableFromInline var startNumber: Int
    @usableFromInline var endNumber: Int
    public var precision: DatePrecision

    /// The day number standing for "no day" in the stored form. A `Day` with this very number
    /// (no calendar date has it) is stored as the next one.
    @usableFromInline static let noDay = Int.min

    @inlinable static func stored(_ day: Day?) -> Int {
        guard let day else { return noDay }
        return day.number == noDay ? noDay + 1 : day.number
    }

    /// The first day of the interval; nil for a missing date.
    @inlinable public var start: Day? {
        get { startNumber == EventDate.noDay ? nil : Day(number: startNumber) }
        set { startNumber = EventDate.stored(newValue) }
    }

    /// The last day of the interval; nil for a missing date.
    @inlinable public var end: Day? {
        get { endNumber == EventDate.noDay ? nil : Day(number: endNumber) }
        set { endNumber = EventDate.stored(newValue) }
    }

    public init(start: Day, end: Day, precision: DatePrecision, text: String? = nil) {
        self.startNumber = EventDate.stored(min(start, end))
        self.endNumber = EventDate.stored(max(start, end))
        self.precision = precision
        self.text = text
    }

    public static let missing = EventDate(missingText: nil)

    public init(missingText: String?) {
        startNumber = EventDate.noDay
        endNumber = EventDate.noDay
        precision = .missing
        text = missingText
    }

    public static func day(_ d: Day, text: String? = nil) -> EventDate {
        EventDate(start: d, end: d, precision: .day, text: text)
    }

    public static func month(year: Int, month: Int, text: String? = nil) -> EventDate? {
        guard let s = Day(year: year, month: month, day: 1) else { return nil }
        return EventDate(start: s, end: s.adding(days: Day.daysIn(year: year, month: month) - 1), precision: .month, text: text)
    }

    public static func year(_ year: Int, text: String? = nil) -> EventDate? {
        guard let s = Day(year: year, month: 1, day: 1), let e = Day(year: year, month: 12, day: 31) else { return nil }
        return EventDate(start: s, end: e, precision: .year, text: text)
    }

    public var isMissing: Bool { start == nil }

    /// The precision an interval states by its shape: one day, one whole month, one whole
    /// year, or a range (for imported `{start, end}` without a precision).
    public static func precision(covering start: Day, _ end: Day) -> DatePrecision {
        if start == end { return .day }
        let s = start.components, e = end.components
        if s.year == e.year, s.month == 1, s.day == 1, e.month == 12, e.day == 31 { return .year }
        if s.year == e.year, s.month == e.month, s.day == 1, e.day == Day.daysIn(year: e.year, month: e.month) { return .month }
        return .range
    }

    /// Parses the compact forms `2025`, `2025-09`, `2025-09-11` and `2025-09-11..2025-12-13`
    /// (the latter also with month or year ends), as in query literals and imported data.
    public init?(compact text: String) {
        let trimmed = text.trimmingSpaces
        if let dots = trimmed.range(of: "..") {
            let lhs = String(trimmed[..<dots.lowerBound]), rhs = String(trimmed[dots.upperBound...])
            guard let a = EventDate(compact: lhs), let b = EventDate(compact: rhs),
                let s = a.start, let e = b.end, s <= e
            else { return nil }
            self.init(start: s, end: e, precision: .range, text: nil)
            return
        }
        let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4, let y = Int(parts[0]) else { return nil }
        if parts.count == 1 {
            guard let d = EventDate.year(y) else { return nil }
            self = d
        } else if parts.count == 2 {
            guard parts[1].count == 2, let m = Int(parts[1]), let d = EventDate.month(year: y, month: m) else { return nil }
            self = d
        } else {
            guard let day = Day(iso: trimmed) else { return nil }
            self = .day(day)
        }
    }

    /// The date at its precision: `2025`, `2025-12`, `2025-12-13`, `2024-07..2025-12-13`, or empty.
    public var display: String {
        guard let s = start, let e = end else { return "" }
        switch precision {
        case .day where s == e: return s.iso
        case .month: return String(s.iso.prefix(7))
        case .year: return String(s.iso.prefix(4))
        default:
            // The start as coarse as it allows; the end never coarser than the start, so
            // 2025-12-13..2025-12-31 does not read as "2025-12-13..2025".
            let startLevel = EventDate.level(s, isStart: true)
            let endLevel = min(startLevel, EventDate.level(e, isStart: false))
            return "\(EventDate.text(s, level: startLevel))..\(EventDate.text(e, level: endLevel))"
        }
    }

    /// How coarsely a range end can be printed without losing information: 2 = year
    /// (a start on 1 January, an end on 31 December), 1 = month, 0 = day.
    static func level(_ d: Day, isStart: Bool) -> Int {
        let c = d.components
        if isStart {
            if c.month == 1 && c.day == 1 { return 2 }
            return c.day == 1 ? 1 : 0
        }
        if c.month == 12 && c.day == 31 { return 2 }
        return c.day == Day.daysIn(year: c.year, month: c.month) ? 1 : 0
    }

    static func text(_ d: Day, level: Int) -> String {
        String(d.iso.prefix(level == 2 ? 4 : level == 1 ? 7 : 10))
    }
}

extension EventDate: Codable {
    enum CodingKeys: String, CodingKey { case start, end, precision, text }

    /// Accepts the full object form and the compact forms of imported data ("2025-09", or a
    /// bare string/number year).
    public init(from decoder: Decoder) throws {
        if let single = try? decoder.singleValueContainer() {
            if single.decodeNil() {
                self = .missing
                return
            }
            if let text = try? single.decode(String.self) {
                guard let d = EventDate(compact: text) else {
                    throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a date: \(text)"))
                }
                self = d
                return
            }
            if let year = try? single.decode(Int.self), let d = EventDate.year(year) {
                self = d
                return
            }
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let text = try c.decodeIfPresent(String.self, forKey: .text)
        let startText = try c.decodeIfPresent(String.self, forKey: .start)
        let endText = try c.decodeIfPresent(String.self, forKey: .end)
        guard let startText else {
            self = EventDate(missingText: text)
            return
        }
        guard let s = EventDate(compact: startText), let e = EventDate(compact: endText ?? startText),
            let sd = s.start, let ed = e.end
        else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "bad date interval"))
        }
        let given = try c.decodeIfPresent(DatePrecision.self, forKey: .precision)
        let precision: DatePrecision
        if let given {
            precision = given
        } else if endText == nil || endText == startText {
            precision = s.precision
        } else {
            precision = EventDate.precision(covering: sd, ed)
        }
        self.init(start: sd, end: ed, precision: precision, text: text)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(start?.iso, forKey: .start)
        try c.encode(end?.iso, forKey: .end)
        try c.encode(precision, forKey: .precision)
        try c.encode(text, forKey: .text)
    }
}

extension StringProtocol {
    /// The text without leading and trailing white space (no Foundation needed).
    public var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
