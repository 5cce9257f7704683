import EvqDiagnostics
import EvqEval
import EvqModel
import EvqSyntax
import PropertyBased
import Testing

/// Runs one query over a corpus and returns the event ids, or nil on failure.
func runIds(_ text: String, _ corpus: Corpus) -> [String]? {
    var c = QueryContext(corpus: corpus, today: Day(iso: "2026-01-15")!)
    guard case .result(let r, _) = QueryEngine.run(SourceFile(name: "p", text: text), in: &c).last else { return nil }
    return r.events.map(\.id)
}

func runResult(_ text: String, _ corpus: Corpus) -> ResultSet? {
    var c = QueryContext(corpus: corpus, today: Day(iso: "2026-01-15")!)
    guard case .result(let r, _) = QueryEngine.run(SourceFile(name: "p", text: text), in: &c).last else { return nil }
    return r
}

let seeds = Gen.int(in: 0...Int(Int32.max))

/// Differential test: the real evaluator and the reference agree on random well-typed queries
/// over random event sets (rows and their order).
@Test func evaluatorAgreesWithTheReference() async {
    await propertyCheck(count: 300, input: seeds) { seed in
        var r = SplitMix(seed: UInt64(seed))
        let corpus = RandomCorpus.corpus(&r, count: r.int(0...40))
        for _ in 0..<10 {
            let cond = RandomCondition.make(&r)
            let coll = r.pick(RefCollection.allCases)
            let query = "\(coll.name) where \(cond)"
            let matching = corpus.all.filter { coll.contains($0) && cond.eval($0, aliases: RandomCorpus.aliases) == true }
                .sorted(by: referenceOrder)
            let expected = matching.map(\.id)
            switch r.int(0...3) {
            case 0:
                #expect(runIds(query, corpus) == expected, "\(query)")
            case 1:
                let k = r.int(0...5)
                #expect(runIds(query + " | take \(k)", corpus) == Array(expected.prefix(k)), "\(query) | take \(k)")
            case 2:
                #expect(runResult(query + " | count", corpus)?.rows == [[.int(expected.count)]], "\(query) | count")
            default:
                // count by type: one row per type present, ascending, with its number of events.
                var counts: [String: Int] = [:]
                for e in matching { counts[e.type.rawValue, default: 0] += 1 }
                let rows: [[Value]] = counts.keys.sorted().map { [.text($0), .int(counts[$0]!)] }
                #expect(runResult(query + " | count by type", corpus)?.rows == rows, "\(query) | count by type")
            }
        }
    }
}

/// `where A and B` keeps exactly the rows of `where A | where B`, and `count` equals the number
/// of rows.
@Test func conjunctionIsAPipelineAndCountCountsRows() async {
    await propertyCheck(count: 200, input: seeds) { seed in
        var r = SplitMix(seed: UInt64(seed))
        let corpus = RandomCorpus.corpus(&r, count: r.int(0...40))
        let a = RandomCondition.make(&r), b = RandomCondition.make(&r)
        let both = runIds("events where (\(a)) and (\(b))", corpus)
        let piped = runIds("events where \(a) | where \(b)", corpus)
        #expect(both == piped, "\(a) / \(b)")
        let counted = runResult("events where \(a) | count", corpus)
        #expect(counted?.rows == [[.int(runIds("events where \(a)", corpus)?.count ?? -1)]])
    }
}

/// `sort` is a stable total order: keys never decrease (missing last), ties keep input order.
@Test func sortIsStable() async {
    await propertyCheck(count: 200, input: seeds) { seed in
        var r = SplitMix(seed: UInt64(seed))
        let corpus = RandomCorpus.corpus(&r, count: r.int(0...50))
        let key = r.pick(["date", "count", "type", "actors"])
        let desc = r.chance(0.5)
        guard let input = runIds("events", corpus), let sorted = runResult("events | sort \(key)\(desc ? " desc" : "")", corpus),
            let keyed = runResult("events | sort \(key)\(desc ? " desc" : "") | show \(key)", corpus)
        else {
            Issue.record("query failed")
            return
        }
        // `sort | take N` (computed in one pass) is the first N rows of the full sort.
        let n = r.int(0...8)
        let top = runIds("events | sort \(key)\(desc ? " desc" : "") | take \(n)", corpus)
        #expect(top == Array(sorted.events.map(\.id).prefix(n)), "top \(n) by \(key)")
        let position = Dictionary(uniqueKeysWithValues: input.enumerated().map { ($1, $0) })
        #expect(Set(sorted.events.map(\.id)) == Set(input))
        for i in 1..<max(1, sorted.events.count) {
            // An unspecified count ("hundreds") has no value and sorts with the missing ones.
            let x = unspecifiedAsMissing(keyed.rows[i - 1][0]), y = unspecifiedAsMissing(keyed.rows[i][0])
            let c = testOrder(x, y)
            if x.isMissing && !y.isMissing { Issue.record("missing before a value for \(key)") }
            if !x.isMissing && !y.isMissing { #expect(desc ? c >= 0 : c <= 0, "\(key): \(x) then \(y)") }
            if c == 0 {
                #expect(position[sorted.events[i - 1].id]! < position[sorted.events[i].id]!, "tie not stable on \(key)")
            }
        }
    }
}

func unspecifiedAsMissing(_ v: Value) -> Value {
    if case .quantity(let q) = v, q.value == nil { return .missing }
    return v
}

/// An independent order for the keys the sort test uses.
func testOrder(_ a: Value, _ b: Value) -> Int {
    switch (a, b) {
    case (.missing, .missing): return 0
    case (.missing, _): return 1
    case (_, .missing): return -1
    case (.date(let x), .date(let y)):
        let kx = (x.start!.number, x.end!.number), ky = (y.start!.number, y.end!.number)
        return kx == ky ? 0 : (kx < ky ? -1 : 1)
    case (.quantity(let x), .quantity(let y)):
        let qx = x.value ?? Int.max, qy = y.value ?? Int.max
        if qx != qy { return qx < qy ? -1 : 1 }
        let rx = Qualifier.allCases.firstIndex(of: x.qualifier)!, ry = Qualifier.allCases.firstIndex(of: y.qualifier)!
        return rx == ry ? 0 : (rx < ry ? -1 : 1)
    case (.text(let x), .text(let y)): return x == y ? 0 : (x.lowercased() < y.lowercased() ? -1 : 1)
    case (.list(let xs), .list(let ys)):
        for (x, y) in zip(xs, ys) {
            let c = testOrder(x, y)
            if c != 0 { return c }
        }
        return xs.count == ys.count ? 0 : (xs.count < ys.count ? -1 : 1)
    default: return 0
    }
}

/// Date comparisons agree with checking every day of the event's interval against the literal.
@Test func dateComparisonsAgreeWithADayByDayCheck() async {
    await propertyCheck(count: 500, input: seeds) { seed in
        var r = SplitMix(seed: UInt64(seed))
        let date = RandomCorpus.date(&r)
        let lit = RefLiteral.random(&r)
        let op = r.pick(RandomCondition.ops)
        let corpus = Corpus(events: [Event(id: "x", type: .release, date: date)])
        let expected = RefExpr.date(op, lit).eval(corpus.all[0], aliases: [:]) == true
        let actual = runIds("events where date \(op) \(lit.text)", corpus) == ["x"]
        #expect(actual == expected, "\(date.display) \(op) \(lit.text)")
    }
}

/// Printing a parsed query and parsing it again gives the same tree.
@Test func printThenParseRoundTrips() async {
    await propertyCheck(count: 500, input: seeds) { seed in
        var r = SplitMix(seed: UInt64(seed))
        let text = QueryGrammar.query(&r)
        guard case .complete(let a) = Parser.parse(text) else {
            Issue.record("generated query did not parse: \(text)")
            return
        }
        let printed = ASTPrinter.print(a)
        guard case .complete(let b) = Parser.parse(printed) else {
            Issue.record("printed query did not parse: \(printed)")
            return
        }
        #expect(ASTDump.dump(a) == ASTDump.dump(b), "\(text)")
    }
}
