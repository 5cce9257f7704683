import EvqDiagnostics
import EvqEval
import EvqModel
import Foundation
import Testing
@testable import EvqShell

struct MetaErrorCase: CustomTestStringConvertible, Sendable {
    var line: String
    var message: String
    var caretColumn: Int
    var testDescription: String { "`\(line)`" }
}

struct MetaCommandTests {
    static let errors: [MetaErrorCase] = [
        MetaErrorCase(line: ".foramt json", message: "unknown command `.foramt`", caretColumn: 1),
        MetaErrorCase(line: ".format xml", message: "unknown format `xml`", caretColumn: 9),
        MetaErrorCase(line: ".timer maybe", message: "`.timer` expects `on` or `off`", caretColumn: 8),
        MetaErrorCase(line: ".timer", message: "`.timer` expects `on` or `off`", caretColumn: 7),
        MetaErrorCase(line: ".set today 2025-02-30", message: "`2025-02-30` is not a date", caretColumn: 12),
        MetaErrorCase(line: ".set tody 2025-02-03", message: "unknown setting `tody`", caretColumn: 6),
        MetaErrorCase(line: ".set width 3", message: "`3` is not a width", caretColumn: 12),
        MetaErrorCase(line: ".set", message: "`.set` needs a setting", caretColumn: 5),
        MetaErrorCase(line: ".types extra", message: "`.types` takes no arguments", caretColumn: 8),
        MetaErrorCase(line: ".load", message: "`.load` needs at least one path", caretColumn: 6),
        MetaErrorCase(line: ".load /no/such/folder", message: "no such file or folder", caretColumn: 7),
        MetaErrorCase(line: ".read", message: "`.read` needs exactly one file", caretColumn: 6),
        MetaErrorCase(line: ".read /no/such.evq", message: "cannot read `/no/such.evq`: no such file", caretColumn: 7),
        MetaErrorCase(line: ".export", message: "`.export` needs exactly one file", caretColumn: 8),
        MetaErrorCase(line: ".export out.csv", message: "nothing to export yet", caretColumn: 1),
        MetaErrorCase(line: ".help nosuch", message: "no help for `nosuch`", caretColumn: 7),
        MetaErrorCase(line: ".explain", message: "`.explain` needs a query", caretColumn: 9),
    ]

    @Test(arguments: errors)
    func argumentErrorsPointAtTheFault(_ c: MetaErrorCase) {
        let capture = CapturedConsole()
        var session = makeSession(capture)
        let status = InputProcessor.run(.script(name: "m.evq", text: c.line + "\n"), in: &session)
        #expect(status == .failed)
        #expect(capture.errors.hasPrefix("m.evq:1:\(c.caretColumn): error: "), "\(capture.errors)")
        #expect(capture.errors.contains(c.message), "\(capture.errors)")
        let caretLine = capture.errors.split(separator: "\n").first { $0.contains("^") } ?? ""
        #expect(caretLine.firstIndex(of: "^").map { caretLine.distance(from: caretLine.startIndex, to: $0) } == 5 + c.caretColumn - 1 + 0)
        #expect(capture.output.isEmpty)
    }

    @Test func anInterruptedLoadKeepsTheCorpus() throws {
        let dir = temporaryFolder()
        for i in 1...3 {
            try "Officials released \(i + 10) prisoners on Monday.".write(toFile: dir + "/a\(i).txt", atomically: true, encoding: .utf8)
        }
        let capture = CapturedConsole()
        var session = makeSession(capture)
        let kept = Corpus(events: [Event(id: "k", type: .release)])
        session.context.corpus = kept
        // Ctrl-C arrives while the second article is being read.
        var asked = 0
        session.isCancelled = {
            asked += 1
            return asked == 3
        }
        let status = InputProcessor.run(.script(name: "m", text: ".load \(dir)\n"), in: &session)
        #expect(status == .failed)
        #expect(capture.errors.contains("interrupted; the corpus is unchanged (1 event)"))
        #expect(session.context.corpus == kept)

        session.isCancelled = { false }
        #expect(InputProcessor.run(.script(name: "m", text: ".load \(dir)\n"), in: &session) == .ok)
        #expect(session.context.corpus.documents.count == 3)
    }

    @Test func unknownCommandsGetTheNearestName() {
        let capture = CapturedConsole()
        var session = makeSession(capture)
        _ = InputProcessor.run(.script(name: "m", text: ".tyeps\n"), in: &session)
        #expect(capture.errors.contains("help: did you mean `.types`?"))
    }

    @Test func typedControlCharactersNeverReachTheTerminal() {
        let capture = CapturedConsole()
        var session = makeSession(capture)
        _ = InputProcessor.run(.script(name: "m", text: ".format \u{1B}[2Jx\n"), in: &session)
        #expect(capture.errors.contains("unknown format"))
        #expect(!capture.errors.contains("\u{1B}"))
        let query = CapturedConsole()
        var other = makeSession(query)
        _ = InputProcessor.run(.script(name: "q", text: "rel\u{1B}[2Jeases | count\n"), in: &other)
        #expect(query.errors.contains("error"))
        #expect(!query.errors.contains("\u{1B}"))
    }

    @Test func settingsChangeTheSession() {
        let capture = CapturedConsole()
        var session = makeSession(capture)
        let status = InputProcessor.run(.script(name: "m", text: ".format json\n.timer on\n.set today 2024-07-01\n.set width 60\n"), in: &session)
        #expect(status == .ok)
        #expect(session.format == .json)
        #expect(session.timer)
        #expect(session.context.today == Day(year: 2024, month: 7, day: 1))
        #expect(session.width == 60)
        #expect(capture.errors.isEmpty)
    }

    @Test func formatChangesHowMetaTablesPrint() {
        let capture = CapturedConsole()
        var session = makeSession(capture)
        _ = InputProcessor.run(.script(name: "m", text: ".format csv\n.types\n"), in: &session)
        #expect(capture.output.hasPrefix("type,category,meaning\nrelease,releases,"))
    }

    @Test func helpListsEveryCommandFromTheCatalog() {
        let capture = CapturedConsole()
        var session = makeSession(capture)
        _ = InputProcessor.run(.script(name: "m", text: ".help\n"), in: &session)
        for command in MetaCommandCatalog.standard.commands {
            #expect(capture.output.contains(command.usage))
            #expect(!command.summary.isEmpty)
        }
        let single = CapturedConsole()
        var other = makeSession(single)
        _ = InputProcessor.run(.script(name: "m", text: ".help format\n"), in: &other)
        #expect(single.output.hasPrefix(".format table|json|jsonl|csv|md\n"))
    }

    @Test func readRunsAScriptAndRestoresTheLocation() throws {
        let folder = temporaryFolder()
        try ".format md\n.timer on\n".write(toFile: folder + "/inner.evq", atomically: true, encoding: .utf8)
        let capture = CapturedConsole()
        var session = makeSession(capture)
        let status = InputProcessor.run(.script(name: "outer.evq", text: ".read \(folder)/inner.evq\n.bogus\n"), in: &session)
        #expect(status == .failed)
        #expect(session.format == .md)
        #expect(session.timer)
        #expect(capture.errors.hasPrefix("outer.evq:2:1: error: unknown command"))
        #expect(session.readStack.isEmpty)
    }

    @Test func readReportsErrorsWithTheInnerFileAndLine() throws {
        let folder = temporaryFolder()
        try "\n.format yaml\n".write(toFile: folder + "/inner.evq", atomically: true, encoding: .utf8)
        let capture = CapturedConsole()
        var session = makeSession(capture)
        let status = InputProcessor.run(.script(name: "outer.evq", text: ".read \(folder)/inner.evq\n.timer on\n"), in: &session)
        #expect(status == .failed)
        #expect(capture.errors.hasPrefix("\(folder)/inner.evq:2:9: error: unknown format `yaml`"))
        #expect(!session.timer)
    }

    @Test func readDetectsCycles() throws {
        let folder = temporaryFolder()
        try ".read \(folder)/b.evq\n".write(toFile: folder + "/a.evq", atomically: true, encoding: .utf8)
        try ".read \(folder)/a.evq\n".write(toFile: folder + "/b.evq", atomically: true, encoding: .utf8)
        let capture = CapturedConsole()
        var session = makeSession(capture)
        let status = InputProcessor.run(.script(name: "top", text: ".read \(folder)/a.evq\n"), in: &session)
        #expect(status == .failed)
        #expect(capture.errors.contains("a.evq` is already being read (a cycle of .read commands)"))
        #expect(occurrences(of: "error:", in: capture.errors) == 1)
    }

    @Test func readNestingIsLimited() throws {
        let folder = temporaryFolder()
        for i in 0..<30 {
            try ".read \(folder)/f\(i + 1).evq\n".write(toFile: folder + "/f\(i).evq", atomically: true, encoding: .utf8)
        }
        try ".timer on\n".write(toFile: folder + "/f30.evq", atomically: true, encoding: .utf8)
        let capture = CapturedConsole()
        var session = makeSession(capture)
        let status = InputProcessor.run(.script(name: "top", text: ".read \(folder)/f0.evq\n"), in: &session)
        #expect(status == .failed)
        #expect(capture.errors.contains("nested more than 25 deep"))
        #expect(!session.timer)
    }

    @Test func exportWritesTheLastResultAtomically() throws {
        let folder = temporaryFolder()
        let capture = CapturedConsole()
        var session = makeSession(capture)
        session.lastResult = ResultSet(kind: .table, columns: [Column("name"), Column("n")], rows: [[.text("a, b"), .int(2)]])
        session.color = true
        let status = InputProcessor.run(.script(name: "e", text: ".format csv\n.export \(folder)/out.csv\n"), in: &session)
        #expect(status == .ok)
        let written = try String(contentsOfFile: folder + "/out.csv", encoding: .utf8)
        #expect(written == "name,n\n\"a, b\",2\n")
        let left = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(left == ["out.csv"])
    }

    @Test func exportToAMissingFolderFails() {
        let capture = CapturedConsole()
        var session = makeSession(capture)
        session.lastResult = ResultSet(kind: .table, columns: [Column("n")], rows: [[.int(1)]])
        let status = InputProcessor.run(.script(name: "e", text: ".export /no/such/folder/x.csv\n"), in: &session)
        #expect(status == .failed)
        #expect(capture.errors.contains("cannot write `/no/such/folder/x.csv`"))
    }

    @Test func historyListsTheEntriesGiven() {
        let capture = CapturedConsole()
        var session = makeSession(capture)
        session.history = { ["releases", "releases |\n  take 1"] }
        _ = InputProcessor.run(.script(name: "h", text: ".history\n"), in: &session)
        #expect(capture.output == "1  releases\n2  releases |\n     take 1\n")
    }

    @Test func fieldsAndDocsPrintTables() {
        let capture = CapturedConsole()
        var session = makeSession(capture)
        session.context.corpus = Corpus(events: [], documents: [Document(name: "a.txt", title: "T", eventCount: 3)])
        _ = InputProcessor.run(.script(name: "h", text: ".fields\n.docs\n"), in: &session)
        #expect(capture.output.contains("actors"))
        #expect(capture.output.contains("a.txt"))
        #expect(capture.output.contains("1 row"))
    }

    @Test func explainShowsTheCheckedQueryWithoutRunningIt() {
        let capture = CapturedConsole()
        var session = makeSession(capture)
        let status = InputProcessor.run(.script(name: "x", text: ".explain releases | tkae 1\n.explain releases | take 1\n"), in: &session)
        #expect(status == .ok)
        #expect(capture.output.contains("take 1"))
        #expect(capture.output.contains("did you mean `take`?"))
        #expect(session.lastResult == nil)
    }

    @Test(arguments: [("where", "where EXPR\n"), ("filter", "where EXPR\n"), ("year", "year(date)"), (".timer", ".timer on|off\n"),
                        ("collections", "events "), ("stages", "where EXPR "), ("functions", "year(date) -> number ")])
    func helpTopicsComeFromTheCatalogs(topic: String, start: String) {
        let capture = CapturedConsole()
        var session = makeSession(capture)
        _ = InputProcessor.run(.script(name: "h", text: ".help \(topic)\n"), in: &session)
        #expect(capture.output.hasPrefix(start), "\(capture.output)")
    }

    @Test func catalogNamesAreUnique() {
        let names = MetaCommandCatalog.standard.names
        #expect(Set(names).count == names.count)
        #expect(names.allSatisfy { $0.hasPrefix(".") })
    }
}
