import EvqDiagnostics
import EvqSyntax
import Testing

/// The parse of `sequence`, as a canonical dump, or the first error, or what is missing.
private func sequenceDump(_ text: String) -> String {
    switch Parser.parse(text) {
    case .complete(let s): return ASTDump.dump(s)
    case .incomplete(let what): return "incomplete: \(what)"
    case .errors(let d, _): return "error: " + (d.first?.message ?? "")
    }
}

@Test(arguments: [
    ("sequence [meetings] [releases]", "(sequence (query meetings) (query releases))"),
    ("sequence within 2d [meetings where actors contains \"Coale\"] [releases]",
     "(sequence (within 2d) (query meetings (where (contains actors \"Coale\"))) (query releases))"),
    ("SEQUENCE by actors within 1w [meetings] [releases | where count > 10] | count",
     "(sequence (by actors) (within 1w) (query meetings) (query releases (where (> count 10))) (count))"),
    ("sequence [a] [b] [c] | take 2", "(sequence (query a) (query b) (query c) (take 2))"),
    ("sequence [meetings]\n[releases]\n| count", "(sequence (query meetings) (query releases) (count))"),
    ("sequence [meetings]\nreleases", "error: a sequence needs at least two steps in brackets, found the end of the line"),
    ("sequence [meetings] [\n releases\n]", "(sequence (query meetings) (query releases))"),
    ("sequence within [meetings] [releases]", "error: expected a duration after `within` (7d, 2w, 3m, 1y), found `[`"),
    ("sequence by [meetings] [releases]", "error: expected a field after `by`, found `[`"),
    ("sequence [meetings] []", "error: a step needs a query, e.g. `[releases]`"),
    ("sequence [sequence [a] [b]] [c]", "error: a sequence step cannot be another sequence"),
    ("sequence [meetings] [releases", "incomplete: `]`"),
    ("sequence [meetings] [releases where", "incomplete: a closing bracket"),
    ("sequence within 2d", "incomplete: a step in brackets"),
    ("sequence [a] [b] [c] [d] [e] [f] [g] [h] [i]", "error: a sequence has at most 8 steps"),
    // Without a bracket, `by` or `within` after it, `sequence` is an ordinary (let-bound) name.
    ("sequence | count", "(query sequence (count))"),
])
func sequenceParses(_ input: String, _ expected: String) {
    #expect(sequenceDump(input) == expected)
}

@Test func sequencePrintsCanonically() throws {
    guard case .complete(let s) = Parser.parse("sequence by places within 7d [meetings] [releases | head 3] | limit 1") else {
        Issue.record("did not parse")
        return
    }
    let printed = ASTPrinter.print(try #require(s.statements.first))
    #expect(printed == "sequence by places within 7d [meetings] [releases | take 3] | take 1")
    // The printed text parses back to the same shape.
    #expect(sequenceDump(printed) == sequenceDump("sequence by places within 7d [meetings] [releases | take 3] | take 1"))
}
