import Testing
@testable import EvqModel

struct DayCase: CustomTestStringConvertible, Sendable {
    var iso: String
    var weekday: Int
    var testDescription: String { iso }
}

@Test(arguments: [
    DayCase(iso: "1970-01-01", weekday: 4),
    DayCase(iso: "2025-12-13", weekday: 6),
    DayCase(iso: "2024-02-29", weekday: 4),
    DayCase(iso: "2000-03-01", weekday: 3),
    DayCase(iso: "1899-12-31", weekday: 7),
])
func dayRoundTripsAndKnowsItsWeekday(_ c: DayCase) throws {
    let day = try #require(Day(iso: c.iso))
    #expect(day.iso == c.iso)
    #expect(day.weekday == c.weekday)
    #expect(Day(number: day.number + 1) > day)
}

@Test func impossibleDaysAreRejected() {
    #expect(Day(iso: "2025-02-29") == nil)
    #expect(Day(iso: "2025-13-01") == nil)
    #expect(Day(iso: "2025-1-01") == nil)
}

@Test(arguments: [
    ("2025", "2025-01-01", "2025-12-31", DatePrecision.year, "2025"),
    ("2025-09", "2025-09-01", "2025-09-30", .month, "2025-09"),
    ("2024-02", "2024-02-01", "2024-02-29", .month, "2024-02"),
    ("2025-12-13", "2025-12-13", "2025-12-13", .day, "2025-12-13"),
    ("2024-07..2025-12-13", "2024-07-01", "2025-12-13", .range, "2024-07..2025-12-13"),
])
func compactDatesParseToIntervals(_ text: String, _ start: String, _ end: String, _ p: DatePrecision, _ display: String) throws {
    let d = try #require(EventDate(compact: text))
    #expect(d.start?.iso == start)
    #expect(d.end?.iso == end)
    #expect(d.precision == p)
    #expect(d.display == display)
}

@Test func quantityBoundsFollowTheQualifier() {
    #expect(Quantity(value: 50, qualifier: .moreThan).bounds! == (51, nil))
    #expect(Quantity(value: 16, qualifier: .atLeast).bounds! == (16, nil))
    #expect(Quantity(value: 300, qualifier: .about).bounds! == (300, 300))
    #expect(Quantity(value: 20, qualifier: .atMost).bounds! == (0, 20))
    #expect(Quantity(value: nil, qualifier: .exact).qualifier == .unspecified)
    #expect(Quantity(value: 50, qualifier: .moreThan).display == ">50")
}

@Test(arguments: [
    ("2025-12-13..2025-12-31", "2025-12-13..2025-12-31"),
    ("2024-07..2025-12-13", "2024-07..2025-12-13"),
    ("2024-07..2025-12", "2024-07..2025-12"),
    ("2024..2025", "2024..2025"),
    ("2024..2025-06", "2024..2025-06"),
    ("2024-03..2025", "2024-03..2025-12"),
])
func rangeEndsAreNeverPrintedCoarserThanTheirStart(_ text: String, _ display: String) throws {
    #expect(try #require(EventDate(compact: text)).display == display)
}
