import EvqModel
import Testing

@testable import EvqStore

struct CSVImportTests {
    @Test func readsTheDesignFieldsAndCompactForms() throws {
        let csv = [
            "id,type,status,total,date,count,actors,places,sources,category,charge",
            #"e1,release,occurred,false,2025-09-11,52,"Tsikhanouskaya; Coale",Minsk;Vilnius,a.txt,releases,"#,
            #",protest,expected,yes,2024-07..2025-12,>50,,,"b.txt;c.txt",other,"treason, ""high""""#,
            "e3,Pardon,,,2025,~300,,,,,",
            "",
        ].joined(separator: "\r\n")
        let events = try EventSetImporter().read(csv: Array(csv.utf8), file: "x.csv")
        #expect(events.count == 3)
        #expect(events[0].id == "e1")
        #expect(events[0].date == .day(Day(year: 2025, month: 9, day: 11)!))
        #expect(events[0].count == Quantity(value: 52))
        #expect(events[0].actors == ["Tsikhanouskaya", "Coale"])
        #expect(events[0].places == ["Minsk", "Vilnius"])
        #expect(events[1].type == EventType("protest"))
        #expect(events[1].category == .other)
        #expect(events[1].status == .expected)
        #expect(events[1].total)
        #expect(events[1].date.precision == .range)
        #expect(events[1].count == Quantity(value: 50, qualifier: .moreThan))
        #expect(events[1].sources == ["b.txt", "c.txt"])
        #expect(events[1].attributes == ["charge": "treason, \"high\""])
        #expect(events[1].id == EventID.make(for: events[1]))
        #expect(events[2].type == .pardon)
        #expect(events[2].count == Quantity(value: 300, qualifier: .about))
    }

    @Test func quotedFieldsMaySpanLinesAndErrorsNameTheRecordLine() {
        let csv = "type,date,attributes_note\nrelease,2025,\"two\nlines\"\nrelease,20x5,\n"
        #expect(throws: ImportError(file: "m.csv", line: 4, message: "bad value for `date`: not a date: 20x5")) {
            try EventSetImporter().read(csv: Array(csv.utf8), file: "m.csv")
        }
    }

    @Test(arguments: [
        ("date,count\n2025,1\n", 1),
        ("type,count\nrelease,lots\n", 2),
        ("type,count\nrelease,1,2\n", 2),
        ("type,status\nrelease,maybe\n", 2),
        ("type,total\nrelease,perhaps\n", 2),
        ("type,note\nrelease,\"open\n", 2),
    ])
    func badCSVNamesTheLine(csv: String, line: Int) {
        do {
            _ = try EventSetImporter().read(csv: Array(csv.utf8), file: "b.csv")
            Issue.record("accepted")
        } catch {
            #expect(error.line == line)
        }
    }

    @Test func roundTripThroughTheShownForms() throws {
        var rng = SplitMix64(seed: 5)
        for _ in 0..<200 {
            let q = RandomEvents.count(&rng)
            guard let q, q.value != nil, q.qualifier != .unspecified else { continue }
            let back = CSVEventReader.quantity(q.display)
            #expect(back?.value == q.value)
            #expect(back?.qualifier == q.qualifier)
        }
    }
}
