import EvqEval
import EvqModel
import Foundation
import Testing
@testable import EvqShell

struct RendererTests {
    static let december13 = EventDate.day(Day(year: 2025, month: 12, day: 13)!, text: "Saturday")
    static let event = Event(
        id: "e0000001", type: .release, date: december13, count: Quantity(value: 123, text: "123"),
        actors: ["Lukashenko"], places: ["Lithuania", "Ukraine"], sources: ["a.txt", "b.txt"],
        evidence: [Evidence(source: "a.txt", sentence: "Belarus freed 123 prisoners on Saturday, officials said.", span: SourceSpanValue(start: 0, end: 56))])

    static let table = ResultSet(
        kind: .table, columns: [Column("date"), Column("count"), Column("places"), Column("note")],
        rows: [
            [.date(december13), .quantity(Quantity(value: 123)), .list([.text("Lithuania"), .text("Ukraine")]), .text("short")],
            [.date(EventDate.month(year: 2025, month: 9)!), .quantity(Quantity(value: 50, qualifier: .moreThan)), .list([]),
             .text("a very long note that will not fit in a narrow terminal at all")],
            [.missing, .quantity(Quantity(value: 300, qualifier: .about)), .missing, .text("x")],
        ])

    @Test func tableShowsDatesAndCountsAtTheirPrecision() {
        let out = ResultRenderer(format: .table).render(Self.table)
        let lines = out.split(separator: "\n").map(String.init)
        #expect(lines[0] == "date        count  places              note")
        #expect(lines[2].hasPrefix("2025-12-13    123  Lithuania, Ukraine  short"))
        #expect(lines[3].hasPrefix("2025-09       >50"))
        #expect(lines[4].hasPrefix("             ~300"))
        #expect(lines.last == "3 rows")
    }

    @Test(arguments: [40, 50, 60])
    func tableFitsTheWidthAndCutsWithAnEllipsis(width: Int) {
        let out = ResultRenderer(format: .table, width: width).render(Self.table)
        for line in out.split(separator: "\n") { #expect(line.count <= width, "\(line)") }
        #expect(out.contains("…"))
    }

    @Test func textGivesWayBeforeDatesAndNumbers() {
        let lines = ResultRenderer(format: .table, width: 40).render(Self.table).split(separator: "\n").map(String.init)
        #expect(lines[2].hasPrefix("2025-12-13    123  "))
        #expect(lines[3].hasPrefix("2025-09       >50  "))
        #expect(lines[3].hasSuffix("…"))
    }

    @Test func numbersAreRightAligned() {
        let result = ResultSet(kind: .table, columns: [Column("name"), Column("n")], rows: [[.text("a"), .int(5)], [.text("b"), .int(1234)]])
        let lines = ResultRenderer(format: .table).render(result).split(separator: "\n").map(String.init)
        #expect(lines[0] == "name     n")
        #expect(lines[2] == "a        5")
        #expect(lines[3] == "b     1234")
    }

    @Test func colourOnlyWhenAsked() {
        let plain = ResultRenderer(format: .table, color: false).render(Self.table)
        let coloured = ResultRenderer(format: .table, color: true).render(Self.table)
        #expect(!plain.contains("\u{1B}"))
        #expect(coloured.contains("\u{1B}["))
        for format in [OutputFormat.json, .jsonl, .csv, .md] {
            #expect(!ResultRenderer(format: format, color: true).render(Self.table).contains("\u{1B}"))
        }
    }

    @Test func articleTextCannotDriveTheTerminal() {
        let hostile = ResultSet(kind: .table, columns: [Column("t\u{1B}[2J")], rows: [[.text("evil\u{1B}]0;owned\u{07}\u{9B}2J")]])
        for format in OutputFormat.allCases {
            let out = ResultRenderer(format: format).render(hostile)
            #expect(!out.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B }, "\(format)")
        }
        var event = Self.event
        event.evidence[0].sentence = "bad \u{1B}[31m red"
        let why = ResultRenderer(format: .table).render(ResultSet(kind: .why, columns: [], rows: [], events: [event]))
        #expect(!why.contains("\u{1B}"))
        let json = ResultRenderer(format: .json).render(ResultSet(kind: .events, columns: [], rows: [], events: [event]))
        #expect(!json.contains("\u{1B}"))
        #expect(json.contains("\\u001b[31m"))
    }

    @Test func csvQuotesPerRFC4180() {
        let result = ResultSet(kind: .table, columns: [Column("a"), Column("b")],
                               rows: [[.text("plain"), .text("has, comma")], [.text("say \"hi\""), .list([.text("x"), .text("y")])]])
        #expect(ResultRenderer(format: .csv).render(result) == "a,b\nplain,\"has, comma\"\n\"say \"\"hi\"\"\",\"x, y\"\n")
    }

    @Test func jsonObjectsKeepColumnOrder() {
        let result = ResultSet(kind: .table, columns: [Column("zeta"), Column("alpha"), Column("count")],
                               rows: [[.text("z"), .int(1), .quantity(Quantity(value: 50, qualifier: .moreThan, text: "more than 50"))]])
        let out = ResultRenderer(format: .json).render(result)
        #expect(out == "[\n  {\"zeta\":\"z\",\"alpha\":1,\"count\":{\"value\":50,\"qualifier\":\"more_than\",\"text\":\"more than 50\"}}\n]\n")
        #expect(ResultRenderer(format: .jsonl).render(result) == "{\"zeta\":\"z\",\"alpha\":1,\"count\":{\"value\":50,\"qualifier\":\"more_than\",\"text\":\"more than 50\"}}\n")
        let data = Data(out.utf8)
        #expect((try? JSONSerialization.jsonObject(with: data)) != nil)
    }

    @Test func eventResultsPrintWholeEventsWithTheDesignsFieldNames() throws {
        let result = ResultSet(kind: .events, columns: [Column("date")], rows: [[.date(Self.december13)]], events: [Self.event])
        let out = ResultRenderer(format: .json).render(result)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [[String: Any]])
        #expect(parsed.count == 1)
        #expect(Set(parsed[0].keys) == ["id", "type", "category", "cameo", "status", "total", "date", "count", "actors", "places", "sources", "evidence", "attributes"])
        let jsonl = ResultRenderer(format: .jsonl).render(result)
        #expect(jsonl.split(separator: "\n").count == 1)
        #expect(jsonl.hasPrefix("{\"actors\":[\"Lukashenko\"]"))
    }

    @Test func markdownEscapesPipesAndAlignsNumbers() {
        let result = ResultSet(kind: .table, columns: [Column("a"), Column("n")], rows: [[.text("x|y"), .int(3)]])
        #expect(ResultRenderer(format: .md).render(result) == "| a | n |\n| --- | ---: |\n| x\\|y | 3 |\n")
    }

    @Test func renderingIsDeterministic() {
        for format in OutputFormat.allCases {
            #expect(ResultRenderer(format: format, width: 70).render(Self.table) == ResultRenderer(format: format, width: 70).render(Self.table))
        }
    }

    @Test func timelineBarsAreScaledWithTheirNumbers() {
        let result = ResultSet(kind: .timeline, columns: [Column("month"), Column("events"), Column("count")],
                               rows: [[.text("2025-09"), .int(1), .int(50)], [.text("2025-12"), .int(4), .int(145)], [.text("2026-01"), .int(0), .missing]])
        let out = ResultRenderer(format: .table, width: 60).render(result)
        let lines = out.split(separator: "\n").map(String.init)
        let bars = lines.prefix(3).map { $0.filter { $0 == "█" }.count }
        #expect(bars[1] > bars[0] * 3)
        #expect(bars[2] == 0)
        #expect(lines[1].hasSuffix("4  (count 145)"))
        for line in lines { #expect(line.count <= 60) }
        #expect(lines[3] == "3 buckets")
    }

    @Test func whyShowsEvidenceWithTheDateAndCountWordsMarked() {
        let out = ResultRenderer(format: .table).render(ResultSet(kind: .why, columns: [], rows: [], events: [Self.event]))
        #expect(out.contains("e0000001  release  2025-12-13  123  Lukashenko  in Lithuania, Ukraine\n"))
        #expect(out.contains("  a.txt: Belarus freed [123] prisoners on [Saturday], officials said.\n"))
        #expect(out.hasSuffix("1 event\n"))
        let coloured = ResultRenderer(format: .table, color: true).render(ResultSet(kind: .why, columns: [], rows: [], events: [Self.event]))
        #expect(coloured.contains("\u{1B}[1;33mSaturday\u{1B}[0m"))
    }

    @Test func whyWrapsEvidenceToTheWidth() {
        let out = ResultRenderer(format: .table, width: 30).render(ResultSet(kind: .why, columns: [], rows: [], events: [Self.event]))
        let lines = out.split(separator: "\n").map(String.init)
        #expect(lines[1] == "  a.txt: Belarus freed [123]")
        #expect(lines[2] == "    prisoners on [Saturday],")
        #expect(lines[3] == "    officials said.")
        let coloured = ResultRenderer(format: .table, width: 30, color: true).render(ResultSet(kind: .why, columns: [], rows: [], events: [Self.event]))
        #expect(coloured.contains("\n    prisoners on \u{1B}[1;33mSaturday\u{1B}[0m,\n"))
    }

    @Test func numbersPrintWithoutNoise() {
        #expect(ValueText.number(3) == "3")
        #expect(ValueText.number(2.5) == "2.5")
        #expect(ValueText.number(1.0 / 3.0) == "0.33")
        #expect(ValueText.truncate("abcdef", to: 4) == "abc…")
        #expect(ValueText.truncate("abc", to: 4) == "abc")
    }

    @Test func extractPrintsEveryCollection() {
        var total = Self.event
        total.id = "e0000002"
        total.total = true
        let out = ResultRenderer(format: .csv).renderEventSet([Self.event, total])
        let lines = out.split(separator: "\n")
        #expect(lines[0] == "id,type,category,status,total,date,count,actors,places,sources,attributes")
        #expect(lines.count == 3)
        #expect(lines[2].hasPrefix("e0000002,release,releases,occurred,true,2025-12-13,123,"))
    }
}
