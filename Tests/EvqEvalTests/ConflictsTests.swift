import EvqDiagnostics
import EvqEval
import EvqModel
import Testing

@Test(arguments: [
    ("count: 31 (a.txt) / >40 (b.txt)", ["count=31@a.txt", "count=>40@b.txt"]),
    // Later notes repeat a value with more sources: one version, sources united.
    ("count: 31 (a.txt) / >40 (b.txt); count: 31 (a.txt,b.txt) / 35 (c.txt)",
     ["count=31@a.txt,b.txt", "count=>40@b.txt", "count=35@c.txt"]),
    // Inside one article the note has no sources.
    ("count: 31 / 40", ["count=31@", "count=40@"]),
    ("", []),
    ("garbage without a colon", []),
    ("count: / (x)", []),
])
func conflictNotesParse(_ note: String, _ expected: [String]) {
    let got = Conflicts.versions(note).map { "\($0.field)=\($0.value)@\($0.sources.joined(separator: ","))" }
    #expect(got == expected)
}

enum ConflictFixture {
    static let corpus = Corpus(events: [
        Event(id: "c1", type: .release, date: EventDate(compact: "2026-03-02")!, count: Quantity(value: 31), places: ["Baku"],
              sources: ["a.txt", "b.txt"],
              evidence: [Evidence(source: "a.txt", sentence: "Azerbaijan released 31 prisoners.", span: .init(start: 0, end: 10)),
                         Evidence(source: "b.txt", sentence: "More than 40 prisoners walked free.", span: .init(start: 0, end: 10))],
              attributes: ["conflicts": "count: 31 (a.txt) / >40 (b.txt)"]),
        Event(id: "c2", type: .release, date: EventDate(compact: "2026-03-05")!, count: Quantity(value: 5), sources: ["a.txt"]),
    ], documents: [
        Document(name: "a.txt", title: "A", published: EventDate(compact: "2026-03-03")!, dateSource: .dateline, eventCount: 2, bytes: 10),
        Document(name: "b.txt", title: "B", published: EventDate(compact: "2026-03-04")!, dateSource: .dateline, eventCount: 1, bytes: 10),
    ])

    static func run(_ text: String) -> StatementOutcome {
        var context = QueryContext(corpus: corpus, today: Day(iso: "2026-04-01")!)
        return QueryEngine.run(SourceFile(name: "<t>", text: text), in: &context).last ?? .failed([])
    }
}

@Test func conflictsListsEachSourcesVersionWithItsSentence() throws {
    guard case .result(let r, _) = ConflictFixture.run("conflicts") else {
        Issue.record("failed")
        return
    }
    #expect(r.columns.map(\.name) == ["id", "type", "date", "field", "version", "sources", "evidence"])
    #expect(r.rows.count == 2)
    #expect(r.rows.map { $0[4] } == [.text("31"), .text(">40")])
    #expect(r.rows.map { $0[5] } == [.list([.text("a.txt")]), .list([.text("b.txt")])])
    #expect(r.rows[0][6] == .text("Azerbaijan released 31 prisoners."))
    #expect(r.rows[1][6] == .text("More than 40 prisoners walked free."))
    #expect(r.events.map(\.id) == ["c1", "c1"])
}

@Test(arguments: [
    ("conflicts | count", [[Value.int(2)]]),
    ("conflicts where version = \">40\" | show id", [[Value.text("c1")]]),
    ("let mine = conflicts | show id\nmine", [[Value.text("c1")], [Value.text("c1")]]),
])
func conflictsIsACollection(_ query: String, _ rows: [[Value]]) {
    guard case .result(let r, _) = ConflictFixture.run(query) else {
        Issue.record("failed: \(query)")
        return
    }
    #expect(r.rows == rows)
}

@Test(arguments: [
    ("actors where name contains \"Coale\" | why", ["m1", "s1"]),
    ("places where name = \"Minsk\" | why", ["m1"]),
    ("documents where name = \"b.txt\" | why", ["m2", "r2", "x1"]),
])
func whyAfterNamesGivesTheRelatedEvents(_ query: String, _ ids: [String]) {
    guard case .result(let r, _) = SequenceFixture.run(query,
        corpus: Corpus(events: SequenceFixture.events,
                       documents: [Document(name: "b.txt", title: "B", published: .missing, dateSource: .missing, eventCount: 3, bytes: 1)])) else {
        Issue.record("failed: \(query)")
        return
    }
    #expect(r.kind == .why)
    #expect(Set(r.events.map(\.id)) == Set(ids))
}

@Test func whyAfterDocumentsKeepsOnlyThatDocumentsSentences() {
    guard case .result(let r, _) = ConflictFixture.run("documents where name = \"b.txt\" | why") else {
        Issue.record("failed")
        return
    }
    #expect(r.events.map(\.id) == ["c1"])
    #expect(r.events.first?.evidence.map(\.source) == ["b.txt"])
}

@Test func conflictsIsABuiltInNameAndSuggested() {
    guard case .failed(let d) = ConflictFixture.run("let conflicts = releases") else {
        Issue.record("should fail")
        return
    }
    #expect(d.first?.message.contains("built-in name") == true)
    guard case .failed(let typo) = ConflictFixture.run("conflcts") else {
        Issue.record("should fail")
        return
    }
    #expect(typo.first?.message.contains("did you mean `conflicts`?") == true)
}

@Test func whyAfterNamesNeedsTheNameColumn() {
    guard case .failed(let d) = ConflictFixture.run("actors | show mentions | why") else {
        Issue.record("should fail")
        return
    }
    #expect(d.first?.message.contains("needs the `name` column") == true)
}

/// Two reports of one release that the merger kept apart because their dates differ.
@Test(arguments: [
    // (second event's day, count, places, source) -> flagged?
    ("2026-03-03", 31, ["Baku"], "b.txt", true),
    ("2026-03-05", 31, ["Baku"], "b.txt", true),
    ("2026-03-06", 31, ["Baku"], "b.txt", false),   // more than 3 days apart
    ("2026-03-03", 32, ["Baku"], "b.txt", false),   // different counts
    ("2026-03-03", 31, ["Ganja"], "b.txt", false),  // nothing shared
    ("2026-03-03", 31, ["Baku"], "a.txt", false),   // one article does not contradict itself
    ("2026-03-02", 31, ["Baku"], "b.txt", false),   // same day: not a date disagreement
])
func conflictsFindsDatesThatDisagree(_ day: String, _ count: Int, _ places: [String], _ source: String, _ flagged: Bool) {
    let events = [
        Event(id: "d1", type: .release, date: EventDate(compact: "2026-03-02")!, count: Quantity(value: 31), places: ["Baku"], sources: ["a.txt"]),
        Event(id: "d2", type: .release, date: EventDate(compact: day)!, count: Quantity(value: count), places: places, sources: [source]),
    ]
    var context = QueryContext(corpus: Corpus(events: events), today: Day(iso: "2026-04-01")!)
    guard case .result(let r, _) = QueryEngine.run(SourceFile(name: "<t>", text: "conflicts | show id, field, version"), in: &context).last else {
        Issue.record("failed")
        return
    }
    let expected: [[Value]] = flagged ? [[.text("d1"), .text("date"), .text("2026-03-02")], [.text("d2"), .text("date"), .text(day)]] : []
    #expect(r.rows == expected)
}
