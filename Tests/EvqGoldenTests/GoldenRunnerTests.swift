import Foundation
import Testing
@testable import EvqGolden

/// A stand-in for the shell: prints the statement upper-cased, one word per line; a statement
/// containing "bad" fails with a message.
private func fakeExecutor(_ script: ExampleScript, _ path: String) throws -> StatementExecutor {
    return { statement in
        if statement.text.contains("bad") { return StatementRun(output: "error: bad input\n", failed: true) }
        if statement.text == ".quit" { return StatementRun(output: "", failed: false, quit: true) }
        let words = statement.text.uppercased().split(whereSeparator: { $0 == " " || $0 == "\n" })
        return StatementRun(output: words.joined(separator: "\n") + "\n", failed: false)
    }
}

private func tempDir() throws -> String {
    let dir = NSTemporaryDirectory() + "evq-golden-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
}

private func write(_ text: String, _ path: String) throws {
    try text.write(toFile: path, atomically: true, encoding: .utf8)
}

@Test func scriptsSplitIntoStatementsWithDirectives() {
    let script = ExampleScript(text: """
        # Which releases came after September?
        # corpus: corpora/a corpora/b
        # today: 2026-01-15
        # width: 90
        releases where date > 2025-09
        .format json
        # rowsort
        events |
          count by type
        # error
        releases where \\
          date >
        """)
    #expect(script.corpus == ["corpora/a", "corpora/b"])
    #expect(script.today == "2026-01-15")
    #expect(script.width == 90)
    #expect(script.statements.map(\.text) == [
        "releases where date > 2025-09", ".format json", "events |\n  count by type", "releases where \\\n  date >",
    ])
    #expect(script.statements.map(\.line) == [5, 6, 8, 11])
    #expect(script.statements.map(\.rowsort) == [false, false, true, false])
    #expect(script.statements.map(\.expectsError) == [false, false, false, true])
}

@Test func matchingTranscriptPasses() throws {
    let dir = try tempDir()
    try write("a b\nc\n", dir + "/one.evq")
    try write("evq> a b\nA\nB\nevq> c\nC\n", dir + "/one.out")
    var log = ""
    let summary = GoldenRunner(makeExecutor: fakeExecutor).run(paths: [dir]) { log += $0 }
    #expect(summary.passed == 1 && summary.failed == 0)
    #expect(log.hasSuffix("1 passed, 0 failed\n"))
}

@Test func wrongExpectedOutputFailsWithADiff() throws {
    let dir = try tempDir()
    try write("a b\nc\n", dir + "/one.evq")
    try write("evq> a b\nA\nX\nevq> c\nC\n", dir + "/one.out")
    var log = ""
    let summary = GoldenRunner(makeExecutor: fakeExecutor).run(paths: [dir]) { log += $0 }
    #expect(summary.failed == 1 && summary.passed == 0)
    #expect(log.contains("FAIL \(dir)/one.evq"))
    #expect(log.contains("statement at line 1: a b"))
    #expect(log.contains("@@ -1,5 +1,5 @@\n evq> a b\n A\n-X\n+B\n evq> c\n"))
    #expect(log.hasSuffix("0 passed, 1 failed\n"))
}

@Test func anExpectedErrorThatDoesNotComeFails() throws {
    let dir = try tempDir()
    try write("# error\ngood\n", dir + "/e.evq")
    try write("evq> good\nGOOD\n", dir + "/e.out")
    var log = ""
    let summary = GoldenRunner(makeExecutor: fakeExecutor).run(paths: [dir]) { log += $0 }
    #expect(summary.failed == 1)
    #expect(log.contains("expected an error, but the statement succeeded"))

    try write("# error\nbad\n", dir + "/e.evq")
    try write("evq> bad\nerror: bad input\n", dir + "/e.out")
    let again = GoldenRunner(makeExecutor: fakeExecutor).run(paths: [dir]) { _ in }
    #expect(again.passed == 1 && again.failed == 0)
}

@Test func rowsortComparesOutputAsASet() throws {
    let dir = try tempDir()
    try write("# rowsort\nb a c\n", dir + "/r.evq")
    try write("evq> b a c\nC\nA\nB\n", dir + "/r.out")
    #expect(GoldenRunner(makeExecutor: fakeExecutor).run(paths: [dir]) { _ in }.passed == 1)
    try write("b a c\n", dir + "/r.evq")
    #expect(GoldenRunner(makeExecutor: fakeExecutor).run(paths: [dir]) { _ in }.failed == 1)
}

@Test func missingBaselineIsRecordedAndFailsThenUpdateRewrites() throws {
    let dir = try tempDir()
    try write("x\n", dir + "/n.evq")
    var log = ""
    let first = GoldenRunner(makeExecutor: fakeExecutor).run(paths: [dir]) { log += $0 }
    #expect(first.failed == 1)
    #expect(log.contains("recorded new baseline \(dir)/n.out"))
    #expect(try String(contentsOfFile: dir + "/n.out", encoding: .utf8) == "evq> x\nX\n")
    #expect(GoldenRunner(makeExecutor: fakeExecutor).run(paths: [dir]) { _ in }.passed == 1)

    try write("y\n", dir + "/n.evq")
    var updateLog = ""
    let updated = GoldenRunner(update: true, makeExecutor: fakeExecutor).run(paths: [dir]) { updateLog += $0 }
    #expect(updated.written == [dir + "/n.out"])
    #expect(updateLog.contains("updated \(dir)/n.out"))
    #expect(try String(contentsOfFile: dir + "/n.out", encoding: .utf8) == "evq> y\nY\n")
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.contains(".tmp-") }
    #expect(leftovers.isEmpty)
}

@Test func filterSelectsScriptsByPath() throws {
    let dir = try tempDir()
    try write("x\n", dir + "/alpha.evq")
    try write("evq> x\nX\n", dir + "/alpha.out")
    try write("x\n", dir + "/beta.evq")
    let summary = GoldenRunner(filter: "ALPHA", makeExecutor: fakeExecutor).run(paths: [dir]) { _ in }
    #expect(summary.passed == 1 && summary.failed == 0)
}

@Test func unifiedDiffIsEmptyForEqualTextAndShowsHunks() {
    #expect(UnifiedDiff.make(expected: "a\nb\n", actual: "a\nb\n") == "")
    let d = UnifiedDiff.make(expected: "1\n2\n3\n4\n5\n6\n7\n8\n9\n", actual: "1\n2\n3\n4\nfive\n6\n7\n8\n9\n")
    #expect(d == "--- expected\n+++ actual\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n")
}

@Test func quitEndsTheScript() throws {
    let dir = try tempDir()
    try write("a\n.quit\nb\n", dir + "/q.evq")
    try write("evq> a\nA\nevq> .quit\n", dir + "/q.out")
    #expect(GoldenRunner(makeExecutor: fakeExecutor).run(paths: [dir]) { _ in }.passed == 1)
}

@Test func scriptsUnderIncludeAreNotExamples() throws {
    let dir = try tempDir()
    try FileManager.default.createDirectory(atPath: dir + "/include", withIntermediateDirectories: true)
    try write("x\n", dir + "/include/part.evq")
    try write("x\n", dir + "/top.evq")
    #expect(GoldenRunner.discover([dir]) == [dir + "/top.evq"])
}
