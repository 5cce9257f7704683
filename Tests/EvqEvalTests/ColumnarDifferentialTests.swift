import EvqDiagnostics
@testable import EvqEval
import EvqModel
import EvqSema
import EvqSyntax
import Testing

/// Random event sets for the columnar fast path: every date precision (and missing), qualified
/// and unspecified counts, 0-4 actors and places with spelling variants, imported types.
enum ColumnarRandom {
    static let actors = ["John Coale", "Alexander Lukashenko", "Ales Bialiatski", "Maria Kalesnikava",
                         "Sviatlana Tsikhanouskaya", "Ihar Losik", "Ryhor Kastusiou"]
    static let places = ["Minsk", "Vilnius", "Lithuania", "Ukraine", "Hrodna", "Warsaw"]
    static let aliases = ["Ales Bialiatski": ["Białacki", "Bialacky"], "Alexander Lukashenko": ["Lukashenka"],
                          "Minsk": ["Mińsk"]]
    static let types: [EventType] = [.release, .pardon, .meeting, .arrest, .sanctionsEased, .statement,
                                     .exchange, EventType("protest")]
    static let windowStart = Day(iso: "2024-06-01")!.number

    static func date(_ r: inout SplitMix) -> EventDate {
        let d = Day(number: windowStart + r.int(0...640))
        switch r.int(0...6) {
        case 0, 1: return .day(d, text: r.chance(0.3) ? "on a day" : nil)
        case 2: return EventDate.month(year: d.year, month: d.month)!
        case 3: return EventDate.year(d.year)!
        case 4: return EventDate(start: d, end: d.adding(days: r.int(1...90)), precision: .range)
        case 5: return r.chance(0.5) ? .missing : EventDate(missingText: "recently")
        default: return .day(d)
        }
    }

    static func count(_ r: inout SplitMix) -> Quantity? {
        let v = r.int(0...15) * 10 + r.pick([0, 1, 5, 9])
        switch r.int(0...7) {
        case 0: return nil
        case 1: return Quantity(value: nil, text: "hundreds")
        default:
            return Quantity(value: v, qualifier: r.pick([.exact, .exact, .moreThan, .atLeast, .about, .atMost]),
                            text: r.chance(0.2) ? "some words" : nil)
        }
    }

    static func names(_ r: inout SplitMix, _ pool: [String]) -> [String] {
        (0..<r.int(0...4)).map { _ in r.pick(pool) }.uniqued()
    }

    static func corpus(_ r: inout SplitMix, count n: Int) -> Corpus {
        let events = (0..<n).map { i in
            Event(id: "c" + String(10000 + i), type: r.pick(types),
                  status: r.chance(0.75) ? .occurred : r.pick([.expected, .denied, .hypothetical]),
                  total: r.chance(0.1), date: date(&r), count: count(&r),
                  actors: names(&r, actors), places: names(&r, places), sources: [r.pick(["a.txt", "b.txt", "c.md"])])
        }
        return Corpus(events: events, aliases: aliases)
    }
}

/// Random well-typed queries over the fast path's subset.
struct ColumnarQueries {
    var r: SplitMix

    mutating func dateLiteral() -> String {
        let d = Day(number: ColumnarRandom.windowStart - 40 + r.int(0...720))
        switch r.int(0...2) {
        case 0: return String(d.year)
        case 1: return String(d.iso.prefix(7))
        default: return d.iso
        }
    }

    mutating func op() -> String { r.pick(["=", "!=", "<", "<=", ">", ">="]) }

    mutating func needle(_ pool: [String]) -> String {
        switch r.int(0...4) {
        case 0: return r.pick(pool)
        case 1: return String(r.pick(pool).lowercased().prefix(r.int(2...5)))
        case 2: return r.pick(["bialacki", "BIAŁACKI", "lukashenka", "minsk", "MIŃSK", "osik"])
        case 3: return r.pick(["nobody", "zz"])
        default: return String(r.pick(pool).split(separator: " ").last ?? "x")
        }
    }

    mutating func condition(_ depth: Int) -> String {
        if depth > 0, r.chance(0.35) {
            switch r.int(0...2) {
            case 0: return "(\(condition(depth - 1)) and \(condition(depth - 1)))"
            case 1: return "(\(condition(depth - 1)) or \(condition(depth - 1)))"
            default: return "not (\(condition(depth - 1)))"
            }
        }
        switch r.int(0...13) {
        case 0, 1: return "date \(op()) \(dateLiteral())"
        case 2, 3: return "count \(op()) \(r.int(0...16) * 10 + r.pick([0, 1, 5]))"
        case 4: return "type \(r.pick(["=", "!="])) \(r.pick(["release", "pardon", "meeting", "protest", "statement"]))"
        case 5: return "category \(r.pick(["=", "!="])) \"\(r.pick(["releases", "meetings", "other", "arrests"]))\""
        case 6: return "status = \(r.pick(["occurred", "expected", "denied"]))"
        case 7: return "type in (\(r.pick(["release", "arrest"])), \(r.pick(["pardon", "protest", "meeting"])))"
        case 8: return "date between \(dateLiteral()) and \(dateLiteral())"
        case 9: return "actors contains \"\(needle(ColumnarRandom.actors))\""
        case 10: return "places contains \"\(needle(ColumnarRandom.places))\""
        case 11: return "date is \(r.chance(0.5) ? "not " : "")missing"
        case 12: return "count is \(r.chance(0.5) ? "not " : "")missing"
        default: return "total = \(r.chance(0.5))"
        }
    }

    mutating func sortKeys() -> String {
        let keys = ["date", "count", "type", "category", "status", "total"]
        return (0..<r.int(1...2)).map { _ in r.pick(keys) + r.pick(["", " asc", " desc"]) }.joined(separator: ", ")
    }

    mutating func query() -> String {
        var q = r.pick(["events", "totals", "unconfirmed", "releases", "meetings", "arrests", "pardon", "protest"])
        if r.chance(0.6) { q += " where " + condition(2) }
        var stages: [String] = []
        for _ in 0..<r.int(0...3) {
            switch r.int(0...4) {
            case 0: stages.append("where " + condition(1))
            case 1: stages.append("sort " + sortKeys())
            default: stages.append("take \(r.int(0...30))")
            }
        }
        switch r.int(0...3) {
        case 0:
            stages.append("count")
        case 1:
            let key = r.pick(["type", "category", "status", "total", "actors", "places", "month(date)", "year(date)"])
            stages.append("count by " + key)
            if r.chance(0.3) { stages.append("take \(r.int(0...5))") }
        default: break
        }
        return ([q] + stages).joined(separator: " | ")
    }
}

/// Parses and checks one query against `context`.
func checkedQuery(_ text: String, _ context: QueryContext) -> CheckedQuery? {
    guard case .statement(let s)? = Parser.statements(text).first,
        case .success(let c) = Checker.check(s, in: context.checkEnvironment)
    else { return nil }
    return c.query
}

/// Everything a result shows, as one comparable value.
func resultDump(_ r: ResultSet) -> String {
    "\(r.kind) \(r.columns.map(\.name)) \(r.rows) \(r.events.map(\.id)) \(r.notes)"
}

@Test(arguments: [1, 2, 3, 4] as [UInt64])
func columnarMatchesReference(seed: UInt64) throws {
    var r = SplitMix(seed: seed)
    let corpus = ColumnarRandom.corpus(&r, count: 300 + r.int(0...200))
    var context = QueryContext(corpus: corpus, today: Day(iso: "2026-01-15")!)
    var gen = ColumnarQueries(r: SplitMix(seed: seed &* 7919))
    var fast = 0, nonEmpty = 0
    for _ in 0..<1200 {
        let text = gen.query()
        let q = try #require(checkedQuery(text, context), "does not check: \(text)")
        let reference = try Evaluator(context: context).run(q)
        let attempt = context.runFast(q)
        let columnar = try #require(attempt, "fell back: \(text)")
        fast += 1
        if !reference.rows.isEmpty, reference.rows != [[.int(0)]] { nonEmpty += 1 }
        #expect(resultDump(columnar) == resultDump(reference), "\(text)")
        #expect(columnar.rows == reference.rows && columnar.events == reference.events, "\(text)")
    }
    #expect(fast == 1200)
    // The generator must mostly ask questions with answers, or equality proves little.
    #expect(nonEmpty > 600)
}

/// Through `QueryEngine.run`, with the fast path on and off: same outcomes and warnings (the
/// checker then uses the column store's name index).
@Test func columnarEngineOutcomesMatch() {
    var r = SplitMix(seed: 99)
    let corpus = ColumnarRandom.corpus(&r, count: 200)
    var on = QueryContext(corpus: corpus, today: Day(iso: "2026-01-15")!)
    var off = on
    off.fastPath.enabled = false
    for text in ["events | count", "events where actors contains \"bialacky\" | count by actors",
                 "events where actors contains \"Colae\"", "releases where places contains \"minsk\" | sort date desc | take 3",
                 "events | show date, count", "protest | count by month(date)", "let x = releases where date > 2025-09",
                 "x | count"] {
        let a = QueryEngine.run(SourceFile(name: "q", text: text), in: &on)
        let b = QueryEngine.run(SourceFile(name: "q", text: text), in: &off)
        #expect(a.map(describe) == b.map(describe), "\(text)")
    }
    #expect(on.fastPath.store != nil)
}

func describe(_ o: StatementOutcome) -> String {
    switch o {
    case .result(let r, let w): return resultDump(r) + " " + w.map(\.message).joined(separator: "; ")
    case .bound(let n, let w): return "bound \(n) " + w.map(\.message).joined(separator: "; ")
    case .failed(let d): return "failed " + d.map(\.message).joined(separator: "; ")
    }
}

/// Unsupported stages fall back to the reference evaluator (nil from the fast path).
@Test(arguments: ["events | show date", "events | sum count", "events | timeline", "events | why",
                  "events where lower(type) = \"release\"", "events where type ~ \"rel\"", "documents",
                  "events | count by date", "events | sort id", "events | count | sort count"])
func columnarFallsBack(text: String) throws {
    var r = SplitMix(seed: 5)
    var context = QueryContext(corpus: ColumnarRandom.corpus(&r, count: 20), today: Day(iso: "2026-01-15")!)
    let q = try #require(checkedQuery(text, context))
    let attempt = context.runFast(q)
    #expect(attempt == nil)
}

/// The design's rules on hand-picked events: a comparison holds only if it holds for every day
/// of the date and every possible value of the count.
struct ColumnarSemanticsCase: CustomTestStringConvertible, Sendable {
    let query: String
    let ids: [String]
    var testDescription: String { query }
}

let columnarSemanticsEvents: [Event] = [
    Event(id: "sep-day", type: .release, date: .day(Day(iso: "2025-09-11")!), count: Quantity(value: 123)),
    Event(id: "sep-month", type: .release, date: EventDate.month(year: 2025, month: 9)!,
          count: Quantity(value: 50, qualifier: .moreThan)),
    Event(id: "sep-oct", type: .release, date: EventDate(start: Day(iso: "2025-09-20")!, end: Day(iso: "2025-10-05")!, precision: .range),
          count: Quantity(value: 100, qualifier: .atLeast)),
    Event(id: "oct-day", type: .release, date: .day(Day(iso: "2025-10-01")!), count: Quantity(value: 300, qualifier: .about)),
    Event(id: "year-2025", type: .release, date: EventDate.year(2025)!, count: Quantity(value: 20, qualifier: .atMost)),
    Event(id: "undated", type: .release, count: Quantity(value: nil, text: "hundreds")),
]

@Test(arguments: [
    ColumnarSemanticsCase(query: "events where date > 2025-09", ids: ["oct-day"]),
    ColumnarSemanticsCase(query: "events where date >= 2025-09", ids: ["sep-month", "sep-day", "sep-oct", "oct-day"]),
    ColumnarSemanticsCase(query: "events where date = 2025-09", ids: ["sep-month", "sep-day"]),
    ColumnarSemanticsCase(query: "events where not (date = 2025-09)", ids: ["oct-day"]),
    ColumnarSemanticsCase(query: "events where date < 2025-10", ids: ["sep-month", "sep-day"]),
    ColumnarSemanticsCase(query: "events where date = 2025", ids: ["year-2025", "sep-month", "sep-day", "sep-oct", "oct-day"]),
    ColumnarSemanticsCase(query: "events where date is missing", ids: ["undated"]),
    ColumnarSemanticsCase(query: "events where count >= 100", ids: ["sep-day", "sep-oct", "oct-day"]),
    ColumnarSemanticsCase(query: "events where count > 50", ids: ["sep-month", "sep-day", "sep-oct", "oct-day"]),
    ColumnarSemanticsCase(query: "events where not (count >= 100)", ids: ["year-2025"]),
    ColumnarSemanticsCase(query: "events where count <= 20", ids: ["year-2025"]),
    ColumnarSemanticsCase(query: "events where count = 300", ids: ["oct-day"]),
    ColumnarSemanticsCase(query: "events where count is missing", ids: ["undated"]),
])
func columnarSemantics(c: ColumnarSemanticsCase) throws {
    var context = QueryContext(corpus: Corpus(events: columnarSemanticsEvents), today: Day(iso: "2026-01-15")!)
    let q = try #require(checkedQuery(c.query, context))
    let attempt = context.runFast(q)
    let fast = try #require(attempt)
    #expect(fast.events.map(\.id) == c.ids)
    #expect(resultDump(fast) == resultDump(try Evaluator(context: context).run(q)))
}

/// `sort | take` keeps the reference's order: missing last in both directions, ties by position.
@Test func columnarTopKOrder() throws {
    var context = QueryContext(corpus: Corpus(events: columnarSemanticsEvents), today: Day(iso: "2026-01-15")!)
    for text in ["events | sort count desc | take 3", "events | sort count | take 4", "events | sort date desc | take 6"] {
        let q = try #require(checkedQuery(text, context))
        let attempt = context.runFast(q)
        let fast = try #require(attempt)
        #expect(fast.events.map(\.id) == (try Evaluator(context: context).run(q)).events.map(\.id), "\(text)")
    }
    let q = try #require(checkedQuery("events | sort count desc | take 3", context))
    let top = context.runFast(q)
    #expect(top?.events.map(\.id) == ["oct-day", "sep-day", "sep-oct"])
}

/// An event result from the fast path makes its rows on first read; they are the reference's
/// rows, and assigning rows replaces them as for any result.
@Test func columnarDeferredRows() throws {
    var context = QueryContext(corpus: Corpus(events: columnarSemanticsEvents), today: Day(iso: "2026-01-15")!)
    let q = try #require(checkedQuery("events where count > 50", context))
    let attempt = context.runFast(q)
    var fast = try #require(attempt)
    #expect(fast.deferredRows != nil)
    #expect(fast.rows == (try Evaluator(context: context).run(q)).rows)
    #expect(fast.rows.count == 4)
    fast.rows = [[.int(1)]]
    #expect(fast.rows == [[.int(1)]])
    #expect(fast.events.count == 4)
}

/// A name listed twice in one event (imported data may do that) counts the event once in
/// `count by`, and `contains` finds it once; events without names form the missing group.
@Test(arguments: ["events | count by actors", "events | count by places", "events where actors contains \"Minsk\" | count",
                  "events where places contains \"Vilnius\" | count by actors", "events where date > 2025-01 | count by places"])
func columnarRepeatedAndMissingNames(text: String) throws {
    let day = Day(iso: "2025-03-04")!
    let events = [
        Event(id: "a", type: .arrest, date: .day(day), actors: ["Minsk", "Ann", "Minsk"], places: ["Vilnius", "Vilnius"]),
        Event(id: "b", type: .arrest, date: .day(day.adding(days: 40)), actors: [], places: ["Riga"]),
        Event(id: "c", type: .arrest, actors: ["Ann"], places: []),
        Event(id: "d", type: .release, date: .day(day), actors: ["Bob", "Ann", "Bob", "Ann"], places: ["Vilnius", "Riga", "Vilnius"]),
    ]
    let context = QueryContext(corpus: Corpus(events: events), today: Day(iso: "2026-01-15")!)
    var fastContext = context
    let q = try #require(checkedQuery(text, context))
    let reference = try Evaluator(context: context).run(q)
    let attempt = fastContext.runFast(q)
    let columnar = try #require(attempt)
    #expect(resultDump(columnar) == resultDump(reference))
    #expect(!reference.rows.isEmpty)
}

/// A corpus large enough that the column build collects the name lists on a second thread
/// gives the reference's answers too.
@Test func columnarLargeCorpusMatchesReference() throws {
    var r = SplitMix(seed: 77)
    let corpus = ColumnarRandom.corpus(&r, count: 70_000)
    var context = QueryContext(corpus: corpus, today: Day(iso: "2026-01-15")!)
    for text in ["events | count by actors", "events where places contains \"Minsk\" | count by type",
                 "releases where actors contains \"Ales Bialiatski\" | count by month(date)", "events | count by places"] {
        let q = try #require(checkedQuery(text, context))
        let reference = try Evaluator(context: context).run(q)
        let attempt = context.runFast(q)
        let columnar = try #require(attempt, "fell back: \(text)")
        #expect(resultDump(columnar) == resultDump(reference), "\(text)")
    }
}
