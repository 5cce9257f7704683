import Foundation
import Testing
@testable import EvqModel

@Test func eventsRoundTripThroughJSONL() throws {
    let e = Event(
        type: .release, date: .day(Day(iso: "2025-12-13")!, text: "December 13"),
        count: Quantity(value: 123, text: "123"), actors: ["Alexander Lukashenko"], places: ["Minsk"],
        sources: ["a.txt"], evidence: [Evidence(source: "a.txt", sentence: "x", span: .init(start: 1, end: 2))],
        attributes: ["women": "15"])
    var withID = e
    withID.id = EventID.make(for: e)
    let line = EventSetIO.jsonLine(withID)
    #expect(line.contains("\"date\":{\"end\":\"2025-12-13\",\"precision\":\"day\",\"start\":\"2025-12-13\",\"text\":\"December 13\"}"))
    #expect(line.contains("\"count\":{\"qualifier\":\"exact\",\"text\":\"123\",\"value\":123}"))
    #expect(line.contains("\"category\":\"releases\""))
    let back = try EventSetIO.read(line, file: "t.jsonl")
    #expect(back == [withID])
}

@Test func importerAcceptsCompactForms() throws {
    let text = """
        {"type":"protest","date":"2025-09","count":40,"place":"Minsk"}
        # a comment

        {"type":"release","date":{"start":"2025-12-01","end":"2025-12-31"},"count":{"value":50,"qualifier":"more_than"}}
        """
    let events = try EventSetIO.read(text, file: "in.jsonl")
    #expect(events.count == 2)
    #expect(events[0].type.rawValue == "protest")
    #expect(events[0].category == .other)
    #expect(events[0].date.precision == .month)
    #expect(events[0].count?.value == 40)
    #expect(events[0].places == ["Minsk"])
    #expect(events[1].date.precision == .month)
    #expect(events[1].count?.qualifier == .moreThan)
    #expect(!events[0].id.isEmpty)
}

@Test func importErrorsNameTheLine() {
    let text = "{\"type\":\"release\"}\n{\"date\":\"2025\"}\n"
    #expect {
        try EventSetIO.read(text, file: "bad.jsonl")
    } throws: { error in
        guard let e = error as? EventSetIO.ImportError else { return false }
        return e.line == 2 && e.message.contains("type")
    }
}

@Test func corpusOrderIsByDateThenIdWithMissingLast() {
    let a = Event(id: "b", type: .release, date: EventDate(compact: "2025-12-13")!)
    let b = Event(id: "a", type: .release, date: EventDate(compact: "2025-12-13")!)
    let c = Event(id: "0", type: .release)
    let d = Event(id: "z", type: .release, date: EventDate(compact: "2025-09")!)
    let corpus = Corpus(events: [a, c, b, d])
    #expect(corpus.all.map(\.id) == ["z", "a", "b", "0"])
}

@Test func collectionsSeparateTotalsAndUnconfirmed() {
    let corpus = Corpus(events: [
        Event(id: "1", type: .release),
        Event(id: "2", type: .release, total: true),
        Event(id: "3", type: .release, status: .expected),
    ])
    #expect(corpus.events(in: .events).map(\.id) == ["1"])
    #expect(corpus.events(in: .totals).map(\.id) == ["2"])
    #expect(corpus.events(in: .unconfirmed).map(\.id) == ["3"])
}

@Test func cameoCodesAreExportedAndImportedOnesWin() {
    #expect(EventType.release.cameo == "0841")
    #expect(EventType.sanctionsEased.cameo == "085")
    #expect(EventType.award.cameo == nil)
    #expect(EventType("protest").cameo == nil)
    let line = EventSetIO.jsonLine(Event(id: "x", type: .sanctionsImposed))
    #expect(line.contains("\"cameo\":\"163\""))
    #expect(Event(type: .meeting, attributes: ["cameo": "042"]).cameo == "042")
}

@Test func importedIntervalsWithoutPrecisionGetTheOneTheirShapeStates() throws {
    let text = """
        {"type":"release","date":{"start":"2025-06-01","end":"2025-06-30"}}
        {"type":"release","date":{"start":"2025-01-01","end":"2025-12-31"}}
        {"type":"release","date":{"start":"2025-06-03","end":"2025-06-03"}}
        {"type":"release","date":{"start":"2025-06-03","end":"2025-07-03"}}
        """
    let events = try EventSetIO.read(text, file: "p.jsonl")
    #expect(events.map(\.date.precision) == [.month, .year, .day, .range])
    #expect(events.map(\.date.display) == ["2025-06", "2025", "2025-06-03", "2025-06-03..2025-07-03"])
}

@Test func absurdYearsAreRejectedNotTrapped() {
    #expect(Day(year: Int.max, month: 1, day: 1) == nil)
    #expect(Day(year: 0, month: 1, day: 1) == nil)
    #expect(EventDate.year(9_223_372_036_854_775_807) == nil)
    #expect(throws: EventSetIO.ImportError.self) {
        try EventSetIO.read("{\"type\":\"release\",\"date\":9223372036854775807}", file: "x.jsonl")
    }
}
