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
