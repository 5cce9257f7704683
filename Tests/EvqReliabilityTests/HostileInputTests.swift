import Foundation
import Testing

/// Hostile documents and queries: each gets a warning or a diagnostic, never a crash, and no
/// escape sequence from an article or a query reaches the terminal. The slow items (a 100 MB
/// file, time linear in size) are in scripts/reliability.sh.
struct HostileDocumentTests {
    static func write(_ bytes: [UInt8], _ name: String, in dir: String) -> String {
        let path = dir + "/" + name
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    struct FileCase: CustomTestStringConvertible, Sendable {
        var name: String
        var bytes: [UInt8]
        var warning: String?
        var testDescription: String { name }
    }

    static let files: [FileCase] = {
        var random = SystemRandomNumberGenerator()
        let noise = (0..<20_000).map { _ in UInt8.random(in: 0...255, using: &random) }
        let nested = "<html>" + String(repeating: "<div>", count: 20_000) + "<p>Officials released 5 prisoners on Monday.</p>"
            + String(repeating: "</div>", count: 20_000)
        return [
            FileCase(name: "binary.txt", bytes: noise, warning: "warning:"),
            FileCase(name: "invalid-utf8.txt", bytes: Array("Minsk \u{0}".utf8) + [0xFF, 0xFE, 0xC3] + Array(" released 12 prisoners.".utf8), warning: "UTF-8"),
            FileCase(name: "nul.txt", bytes: Array("Officials said\u{0}\u{0} on Monday.".utf8), warning: "NUL"),
            FileCase(name: "empty.txt", bytes: [], warning: "empty"),
            FileCase(name: "nested.html", bytes: Array(nested.utf8), warning: nil),
            FileCase(name: "crlf.txt", bytes: Array("MINSK, Belarus (AP) \u{2014}\r\nOfficials released 12 prisoners on Monday.\r\n".utf8), warning: nil),
        ]
    }()

    @Test(arguments: files)
    func aHostileArticleGivesAWarningNotACrash(_ c: FileCase) throws {
        let dir = Evq.folder()
        let path = Self.write(c.bytes, c.name, in: dir)
        let run = try Evq.run(["--corpus", path, "-c", "events | count"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.text.contains("count"))
        if let warning = c.warning { #expect(run.stderr.contains(warning), "stderr: \(run.stderr)") }
    }

    @Test func escapeSequencesAndBidiOverridesNeverReachTheTerminal() throws {
        let dir = Evq.folder()
        let text = "Lukashenko released 40 prisoners on Monday, \u{1B}[31mofficials\u{1B}[0m said. Coale said: \u{1B}]0;pwned\u{7} \u{202E}hello."
        let path = Self.write(Array(text.utf8), "ansi.txt", in: dir)
        for format in ["table", "json", "csv", "md", "jsonl"] {
            for query in ["events", "events | why", "documents", "actors"] {
                let run = try Evq.run(["--corpus", path, "--format", format, "-c", query])
                #expect(run.status == 0)
                #expect(!run.stdout.contains(0x1B), "raw ESC in \(format) output of `\(query)`")
                #expect(!run.text.contains("\u{202E}"), "raw bidi override in \(format) output of `\(query)`")
            }
        }
    }

    @Test func unreadablePathsAreErrorsWithExitOne() throws {
        let run = try Evq.run(["--corpus", "/no/such/folder", "-c", "events | count"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("/no/such/folder"))
    }

    @Test func aDirectoryLoopThroughSymlinksEnds() throws {
        let dir = Evq.folder()
        try FileManager.default.createDirectory(atPath: dir + "/a", withIntermediateDirectories: true)
        try "Officials released 7 prisoners on Monday.".write(toFile: dir + "/a/x.txt", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: dir + "/a/loop", withDestinationPath: dir + "/a")
        // The folder holds one article and a link back to itself: the article is read once and
        // the link is never followed.
        let run = try Evq.run(["--corpus", dir + "/a", "-c", "documents | count"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.text.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces) == "1" }, "output: \(run.text)")
        #expect(run.seconds < 30)
    }
}

struct HostileQueryTests {
    struct QueryCase: CustomTestStringConvertible, Sendable {
        var label: String
        var query: String
        var testDescription: String { label }
    }

    static let queries: [QueryCase] = [
        QueryCase(label: "10,000 nested parentheses", query: "events where " + String(repeating: "(", count: 10_000) + "count > 1" + String(repeating: ")", count: 10_000)),
        QueryCase(label: "10,000 unclosed parentheses", query: "events where " + String(repeating: "(", count: 10_000)),
        QueryCase(label: "catastrophic regex", query: "events where actors ~ \"(a+)+$\""),
        QueryCase(label: "enormous number", query: "events where count > 99999999999999999999999999999999999999"),
        QueryCase(label: "enormous take", query: "events | take 99999999999999999999999999"),
        QueryCase(label: "negative take", query: "events | take -5"),
        QueryCase(label: "unterminated string", query: "events where actors contains \"Coale"),
        QueryCase(label: "enormous duration", query: "events where date > today - 99999999999999999d"),
        QueryCase(label: "date far away", query: "events where date > 9999-12-31 or date < 0001-01-01"),
        QueryCase(label: "escape sequence in a query", query: "events where actors contains \"\u{1B}[2J\u{1B}]0;x\u{7}\""),
    ]

    @Test(arguments: queries)
    func aHostileQueryGetsADiagnosticOrAResult(_ c: QueryCase) throws {
        let run = try Evq.run(["-c", c.query])
        #expect(run.status == 0 || run.status == 1, "status \(run.status), stderr: \(run.stderr.prefix(300))")
        #expect(!run.stderr.isEmpty || !run.stdout.isEmpty)
        #expect(!run.stderr.contains("\u{1B}") && !run.stdout.contains(0x1B))
        if run.status == 1 { #expect(run.stderr.contains("error:"), "stderr: \(run.stderr.prefix(300))") }
    }

    @Test func invalidUTF8OnStandardInputIsReadNotCrashedOn() throws {
        var bytes = Array("releases | count\n".utf8)
        bytes += [0xFF, 0xC3, 0x28, 0x0A] + Array("events | count\n".utf8)
        let run = try Evq.run([], input: Data(bytes))
        #expect(run.status == 1)
        #expect(run.text.contains("count"))
        #expect(run.stderr.contains("error:"))
    }
}
