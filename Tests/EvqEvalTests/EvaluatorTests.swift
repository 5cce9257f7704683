import EvqDiagnostics
import EvqEval
import EvqModel
import Testing

struct IdsCase: CustomTestStringConvertible, Sendable {
    var query: String
    var ids: [String]
    var testDescription: String { query }
}

@Test(arguments: [
    // Dates: a comparison holds only if it holds for every day of the event's interval.
    IdsCase(query: "releases where date > 2025-09", ids: ["e02", "e01"]),
    IdsCase(query: "releases where date >= 2025-09", ids: ["e09", "e03", "e02", "e01"]),
    IdsCase(query: "releases where date = 2025-12", ids: ["e02", "e01"]),
    IdsCase(query: "releases where date = 2025-12-13", ids: ["e01"]),
    IdsCase(query: "releases where date < 2025-12", ids: ["e09", "e03"]),
    IdsCase(query: "releases where date <= 2025-09-30", ids: ["e09", "e03"]),
    IdsCase(query: "releases where date < 2025-09-30", ids: ["e03"]),
    IdsCase(query: "releases where not (date = 2025-12-13)", ids: ["e09", "e03"]),
    IdsCase(query: "releases where date != 2025-12-13", ids: ["e09", "e03"]),
    IdsCase(query: "releases where date > 2025", ids: []),
    IdsCase(query: "releases where date = 2025", ids: ["e09", "e03", "e02", "e01"]),
    IdsCase(query: "events where date is missing", ids: ["e08"]),
    IdsCase(query: "events where date > 2000", ids: ["e09", "e03", "e10", "e02", "e06", "e01", "e05"]),
    IdsCase(query: "meetings where date = 2025-12-13", ids: []),
    IdsCase(query: "meetings where date = 2025-12", ids: ["e06"]),
    IdsCase(query: "releases where date between 2025-09 and 2025-10", ids: ["e09", "e03"]),
    IdsCase(query: "releases where 2025-09 < date", ids: ["e02", "e01"]),
    IdsCase(query: "releases where date > \"2025-09\"", ids: ["e02", "e01"]),
    // Counts: a comparison holds only if it holds for every possible value.
    IdsCase(query: "releases where count > 50", ids: ["e09", "e03", "e01"]),
    IdsCase(query: "releases where count >= 50", ids: ["e09", "e03", "e01"]),
    IdsCase(query: "releases where count >= 100", ids: ["e09", "e01"]),
    IdsCase(query: "releases where count < 100", ids: ["e02"]),
    IdsCase(query: "releases where count = 300", ids: ["e09"]),
    IdsCase(query: "releases where count != 22", ids: ["e09", "e03", "e01"]),
    IdsCase(query: "arrests where count >= 16", ids: ["e08"]),
    IdsCase(query: "arrests where count > 16", ids: []),
    IdsCase(query: "unconfirmed where count > 0", ids: []),
    // Collections.
    IdsCase(query: "events", ids: ["e09", "e03", "e10", "e02", "e06", "e01", "e05", "e08"]),
    IdsCase(query: "totals", ids: ["e04"]),
    IdsCase(query: "unconfirmed", ids: ["e07"]),
    IdsCase(query: "unconfirmed where type = release", ids: ["e07"]),
    IdsCase(query: "totals where category = \"releases\"", ids: ["e04"]),
    IdsCase(query: "pardon", ids: ["e02"]),
    IdsCase(query: "RELEASES where TYPE = PARDON", ids: ["e02"]),
    IdsCase(query: "releases where type = \"Pardon\"", ids: ["e02"]),
    IdsCase(query: "releases where type in (pardon, amnesty)", ids: ["e02"]),
    IdsCase(query: "releases where type not in (pardon, amnesty)", ids: ["e09", "e03", "e01"]),
    IdsCase(query: "events where status = occurred and category = meetings", ids: ["e06"]),
    // Names: case- and diacritic-insensitive, spelling variants match.
    IdsCase(query: "meetings where actors contains \"Coale\"", ids: ["e06"]),
    IdsCase(query: "events where actors contains \"coale\"", ids: ["e06", "e05"]),
    IdsCase(query: "events where actors contains \"Bialacki\"", ids: ["e08"]),
    IdsCase(query: "events where actors contains \"BIAŁACKI\"", ids: ["e08"]),
    IdsCase(query: "events where places contains \"minsk\"", ids: ["e06", "e01", "e08"]),
    IdsCase(query: "events where actors contains \"Colae\"", ids: []),
    IdsCase(query: "events where summary ~ \"^rel\"", ids: ["e09", "e03", "e01"]),
    // Logic and precedence.
    IdsCase(query: "events where type = release or type = pardon and count > 100", ids: ["e09", "e03", "e01"]),
    IdsCase(query: "events where (type = release or type = pardon) and count > 100", ids: ["e09", "e01"]),
    IdsCase(query: "events where not count is missing and not date is missing", ids: ["e09", "e03", "e02", "e01"]),
    // Stages.
    IdsCase(query: "releases | sort count desc | take 2", ids: ["e09", "e01"]),
    IdsCase(query: "releases | sort count", ids: ["e02", "e03", "e01", "e09"]),
    IdsCase(query: "events | sort count desc | take 3", ids: ["e09", "e01", "e03"]),
    IdsCase(query: "events | sort date desc | take 2", ids: ["e01", "e05"]),
    IdsCase(query: "releases | where count > 100 | filter date > 2025-10", ids: ["e01"]),
    IdsCase(query: "releases | head 1", ids: ["e09"]),
    IdsCase(query: "releases | order by date desc | limit 1", ids: ["e01"]),
    IdsCase(query: "events where date >= today - 120d", ids: ["e10", "e02", "e06", "e01", "e05"]),
    IdsCase(query: "events where date + 1m = 2026-01", ids: ["e02", "e06", "e01", "e05"]),
    IdsCase(query: "events where len(sources) > 1", ids: ["e06", "e01"]),
    IdsCase(query: "events where year(date) = 2025 and month(date) = 2025-09", ids: ["e09", "e03"]),
    IdsCase(query: "events where weekday(date) = 6", ids: ["e01", "e05"]),
    IdsCase(query: "events where attributes.women > 10", ids: ["e02"]),
    IdsCase(query: "events where attributes.charge is missing", ids: ["e09", "e03", "e10", "e02", "e06", "e01", "e05", "e08"]),
    IdsCase(query: "events where attributes contains \"men=7\"", ids: ["e02"]),
])
func eventQueriesGiveTheHandComputedRows(_ c: IdsCase) {
    #expect(Fixture.ids(c.query) == c.ids)
}

struct TableCase: CustomTestStringConvertible, Sendable {
    var query: String
    var rows: [String]
    var testDescription: String { query }
}

@Test(arguments: [
    TableCase(query: "releases | count", rows: ["4"]),
    TableCase(query: "events | count", rows: ["8"]),
    TableCase(query: "events | count by type", rows: ["arrest|1", "meeting|1", "pardon|1", "release|3", "sanctions_eased|1", "statement|1"]),
    TableCase(query: "events | count by places", rows: ["Lithuania|1", "Minsk|3", "Ukraine|1", "Vilnius|1", "|4"]),
    TableCase(query: "releases | count by month(date)", rows: ["2025-09|2", "2025-12|2"]),
    TableCase(query: "releases | sum count", rows: ["495"]),
    TableCase(query: "releases | avg count", rows: ["123.75"]),
    TableCase(query: "releases | max count", rows: ["300"]),
    TableCase(query: "releases | min date", rows: ["2025-09"]),
    TableCase(query: "releases | sum count by type", rows: ["pardon|22", "release|473"]),
    TableCase(query: "releases | show id, count, year(date) as y | take 2", rows: ["e09|~300|2025", "e03|>50|2025"]),
    TableCase(query: "releases | select id, count * 2 as twice | where twice > 500", rows: ["e09|600"]),
    TableCase(query: "events | distinct category", rows: ["arrests", "meetings", "releases", "sanctions", "statements"]),
    TableCase(query: "events | distinct actors", rows: ["Ales Bialiatski", "Alexander Lukashenko", "John Coale", "Sviatlana Tsikhanouskaya", ""]),
    TableCase(query: "releases | timeline", rows: ["2025-09|2|350", "2025-10|0|", "2025-11|0|", "2025-12|2|145"]),
    TableCase(query: "releases | timeline by year", rows: ["2025|4|495"]),
    TableCase(query: "events where date = 2025-12 | timeline by day", rows: ["2025-12-13|2|123"]),
    TableCase(query: "events | count by type | where count > 1", rows: ["release|3"]),
    TableCase(query: "events | count by type | sort count desc, type | take 2", rows: ["release|3", "arrest|1"]),
    TableCase(query: "documents | show name, date_source", rows: ["a.txt|dateline", "b.txt|missing"]),
    TableCase(query: "actors | show name, mentions, events", rows: ["Ales Bialiatski|0|1", "Alexander Lukashenko|0|3", "John Coale|0|2", "Sviatlana Tsikhanouskaya|0|1"]),
    TableCase(query: "actors where aliases contains \"bialacky\" | show name", rows: ["Ales Bialiatski"]),
    TableCase(query: "places | where events > 1 | show name, events", rows: ["Minsk|3"]),
    TableCase(query: "releases where date = 2025-12-13 | why", rows: ["e01|release|2025-12-13|123|a.txt|Belarus freed 123 prisoners on Saturday."]),
    TableCase(query: "events | show coalesce(count, 0) as c, round(2.5), abs(-3), lower(\"AbC\"), upper(type) | take 1", rows: ["300|3|3|abc|RELEASE"]),
    TableCase(query: "events where id = \"e01\" | show today - date, date + 2w, date - 1y", rows: ["33d|2025-12-27|2024-12-13"]),
    TableCase(query: "events where id = \"e01\" | show week(date), 7 / 2, 7 % 3, 2025 - 9", rows: ["2025-W50|3.5|1|2016"]),
])
func tableQueriesGiveTheHandComputedRows(_ c: TableCase) {
    #expect(Fixture.table(c.query) == c.rows)
}

@Test func groupsIgnoreTheWordsADateOrCountWasReadFrom() {
    let day = EventDate.day(Day(iso: "2025-12-13")!, text: "Saturday")
    let same = EventDate.day(Day(iso: "2025-12-13")!, text: "December 13")
    let corpus = Corpus(events: [
        Event(id: "a", type: .release, date: day, count: Quantity(value: 5, text: "five")),
        Event(id: "b", type: .release, date: same, count: Quantity(value: 5, text: "5 people")),
    ])
    var c = QueryContext(corpus: corpus, today: Fixture.today)
    guard case .result(let r, _) = QueryEngine.run(SourceFile(name: "t", text: "events | count by date, count"), in: &c).last else {
        Issue.record("no result")
        return
    }
    #expect(r.rows.count == 1)
    #expect(r.rows.first?.last == .int(2))
}

@Test func sumNotesInexactInputs() throws {
    guard case .result(let r, _) = Fixture.run("releases | sum count") else { Issue.record("no result"); return }
    #expect(r.notes == ["2 inputs were inexact (~300, >50)"])
    guard case .result(let r2, _) = Fixture.run("events where id = \"e03\" | sum count") else { return }
    #expect(r2.notes == ["1 input was inexact (>50)"])
}

@Test func eventRowsHaveTheDefaultColumnsAndValues() throws {
    guard case .result(let r, _) = Fixture.run("releases where date = 2025-12-13") else { Issue.record("no result"); return }
    #expect(r.kind == .events)
    #expect(r.columns.map(\.name) == ["id", "type", "date", "count", "actors", "places", "sources"])
    #expect(r.rows.count == 1)
    #expect(r.rows[0][2] == .date(EventDate(compact: "2025-12-13")!))
    #expect(r.rows[0][3] == .quantity(Quantity(value: 123)))
    #expect(r.rows[0][6] == .list([.text("a.txt"), .text("b.txt")]))
}

@Test func letBindsANameThatIsThenACollection() {
    var c = Fixture.context()
    let outcomes = QueryEngine.run(SourceFile(name: "t", text: "let big = releases where count > 100; big | count\nlet Big = releases | take 1\nbig"), in: &c)
    #expect(outcomes.count == 4)
    if case .bound(let name, _) = outcomes[0] { #expect(name == "big") } else { Issue.record("not bound") }
    if case .result(let r, _) = outcomes[1] { #expect(r.rows == [[.int(2)]]) } else { Issue.record("no count") }
    if case .result(let r, _) = outcomes[3] { #expect(r.events.map(\.id) == ["e09"]) } else { Issue.record("no rebinding") }
}

@Test func tableBindingsKeepTheirColumns() {
    #expect(Fixture.table("let t = events | count by type\nt | where count > 1 | show type") == ["release"])
}

@Test func warningsNameTheNearestActor() {
    guard case .result(let r, let w) = Fixture.run("events where actors contains \"Colae\"") else { Issue.record("no result"); return }
    #expect(r.rows.isEmpty)
    #expect(w.map(\.message) == ["no actor `Colae`; did you mean `Coale`?"])
}

@Test func cancellationStopsTheQuery() {
    var c = QueryContext(corpus: Fixture.corpus, today: Fixture.today, isCancelled: { true })
    let out = QueryEngine.run(SourceFile(name: "t", text: "events | count"), in: &c)
    guard case .failed(let d) = out.first else { Issue.record("not failed"); return }
    #expect(d.map(\.message) == ["interrupted"])
}

@Test func statementsStopAtTheFirstError() {
    var c = Fixture.context()
    let out = QueryEngine.run(SourceFile(name: "t", text: "events | count\nrelases\nevents"), in: &c)
    #expect(out.count == 2)
    if case .failed(let d) = out.last { #expect(d.first?.message == "unknown collection `relases`; did you mean `releases`?") }
}

@Test func completionWordsComeFromTheCatalogAndTheSession() {
    var c = Fixture.context()
    _ = QueryEngine.run(SourceFile(name: "t", text: "let mine = releases"), in: &c)
    let words = QueryEngine.completionWords(in: c)
    #expect(words.collections.contains("mine"))
    #expect(words.collections.contains("releases"))
    #expect(words.stages.contains("timeline") && words.stages.contains("head"))
    #expect(words.fields.contains("date") && words.fields.contains("mentions") && words.fields.contains("published"))
    #expect(words.functions.contains("coalesce"))
    #expect(words.names.contains("Bialacki") && words.names.contains("Minsk"))
    #expect(words.names == words.names.sorted())
}

@Test func incompleteInputIsReportedForTheRepl() {
    #expect(!QueryEngine.isComplete("releases |"))
    #expect(!QueryEngine.isComplete("let x = events | count by ("))
    #expect(!QueryEngine.isComplete("events where actors contains \"Co"))
    #expect(QueryEngine.isComplete("releases where date >"))
    #expect(QueryEngine.isComplete("releases | count"))
    #expect(QueryEngine.expecting("events |") == "a stage after `|`")
}
