import EvqDiagnostics
import EvqEval
import EvqModel

/// A small hand-built corpus whose answers are worked out by hand in the tests.
enum Fixture {
    static func day(_ s: String) -> Day { Day(iso: s)! }
    static func date(_ s: String) -> EventDate { EventDate(compact: s)! }

    static let events: [Event] = [
        Event(id: "e01", type: .release, date: date("2025-12-13"), count: Quantity(value: 123),
              actors: ["Alexander Lukashenko"], places: ["Minsk", "Lithuania", "Ukraine"], sources: ["a.txt", "b.txt"],
              evidence: [Evidence(source: "a.txt", sentence: "Belarus freed 123 prisoners on Saturday.", span: .init(start: 0, end: 40))]),
        Event(id: "e02", type: .pardon, date: date("2025-12"), count: Quantity(value: 22, text: "15 women and 7 men"),
              actors: ["Alexander Lukashenko"], sources: ["b.txt"], attributes: ["women": "15", "men": "7"]),
        Event(id: "e03", type: .release, date: date("2025-09-11"), count: Quantity(value: 50, qualifier: .moreThan),
              sources: ["a.txt"]),
        Event(id: "e04", type: .release, total: true, date: date("2024-07..2025-12-13"),
              count: Quantity(value: 430, qualifier: .moreThan), sources: ["a.txt"]),
        Event(id: "e05", type: .sanctionsEased, date: date("2025-12-13"), actors: ["John Coale"], sources: ["a.txt"]),
        Event(id: "e06", type: .meeting, date: date("2025-12-12..2025-12-13"), actors: ["Alexander Lukashenko", "John Coale"],
              places: ["Minsk"], sources: ["a.txt", "b.txt"]),
        Event(id: "e07", type: .release, status: .expected, date: date("2025"), count: Quantity(value: nil, text: "hundreds"),
              sources: ["b.txt"]),
        Event(id: "e08", type: .arrest, date: .missing, count: Quantity(value: 16, qualifier: .atLeast),
              actors: ["Ales Bialiatski"], places: ["Minsk"], sources: ["b.txt"]),
        Event(id: "e09", type: .release, date: date("2025-09"), count: Quantity(value: 300, qualifier: .about), sources: ["b.txt"]),
        Event(id: "e10", type: .statement, date: date("2025-10-02"), actors: ["Sviatlana Tsikhanouskaya"], places: ["Vilnius"],
              sources: ["a.txt"]),
    ]

    static let corpus = Corpus(
        events: events,
        documents: [
            Document(name: "a.txt", title: "Belarus frees prisoners", published: date("2025-12-13"), dateSource: .dateline, eventCount: 6, bytes: 1000),
            Document(name: "b.txt", title: "Pardons", published: .missing, dateSource: .missing, eventCount: 5, bytes: 500),
        ],
        aliases: ["Ales Bialiatski": ["Bialacki", "Białacki", "Bialacky"]])

    static let today = day("2026-01-15")

    static func context() -> QueryContext { QueryContext(corpus: corpus, today: today) }

    /// Runs `text` and returns the last outcome.
    static func run(_ text: String, _ context: inout QueryContext) -> StatementOutcome {
        QueryEngine.run(SourceFile(name: "<test>", text: text), in: &context).last ?? .failed([])
    }

    static func run(_ text: String) -> StatementOutcome {
        var c = context()
        return run(text, &c)
    }

    /// The ids of an event result, or the rendered diagnostics.
    static func ids(_ text: String) -> [String] {
        switch run(text) {
        case .result(let r, _): return r.events.map(\.id)
        case .bound(let n, _): return ["bound \(n)"]
        case .failed(let d): return ["error: " + DiagnosticRenderer().render(d, in: SourceFile(name: "<test>", text: text))]
        }
    }

    /// The rows of a table result as plain text, `|`-separated, or the diagnostics.
    static func table(_ text: String) -> [String] {
        switch run(text) {
        case .result(let r, _): return r.rows.map { $0.map(\.plainText).joined(separator: "|") }
        case .bound(let n, _): return ["bound \(n)"]
        case .failed(let d): return ["error: " + DiagnosticRenderer().render(d, in: SourceFile(name: "<test>", text: text))]
        }
    }
}
