import Testing
@testable import EvqShell

struct CompletionCase: CustomTestStringConvertible, Sendable {
    var line: String
    var expected: [String]
    /// True when `expected` must be exactly the candidates; false when it must be among them.
    var exact: Bool
    var testDescription: String { "`\(line)`" }
}

struct CompleterTests {
    let completer = Completer(
        actors: ["Coale", "Lukashenko", "Bialiatski"], places: ["Minsk", "Lithuania", "Ukraine"],
        listFiles: { prefix in ["scripts/", "seeds/", "setup.evq"].filter { $0.hasPrefix(prefix) } })

    static let cases: [CompletionCase] = [
        CompletionCase(line: "rel", expected: ["releases"], exact: true),
        CompletionCase(line: "REL", expected: ["releases"], exact: true),
        CompletionCase(line: "release", expected: ["release", "releases"], exact: true),
        CompletionCase(line: "par", expected: ["pardon"], exact: true),
        CompletionCase(line: "", expected: ["events", "releases", "let", ".help"], exact: false),
        CompletionCase(line: "le", expected: ["let"], exact: true),
        CompletionCase(line: ".fo", expected: [".format"], exact: true),
        CompletionCase(line: "releases | so", expected: ["sort"], exact: true),
        CompletionCase(line: "releases |so", expected: ["sort"], exact: true),
        CompletionCase(line: "releases | ti", expected: ["timeline"], exact: true),
        CompletionCase(line: "releases | ", expected: ["where", "sort", "take", "count", "why"], exact: false),
        CompletionCase(line: "releases where da", expected: ["date", "day"], exact: true),
        CompletionCase(line: "releases where date > 2025 and co", expected: ["coalesce", "count"], exact: true),
        CompletionCase(line: "documents where da", expected: ["date_source", "dateline", "day"], exact: true),
        CompletionCase(line: "actors | show al", expected: ["aliases"], exact: true),
        CompletionCase(line: "let x = documents | sort pu", expected: ["published"], exact: true),
        CompletionCase(line: "releases | sort da", expected: ["date", "day"], exact: true),
        CompletionCase(line: "releases | show date, pl", expected: ["places"], exact: true),
        CompletionCase(line: "sanctions | count by mo", expected: ["month"], exact: true),
        CompletionCase(line: "meetings where actors contains \"Co", expected: ["\"Coale\""], exact: true),
        CompletionCase(line: "meetings where actors contains ", expected: ["\"Bialiatski\"", "\"Coale\"", "\"Lukashenko\""], exact: true),
        CompletionCase(line: "events where places = \"Li", expected: ["\"Lithuania\""], exact: true),
        CompletionCase(line: "events where type = par", expected: ["pardon"], exact: true),
        CompletionCase(line: "events where status = ex", expected: ["expected"], exact: true),
        CompletionCase(line: "releases wh", expected: ["where"], exact: true),
        CompletionCase(line: "let recent = rel", expected: ["releases"], exact: true),
        CompletionCase(line: ".format j", expected: ["json", "jsonl"], exact: true),
        CompletionCase(line: ".timer o", expected: ["off", "on"], exact: true),
        CompletionCase(line: ".read se", expected: ["seeds/", "setup.evq"], exact: true),
        CompletionCase(line: ".load sc", expected: ["scripts/"], exact: true),
        CompletionCase(line: ".help fo", expected: ["format"], exact: true),
        CompletionCase(line: ".explain releases | ta", expected: ["take"], exact: true),
        CompletionCase(line: "releases where zzz", expected: [], exact: true),
    ]

    @Test(arguments: cases)
    func candidates(_ c: CompletionCase) {
        let got = completer.complete(c.line, cursor: c.line.utf8.count).candidates
        if c.exact {
            #expect(got == c.expected)
        } else {
            for e in c.expected { #expect(got.contains(e), "missing \(e) in \(got)") }
        }
    }

    @Test func wordStartIsAfterTheLastBreak() {
        #expect(completer.complete("releases | so", cursor: 13).start == 11)
        #expect(completer.complete("meetings where actors contains \"Co", cursor: 34).start == 31)
        #expect(completer.complete("rel", cursor: 3).start == 0)
    }

    @Test func cursorInTheMiddleCompletesTheWordBeforeIt() {
        let line = "rel | sort date"
        #expect(completer.complete(line, cursor: 3).candidates == ["releases"])
    }

    @Test func cursorBeyondTheLineIsClamped() {
        #expect(completer.complete("rel", cursor: 99).candidates == ["releases"])
        #expect(completer.complete("rel", cursor: -5).start == 0)
    }

    @Test func bindingsAreCollections() {
        var c = completer
        c.bindings = ["recent"]
        #expect(c.complete("rec", cursor: 3).candidates == ["recent"])
    }
}
