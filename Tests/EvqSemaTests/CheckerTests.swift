import EvqDiagnostics
import EvqEval
import EvqModel
import EvqSema
import EvqSyntax
import Testing

let corpus = Corpus(
    events: [
        Event(id: "a", type: .meeting, date: EventDate(compact: "2025-12-12")!, actors: ["John Coale", "Alexander Lukashenko"],
              places: ["Minsk"]),
        Event(id: "b", type: EventType("protest"), date: EventDate(compact: "2025-11")!),
    ],
    aliases: ["Alexander Lukashenko": ["Lukashenka"]])

/// Runs `text` and renders every diagnostic of its last statement (errors or warnings).
func diagnostics(_ text: String) -> String {
    var context = QueryContext(corpus: corpus, today: Day(iso: "2026-01-01")!)
    let file = SourceFile(name: "<q>", text: text)
    switch QueryEngine.run(file, in: &context).last {
    case .failed(let d): return DiagnosticRenderer().render(d, in: file)
    case .result(_, let w), .bound(_, let w): return DiagnosticRenderer().render(w, in: file)
    case nil: return ""
    }
}

struct DiagCase: CustomTestStringConvertible, Sendable {
    var input: String
    /// The first line of the rendered diagnostic: `<q>:L:C: severity: message`.
    var head: String
    var testDescription: String { input }
}

@Test(arguments: [
    DiagCase(input: "relases", head: "<q>:1:1: error: unknown collection `relases`; did you mean `releases`?"),
    DiagCase(input: "releases where cout > 5", head: "<q>:1:16: error: unknown field `cout`; did you mean `count`?"),
    DiagCase(input: "releases where date > \"abc\"", head: "<q>:1:23: error: cannot compare date with text \"abc\""),
    DiagCase(input: "releases where count > \"many\"", head: "<q>:1:24: error: cannot compare count with text \"many\""),
    DiagCase(input: "releases where date = 12", head: "<q>:1:23: error: cannot compare date with number 12"),
    DiagCase(input: "events where status = ocurred", head: "<q>:1:23: error: unknown status `ocurred`; did you mean `occurred`?"),
    DiagCase(input: "events where category = \"relases\"", head: "<q>:1:25: error: unknown category `relases`; did you mean `releases`?"),
    DiagCase(input: "events where type = pardn", head: "<q>:1:21: warning: no event has type `pardn`; did you mean `pardon`?"),
    DiagCase(input: "events where type = protest", head: ""),
    DiagCase(input: "protest | count", head: ""),
    DiagCase(input: "events where actors = \"Coale\"", head: "<q>:1:14: error: cannot compare a list with `=`"),
    DiagCase(input: "events where date", head: "<q>:1:14: error: `where` needs a condition, found a date"),
    DiagCase(input: "events where pardon", head: "<q>:1:14: error: unknown field `pardon`"),
    DiagCase(input: "events | count | timeline", head: "<q>:1:18: error: `timeline` needs event rows, but an earlier stage turned them into a table"),
    DiagCase(input: "events | why | take 1", head: "<q>:1:10: error: `why` must be the last stage"),
    DiagCase(input: "events | show yeer(date)", head: "<q>:1:15: error: unknown function `yeer`; did you mean `year`?"),
    DiagCase(input: "events | show year(date, 1)", head: "<q>:1:15: error: `year` takes 1 argument, found 2"),
    DiagCase(input: "events | show year(\"x\")", head: "<q>:1:20: error: `year` needs a date, found a text"),
    DiagCase(input: "events where date + 5 > 2025", head: "<q>:1:14: error: cannot add date and number 5"),
    DiagCase(input: "events where summary ~ \"(a+)+$\"", head: "<q>:1:24: error: regular expression repeats a group that already repeats, which can take exponential time"),
    DiagCase(input: "events where summary ~ \"a.*b.*c.*d\"", head: "<q>:1:24: error: regular expression has more than 2 unbounded repetitions (`*`, `+`), which can be very slow"),
    DiagCase(input: "events where summary ~ \"(\"", head: "<q>:1:24: error: invalid regular expression"),
    DiagCase(input: "let events = releases", head: "<q>:1:5: error: cannot bind `events`: it is a built-in name"),
    DiagCase(input: "events | timeline by fortnight", head: "<q>:1:22: error: unknown timeline unit `fortnight`"),
    DiagCase(input: "events | sum actors", head: "<q>:1:14: error: `sum` needs a number or a count, found a list of text"),
    DiagCase(input: "events where actors contains 3", head: "<q>:1:30: error: `contains` looks for text, found number 3"),
    DiagCase(input: "events where actors contains \"Colae\"", head: "<q>:1:30: warning: no actor `Colae`; did you mean `Coale`?"),
    DiagCase(input: "events where places contains \"Minks\"", head: "<q>:1:30: warning: no place `Minks`; did you mean `Minsk`?"),
    DiagCase(input: "events where actors contains \"Lukashenka\"", head: ""),
    DiagCase(input: "events where actors contains Coale", head: "<q>:1:30: error: unknown field `Coale`"),
    DiagCase(input: "events where type < pardon", head: "<q>:1:14: error: `<` does not order type values; use `=` or `!=`"),
    DiagCase(input: "events where not date", head: "<q>:1:18: error: `not` needs a condition, found a date"),
    DiagCase(input: "events where count > 1 and date", head: "<q>:1:28: error: `and` needs conditions on both sides, found a date"),
    DiagCase(input: "events | count by type | where counts > 1", head: "<q>:1:32: error: unknown field `counts`; did you mean `count`?"),
    DiagCase(input: "events where date > 2025-09 | take 1\nevents | show x", head: "<q>:2:15: error: unknown field `x`"),
])
func checkerReportsWithLineColumnAndSuggestion(_ c: DiagCase) {
    let rendered = diagnostics(c.input)
    let head = rendered.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
    if c.head.hasSuffix("expression") || c.head.hasSuffix("`fortnight`") || c.head.hasSuffix("`pardon`") || c.head.hasSuffix("`x`") {
        #expect(head.hasPrefix(c.head), "\(rendered)")
    } else {
        #expect(head == c.head, "\(rendered)")
    }
}

@Test func fullRenderingShowsTheLineCaretAndHelp() {
    #expect(diagnostics("releases where cout > 5") == """
        <q>:1:16: error: unknown field `cout`; did you mean `count`?
         1 | releases where cout > 5
           |                ^^^^
        help: fields here: id, type, category, status, total, date, count, actors, places, sources, evidence, summary, attributes, cameo

        """)
    #expect(diagnostics("releases where date > \"abc\"") == """
        <q>:1:23: error: cannot compare date with text "abc"
         1 | releases where date > "abc"
           |                       ^^^^^
        help: a date is written 2025, 2025-09 or 2025-09-11 (no quotes needed)

        """)
}

@Test func catalogCoversEveryStageFunctionAndField() {
    #expect(Catalog.stages.map(\.name) == Keywords.stages)
    #expect(Set(Catalog.functions.map(\.name)) == Set(Function.allCases.map(\.rawValue)))
    #expect(Catalog.fields.map(\.name) == EventField.allCases.map(\.rawValue))
    for s in Catalog.stages {
        #expect(!s.summary.isEmpty && !s.example.isEmpty)
        // Every example must parse and check against the empty corpus.
        var context = QueryContext(corpus: corpus, today: Day(iso: "2026-01-01")!)
        let out = QueryEngine.run(SourceFile(name: "ex", text: s.example), in: &context)
        if case .failed(let d) = out.last { Issue.record("example of \(s.name) fails: \(d.map(\.message))") }
    }
    for f in Catalog.functions {
        var context = QueryContext(corpus: corpus, today: Day(iso: "2026-01-01")!)
        let out = QueryEngine.run(SourceFile(name: "ex", text: f.example), in: &context)
        if case .failed(let d) = out.last { Issue.record("example of \(f.name) fails: \(d.map(\.message))") }
    }
    #expect(Catalog.collections.contains("releases"))
    #expect(Catalog.collections.contains("pardon"))
    #expect(Catalog.keywords.contains("where"))
    #expect(Catalog.fieldEntries(forCollection: "Documents").map(\.name).contains("published"))
    #expect(Catalog.fieldEntries(forCollection: "places").map(\.name) == ["name", "aliases", "mentions", "events"])
    #expect(Catalog.fieldEntries(forCollection: "releases").map(\.name) == EventField.allCases.map(\.rawValue))
}

@Test func explainShowsTheCheckedPlan() {
    let text = QueryEngine.explain(SourceFile(name: "q", text: "releases | filter date > 2025-09 | head 2"),
                                   context: QueryContext(corpus: corpus, today: Day(iso: "2026-01-01")!))
    #expect(text == """
        query: releases | where date > 2025-09 | take 2
        ast:   (query releases (where (> date #2025-09)) (take 2))
        plan:
          scan events category=releases
          filter (>:date date date(2025-09))
          take 2
        output: events (id, type, date, count, actors, places, sources)
        """)
}

@Test func explainChecksStatementsThatUseAnEarlierLet() {
    let text = QueryEngine.explain(SourceFile(name: "q", text: "let b = events | count by type\nb | where count > 1"),
                                   context: QueryContext(corpus: corpus, today: Day(iso: "2026-01-01")!))
    #expect(text.contains("scan binding b"), "\(text)")
    #expect(!text.contains("error"), "\(text)")
    let bad = QueryEngine.explain(SourceFile(name: "q", text: "relases"), context: QueryContext(corpus: corpus, today: Day(iso: "2026-01-01")!))
    #expect(bad.contains("q:1:1: error: unknown collection `relases`; did you mean `releases`?"), "\(bad)")
}
