import Foundation
import Testing
import EvqGolden
import EvqShell

/// Every script under Examples/ through the same runner as `evq test`. Set
/// EVQ_UPDATE_GOLDENS=1 to rewrite the expected transcripts (then review `git diff`).
@Test func examplesMatchTheirExpectedTranscripts() {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    let update = ProcessInfo.processInfo.environment["EVQ_UPDATE_GOLDENS"] == "1"
    var log = ""
    let runner = GoldenRunner(update: update, makeExecutor: ExampleHost(root: root).factory())
    let summary = runner.run(paths: [root + "/Examples"]) { log += $0 }
    print(log)
    #expect(summary.failed == 0, "\(summary.line)\n\(log)")
    #expect(summary.passed >= 25, "the tour should have at least 25 scripts: \(summary.line)")
}

/// The README's tour and its opening examples are run as written, so the first thing a reader
/// copies works.
@Test func theReadmeTourRunsAsWritten() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    let readme = try String(contentsOfFile: root + "/README.md", encoding: .utf8)
    let tourStart = try #require(readme.range(of: "## A five-line tour"))
    let tourEnd = try #require(readme.range(of: "## Command line"))
    let opening = readme[..<tourStart.lowerBound]
    let tour = readme[tourStart.upperBound..<tourEnd.lowerBound]
    let statements = (opening + "\n" + tour).split(separator: "\n").compactMap { line -> String? in
        let trimmed = line.drop { $0 == " " }
        return trimmed.hasPrefix("evq> ") ? String(trimmed.dropFirst(5)) : nil
    }
    #expect(statements.count >= 9)
    let execute = try ExampleHost(root: root).factory()(ExampleScript(text: ""), root + "/README.md")
    for (i, text) in statements.enumerated() {
        let run = execute(ExampleScript.Statement(text: text, line: i + 1, rowsort: false, expectsError: false))
        #expect(!run.failed, "README statement `\(text)` failed:\n\(run.output)")
        #expect(!run.output.contains("warning:"), "README statement `\(text)` warned:\n\(run.output)")
    }
}
