import EvqDiagnostics
import EvqSyntax
import Testing

struct DumpCase: CustomTestStringConvertible, Sendable {
    var input: String
    var dump: String
    var testDescription: String { input }
}

func dump(_ text: String) -> String {
    switch Parser.parse(text) {
    case .complete(let s): return ASTDump.dump(s)
    case .incomplete(let what): return "incomplete: \(what)"
    case .errors(let d, _): return "error: " + (d.first?.message ?? "")
    }
}

@Test(arguments: [
    DumpCase(input: "releases", dump: "(query releases)"),
    DumpCase(input: "releases where date > 2025-09", dump: "(query releases (where (> date #2025-09)))"),
    DumpCase(input: "Releases WHERE date >= 2025-09-11", dump: "(query Releases (where (>= date #2025-09-11)))"),
    DumpCase(input: "events where date > 2025", dump: "(query events (where (> date 2025)))"),
    DumpCase(input: "events | where 2025 - 9 = x", dump: "(query events (where (= (- 2025 9) x)))"),
    DumpCase(input: "events where a or b and not c", dump: "(query events (where (or a (and b (not c)))))"),
    DumpCase(input: "events where (a or b) and c", dump: "(query events (where (and (or a b) c)))"),
    DumpCase(input: "events where x = 1 + 2 * 3 - -4", dump: "(query events (where (= x (- (+ 1 (* 2 3)) (- 4)))))"),
    DumpCase(input: "events where type = pardon", dump: "(query events (where (= type pardon)))"),
    DumpCase(input: "events where actors contains \"Coale\"", dump: "(query events (where (contains actors \"Coale\")))"),
    DumpCase(input: "events where actors not contains 'Coale'", dump: "(query events (where (not (contains actors \"Coale\"))))"),
    DumpCase(input: "events where type in (pardon, 'release')", dump: "(query events (where (in type pardon \"release\")))"),
    DumpCase(input: "events where type not in [pardon]", dump: "(query events (where (not (in type pardon))))"),
    DumpCase(input: "events where date between 2025-09 and 2025-12", dump: "(query events (where (between date #2025-09 #2025-12)))"),
    DumpCase(input: "events where date is missing or count is not missing", dump: "(query events (where (or (is-missing date) (is-not-missing count))))"),
    DumpCase(input: "events where title ~ \"pard(on)?\"", dump: "(query events (where (~ title \"pard(on)?\")))"),
    DumpCase(input: "events where date >= today - 90d", dump: "(query events (where (>= date (- today 90d))))"),
    DumpCase(input: "events where date + 1w < 2025-12-01", dump: "(query events (where (< (+ date 1w) #2025-12-01)))"),
    DumpCase(input: "events | sort date desc, id | take 3", dump: "(query events (sort (date desc) (id asc)) (take 3))"),
    DumpCase(input: "events | order by count desc | limit 2 | head 1", dump: "(query events (sort (count desc)) (take 2) (take 1))"),
    DumpCase(input: "events | filter total = false", dump: "(query events (where (= total false)))"),
    DumpCase(input: "events | select date, count as n | project n", dump: "(query events (show date count as \"n\") (show n))"),
    DumpCase(input: "sanctions | count by month(date)", dump: "(query sanctions (count by (call month date)))"),
    DumpCase(input: "events | count", dump: "(query events (count))"),
    DumpCase(input: "events | sum count by type, year(date)", dump: "(query events (sum count by type (call year date)))"),
    DumpCase(input: "events | avg count | max x | min y", dump: "(query events (avg count) (max x) (min y))"),
    DumpCase(input: "events | distinct type, places", dump: "(query events (distinct type places))"),
    DumpCase(input: "events | timeline | timeline by Week", dump: "(query events (timeline) (timeline week))"),
    DumpCase(input: "meetings where actors contains \"Coale\" | why", dump: "(query meetings (where (contains actors \"Coale\")) (why))"),
    DumpCase(input: "let big = releases where count > 100", dump: "(let big (query releases (where (> count 100))))"),
    DumpCase(input: "events; releases\n\n# a comment\ntotals # trailing", dump: "(query events)\n(query releases)\n(query totals)"),
    DumpCase(input: "events\n| count", dump: "(query events (count))"),
    DumpCase(input: "events |\n  count by\n type", dump: "(query events (count by type))"),
    DumpCase(input: "events where (a\n or b)", dump: "(query events (where (or a b)))"),
    DumpCase(input: "events where s = \"a\\\"b\\\\c\"", dump: "(query events (where (= s \"a\\\"b\\\\c\")))"),
    DumpCase(input: "events where f() = g(1, 2.5, 'x')", dump: "(query events (where (= (call f) (call g 1 2.5 \"x\"))))"),
    DumpCase(input: "events where true and not false", dump: "(query events (where (and true (not false))))"),
    DumpCase(input: "events | show attributes.women as w", dump: "(query events (show attributes.women as \"w\"))"),
])
func parserProducesTheExpectedTree(_ c: DumpCase) {
    #expect(dump(c.input) == c.dump)
}

@Test(arguments: [
    ("events |", "a stage after `|`"),
    ("events | count by (", "a closing bracket"),
    ("events where (date > 2025", "a closing bracket"),
    ("events where actors contains \"Coa", "a closing quote"),
    ("events where type in (pardon,", "a closing bracket"),
    ("events |\n", "a stage after `|`"),
    ("events where f(1,\n", "a closing bracket"),
])
func unfinishedInputIsIncomplete(_ text: String, _ expecting: String) {
    #expect(dump(text) == "incomplete: \(expecting)")
}

@Test(arguments: [
    "releases where date >",
    "releases where date > 2025-09",
    "events | sort date",
    "events where (a))",
    "",
    "# only a comment",
])
func completeOrWrongInputIsNotIncomplete(_ text: String) {
    if case .incomplete = Parser.parse(text) { Issue.record("\(text) reported incomplete") }
}

struct ErrorCase: CustomTestStringConvertible, Sendable {
    var input: String
    var rendered: String
    var testDescription: String { input }
}

@Test(arguments: [
    ErrorCase(input: "releases where date >", rendered: """
        <q>:1:22: error: expected a value after `>`
         1 | releases where date >
           |                      ^

        """),
    ErrorCase(input: "releases where date > | take 1", rendered: """
        <q>:1:23: error: expected a value after `>`, found `|`
         1 | releases where date > | take 1
           |                       ^

        """),
    ErrorCase(input: "events | sorr date", rendered: """
        <q>:1:10: error: unknown stage `sorr`; did you mean `sort`?
         1 | events | sorr date
           |          ^^^^
        help: stages are where, sort, take, show, count, sum, avg, min, max, distinct, timeline, why

        """),
    ErrorCase(input: "events\n| take x", rendered: """
        <q>:2:8: error: expected a whole number after `take`, found `x`
         2 | | take x
           |        ^

        """),
    ErrorCase(input: "events where date > 2025-13", rendered: """
        <q>:1:21: error: `2025-13` is not a valid date; write YYYY, YYYY-MM or YYYY-MM-DD
         1 | events where date > 2025-13
           |                     ^^^^^^^

        """),
    ErrorCase(input: "events where x = 12abc", rendered: """
        <q>:1:18: error: `12abc` is not a number, date or duration (durations are 7d, 2w, 3m, 1y)
         1 | events where x = 12abc
           |                  ^^^^^

        """),
    ErrorCase(input: "events where x = $", rendered: """
        <q>:1:18: error: unexpected character `$`
         1 | events where x = $
           |                  ^

        """),
    ErrorCase(input: "events where (a))", rendered: """
        <q>:1:17: error: expected the end of the statement, found `)`
         1 | events where (a))
           |                 ^

        """),
    ErrorCase(input: "events sort date", rendered: """
        <q>:1:8: error: expected `|` before `sort`
         1 | events sort date
           |        ^^^^
        help: stages follow a pipe: `events | sort ...`

        """),
    ErrorCase(input: "| count", rendered: """
        <q>:1:1: error: expected a collection such as `events` or `releases`, found `|`
         1 | | count
           | ^

        """),
    ErrorCase(input: "events where a and", rendered: """
        <q>:1:19: error: expected a value after `and`
         1 | events where a and
           |                   ^

        """),
    ErrorCase(input: "events where x between 1 or 2", rendered: """
        <q>:1:26: error: expected `and` in `between ... and ...`, found `or`
         1 | events where x between 1 or 2
           |                          ^^

        """),
    ErrorCase(input: "events whre date > 2025", rendered: """
        <q>:1:8: error: expected `where` or `|` after `events`, found `whre`; did you mean `where`?
         1 | events whre date > 2025
           |        ^^^^

        """),
    ErrorCase(input: "events | sort date desc take 3", rendered: """
        <q>:1:25: error: expected the end of the statement, found `take`
         1 | events | sort date desc take 3
           |                         ^^^^
        help: stages are separated by `|`: `... | take ...`

        """),
    ErrorCase(input: "let = events", rendered: """
        <q>:1:5: error: expected a name after `let`, found `=`
         1 | let = events
           |     ^
        help: e.g. `let big = releases where count > 100`

        """),
])
func parseErrorsRenderWithLineColumnAndCaret(_ c: ErrorCase) {
    let file = SourceFile(name: "<q>", text: c.input)
    guard case .errors(let d, _) = Parser.parse(c.input) else {
        Issue.record("no error for \(c.input)")
        return
    }
    #expect(DiagnosticRenderer().render(d, in: file) == c.rendered)
}

@Test func statementsBeforeAnErrorStillParse() {
    let items = Parser.statements("events\nreleases where >\ntotals")
    #expect(items.count == 2)
    if case .statement = items[0] {} else { Issue.record("first statement lost") }
    if case .failed = items[1] {} else { Issue.record("second should fail") }
}

@Test func deepNestingIsADiagnosticNotACrash() {
    let deep = "events where " + String(repeating: "(", count: 10_000) + "x" + String(repeating: ")", count: 10_000)
    guard case .errors(let d, _) = Parser.parse(deep) else {
        Issue.record("deep nesting accepted")
        return
    }
    #expect(d.first?.message == "expression is nested too deeply (more than \(Parser.maxDepth) levels)")
    let deepNot = "events where " + String(repeating: "not ", count: 10_000) + "x"
    if case .complete = Parser.parse(deepNot) { Issue.record("deep not accepted") }
    let deepMinus = "events where x = " + String(repeating: "-", count: 10_000) + "1"
    if case .complete = Parser.parse(deepMinus) { Issue.record("deep minus accepted") }
    let open = "events where " + String(repeating: "(", count: 10_000)
    if case .complete = Parser.parse(open) { Issue.record("open parens accepted") }
}

@Test(arguments: [
    ("2025-09 7d 2w 3m 1y 3.5 'x' \"y\" a_b <= != # c\n|",
     ["date 2025-09", "duration 7d", "duration 2w", "duration 3m", "duration 1y", "number 3.5", "string x", "string y",
      "identifier a_b", "symbol <=", "symbol !=", "newline \n", "symbol |", "eof "]),
    ("2025 - 9", ["number 2025", "symbol -", "number 9", "eof "]),
    ("x-1", ["identifier x", "symbol -", "number 1", "eof "]),
])
func lexerProducesTokensWithKinds(_ text: String, _ expected: [String]) {
    let tokens = Lexer().lex(text).tokens
    #expect(tokens.map { "\($0.kind.rawValue) \($0.text)" } == expected)
}

@Test func tokenSpansAreByteRanges() {
    let tokens = Lexer().lex("é = 'ü'").tokens
    #expect(tokens.map(\.span.start) == [0, 3, 5, 9])
    #expect(tokens[2].span.end == 9)
}

@Test(arguments: [
    "releases where date > 2025-09 | sort date desc | take 3",
    "events where not (a = 1) or b != \"x\\\"y\" | show a as \"col name\", b",
    "let x = events | count by type, month(date) | sum count by type",
    "events where d between 2025 and 2026-01-02 | distinct a, b | timeline by week | why",
    "events where x in (1, 2, 'three') and y is not missing and z ~ \"a.b\" and -(-x) * 3 % 2 >= 1.5",
])
func printingThenParsingGivesTheSameTree(_ text: String) {
    guard case .complete(let a) = Parser.parse(text) else {
        Issue.record("did not parse: \(text)")
        return
    }
    let printed = ASTPrinter.print(a)
    guard case .complete(let b) = Parser.parse(printed) else {
        Issue.record("printed form did not parse: \(printed)")
        return
    }
    #expect(ASTDump.dump(a) == ASTDump.dump(b))
}

@Test func typographicQuotesReadAsStrings() {
    #expect(dump("events where actors contains “Coale”") == "(query events (where (contains actors \"Coale\")))")
    #expect(dump("events where actors contains ‘Coale’") == "(query events (where (contains actors \"Coale\")))")
    #expect(dump("events where actors contains “Coa") == "incomplete: a closing quote")
}

@Test func aStatementWithTrailingJunkDoesNotRun() {
    let items = Parser.statements("events | count take 3")
    #expect(items.count == 1)
    if case .failed = items.first {} else { Issue.record("the statement should fail as a whole") }
}

@Test func unicodeSpacesSeparateTokens() {
    #expect(dump("releases\u{A0}where date\u{2009}> 2025-09") == "(query releases (where (> date #2025-09)))")
    #expect(dump("\u{FEFF}events") == "(query events)")
}
