import EvqModel
import Testing

@testable import EvqStore

struct EventSetExporterTests {
    /// What CSV can hold: no evidence, no empty or `;`-containing list items, no empty or
    /// space-padded texts (an empty cell means "missing", cells are trimmed).
    static func csvSafe(_ e: Event) -> Event {
        var e = e
        let ok = { (s: String) in !s.isEmpty && !s.contains(";") && s.trimmingSpaces == s }
        e.evidence = []
        e.actors = e.actors.filter(ok)
        e.places = e.places.filter(ok)
        e.sources = e.sources.filter(ok)
        e.attributes = e.attributes.filter { ok($0.key) && ok($0.value) && $0.key == $0.key.lowercased() }
        if let t = e.date.text, !ok(t) { e.date.text = nil }
        if var c = e.count {
            if let t = c.text, !ok(t) { c.text = nil }
            e.count = c.value == nil && c.text == nil ? nil : c
        }
        return e
    }

    @Test(arguments: [1, 2, 3])
    func csvRoundTripsThroughTheImporter(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let events = (0..<200).map { _ in EventSetExporterTests.csvSafe(RandomEvents.event(&rng)) }
        let csv = EventSetExporter.csv(events)
        let back = try EventSetImporter().read(csv: Array(csv.utf8), file: "x.csv")
        #expect(back.count == events.count)
        for (a, b) in zip(back, events) { #expect(a == b) }
    }

    @Test func headerAndQuoting() {
        let e = Event(
            id: "e1", type: .release, date: .day(Day(year: 2025, month: 12, day: 13)!), count: Quantity(value: 50, qualifier: .moreThan),
            actors: ["Coale, John", "Say \"hi\""], attributes: ["women": "15"])
        let lines = EventSetExporter.csv([e]).components(separatedBy: "\r\n")
        #expect(lines[0] == "id,type,category,status,total,date,date_text,count,qualifier,count_text,actors,places,sources,women")
        #expect(lines[1] == #"e1,release,releases,occurred,false,2025-12-13,,50,more_than,,"Coale, John; Say ""hi""",,,15"#)
    }
}
