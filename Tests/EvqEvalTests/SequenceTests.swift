import EvqDiagnostics
import EvqEval
import EvqModel
import Testing

/// The worked cases of docs/LANGUAGE.md ("Sequences") on a tiny corpus built for them.
enum SequenceFixture {
    static func date(_ s: String) -> EventDate { EventDate(compact: s)! }

    static let events: [Event] = [
        Event(id: "m1", type: .meeting, date: date("2025-12-12..2025-12-13"), actors: ["John Coale", "Alexander Lukashenko"],
              places: ["Minsk"], sources: ["a.txt"]),
        Event(id: "m2", type: .meeting, date: date("2025-12"), actors: ["Kaja Kallas"], sources: ["b.txt"]),
        Event(id: "r1", type: .release, date: date("2025-12-13"), count: Quantity(value: 123), actors: ["Alexander Lukashenko"],
              sources: ["a.txt"]),
        Event(id: "r2", type: .release, date: date("2025-09"), count: Quantity(value: 52), sources: ["b.txt"]),
        Event(id: "s1", type: .sanctionsEased, date: date("2025-12-13"), actors: ["John Coale"], sources: ["a.txt"]),
        Event(id: "x1", type: .arrest, date: .missing, actors: ["Alexander Lukashenko"], sources: ["b.txt"]),
    ]

    static func run(_ text: String, corpus: Corpus = Corpus(events: events)) -> StatementOutcome {
        var context = QueryContext(corpus: corpus, today: Day(iso: "2026-01-15")!)
        return QueryEngine.run(SourceFile(name: "<test>", text: text), in: &context).last ?? .failed([])
    }

    /// Each chain as its step ids joined by `>`, or the first error message.
    static func chains(_ text: String, corpus: Corpus = Corpus(events: events)) -> [String] {
        switch run(text, corpus: corpus) {
        case .result(let r, _):
            let idColumns = r.columns.indices.filter { r.columns[$0].name.hasPrefix("id") }
            return r.rows.map { row in
                idColumns.map { i -> String in if case .text(let t) = row[i] { return t } else { return "?" } }.joined(separator: ">")
            }
        case .bound(let n, _): return ["bound \(n)"]
        case .failed(let d): return ["error: " + (d.first?.message ?? "")]
        }
    }
}

@Test(arguments: [
    // Case 1: talks on 12..13 Dec, release on 13 Dec. The release starts no earlier than the
    // talks' latest start (13 >= 13) and the chain spans 12..13 = 2 days.
    ("sequence within 2d [meetings where actors contains \"Coale\"] [releases]", ["m1>r1"]),
    // Case 2: one day is too short for a chain that certainly spans two.
    ("sequence within 1d [meetings where actors contains \"Coale\"] [releases]", []),
    // Case 3: a meeting dated only "December 2025" may have been after 13 December: not certain.
    ("sequence [meetings where actors contains \"Kallas\"] [releases]", []),
    // Case 4: reversed steps: the talks may have started on the 12th, before the release.
    ("sequence [releases] [meetings]", ["r2>m2", "r2>m1"]),
    // Case 5: the same day in either order ("no earlier than", not "after").
    ("sequence [releases where date = 2025-12-13] [sanctions_eased]", ["r1>s1"]),
    ("sequence [sanctions_eased] [releases where date = 2025-12-13]", ["s1>r1"]),
    // Case 6: September (any day 1..30) to 13 December certainly spans at most 104 days.
    ("sequence within 104d [releases] [releases]", ["r2>r1"]),
    ("sequence within 103d [releases] [releases]", []),
    // Calendar months: 1 Sep + 3 months = 1 Dec, and the chain may end as late as 13 Dec.
    ("sequence within 3m [releases] [releases]", []),
    ("sequence within 4m [releases] [releases]", ["r2>r1"]),
    // One event never fills two steps.
    ("sequence [releases where count = 123] [releases where count = 123]", []),
    // `by` needs a value all steps share.
    ("sequence by actors [meetings] [releases]", ["m1>r1"]),
    ("sequence by actors [meetings] [sanctions_eased]", ["m1>s1"]),
    ("sequence by actors [releases] [sanctions_eased]", []),
    ("sequence by sources within 2d [meetings] [releases] [sanctions_eased]", ["m1>r1>s1"]),
    // An undated event cannot be ordered.
    ("sequence [arrest] [releases]", []),
    ("sequence [releases] [arrest]", []),
    // Chains are rows, so the stages work on them.
    ("sequence [releases] [events] | take 1", ["r2>m2"]),
    ("sequence [releases] [events] | where type2 = release", ["r2>r1"]),
])
func sequenceWorkedCases(_ query: String, _ expected: [String]) {
    #expect(SequenceFixture.chains(query) == expected)
}

@Test func sequenceRowsHaveStepColumnsAndCount() throws {
    guard case .result(let r, let warnings) = SequenceFixture.run("sequence by actors within 2d [meetings] [releases]") else {
        Issue.record("failed")
        return
    }
    #expect(warnings.isEmpty)
    #expect(r.columns.map(\.name) == ["id1", "date1", "type1", "summary1", "id2", "date2", "type2", "summary2", "days", "shared"])
    let row = try #require(r.rows.first)
    #expect(row[1] == .date(SequenceFixture.date("2025-12-12..2025-12-13")))
    #expect(row[6] == .text("release"))
    #expect(row[8] == .int(2))
    #expect(row[9] == .list([.text("Alexander Lukashenko")]))
    guard case .result(let c, _) = SequenceFixture.run("sequence [events] [events] | count") else {
        Issue.record("count failed")
        return
    }
    // Dated events: m1 m2 r1 r2 s1. Ordered pairs that are certain: r2>{m1,m2,r1,s1}, m1>{r1,s1},
    // r1>s1, s1>r1 = 8.
    #expect(c.rows == [[.int(8)]])
}

@Test(arguments: [
    ("sequence [meetings] [count]", "unknown collection `count`"),
    ("sequence [meetings | count] [releases]", "a sequence step must give events, but this one gives a table"),
    ("sequence by date [meetings] [releases]", "`sequence by` needs one of actors, places, type, category, sources, status"),
    ("sequence within 0d [meetings] [releases]", "`within` needs a positive duration of at most 10000 years"),
    ("sequence [meetings] [releases] | why", "`why` needs event rows, but an earlier stage turned them into a table"),
    ("sequence [meetings] [releases] | where nope = 1", "unknown field `nope`"),
])
func sequenceCheckErrors(_ query: String, _ message: String) {
    let got = SequenceFixture.chains(query)
    #expect(got.count == 1 && (got.first ?? "").hasPrefix("error: " + message), "\(got)")
}

@Test func sequenceBindsAndReuses() {
    var context = QueryContext(corpus: Corpus(events: SequenceFixture.events), today: Day(iso: "2026-01-15")!)
    let outcomes = QueryEngine.run(SourceFile(name: "<t>", text: "let s = sequence [releases] [events]\ns | count"), in: &context)
    guard case .result(let r, _) = outcomes.last else {
        Issue.record("failed: \(outcomes)")
        return
    }
    #expect(r.rows == [[.int(5)]])
}

@Test func sequenceStopsAtTheChainLimit() {
    // 150 events on one day: 150 x 149 ordered pairs, more than the limit of 10,000.
    let many = (0..<150).map { i in
        Event(id: String(format: "e%03d", i), type: .release, date: SequenceFixture.date("2025-12-13"), sources: ["a.txt"])
    }
    let clock = ContinuousClock()
    let started = clock.now
    guard case .result(let r, let warnings) = SequenceFixture.run("sequence [releases] [releases] | count", corpus: Corpus(events: many)) else {
        Issue.record("failed")
        return
    }
    #expect(r.rows == [[.int(10_000)]])
    #expect(warnings.contains { $0.message.contains("stopped at 10000 chains") })
    #expect(r.notes.contains { $0.contains("incomplete") })
    #expect(clock.now - started < .seconds(20))
    // Eight steps over the same events would be 10^17 chains; the limit still ends it.
    guard case .result(let deep, _) = SequenceFixture.run("sequence [releases] [releases] [releases] [releases] [releases] [releases] [releases] [releases] | count",
                                                          corpus: Corpus(events: many)) else {
        Issue.record("failed")
        return
    }
    #expect(deep.rows == [[.int(10_000)]])
}

@Test func sequenceByPlacesNeedsPlacesOnEveryStep() {
    // The talks have a place (Minsk), the releases none: nothing is shared.
    #expect(SequenceFixture.chains("sequence by places [meetings] [releases]") == [])
}

@Test func sequenceResultsCarryTheirChainsEventsForReports() {
    guard case .result(let r, _) = SequenceFixture.run("sequence [releases] [events] | where days < 120 | take 2") else {
        Issue.record("failed")
        return
    }
    // r2>m2 spans 1 Sep..31 Dec (122 days) and is dropped; r2>m1 and r2>r1 (104 days) stay:
    // each event once, in row and step order.
    #expect(r.events.map(\.id) == ["r2", "m1", "r1"])
    guard case .result(let counted, _) = SequenceFixture.run("sequence [releases] [events] | count") else {
        Issue.record("failed")
        return
    }
    #expect(counted.events.isEmpty)
}

@Test func sequenceStopsAfterTooManyPartialChains() {
    // 1,500 events on one day, each with its own actor: `by actors` rejects every pair, but only
    // after looking at it; 1,500 x 1,500 candidates exceed the 2,000,000 visits allowed.
    let many = (0..<1_500).map { i in
        Event(id: String(format: "e%04d", i), type: .release, date: SequenceFixture.date("2025-12-13"),
              actors: ["Person \(i)"], sources: ["a.txt"])
    }
    guard case .result(let r, let warnings) = SequenceFixture.run("sequence by actors [releases] [releases] | count",
                                                                  corpus: Corpus(events: many)) else {
        Issue.record("failed")
        return
    }
    #expect(r.rows == [[.int(0)]])
    #expect(warnings.contains { $0.message.contains("stopped after 2000000 partial chains") })
}
