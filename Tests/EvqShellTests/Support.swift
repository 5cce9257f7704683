import EvqEval
import EvqModel
import Foundation
@testable import EvqShell

/// A session over an empty corpus writing into a capture.
func makeSession(_ capture: CapturedConsole, today: Day = Day(year: 2025, month: 12, day: 20)!) -> Session {
    Session(context: QueryContext(corpus: .empty, today: today), console: capture.console)
}

/// A fresh temporary folder.
func temporaryFolder() -> String {
    let path = NSTemporaryDirectory() + "evq-shell-tests-" + UUID().uuidString
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// A line source that serves `lines`, recording the prompts it was asked to show and the
/// statements handed to history.
final class ScriptedInput {
    var lines: [LineSource.Input]
    var prompts: [String] = []
    var recorded: [String] = []

    init(_ lines: [LineSource.Input]) { self.lines = lines }

    func source(interactive: Bool = true, name: String = "<input>") -> LineSource {
        LineSource(name: name, interactive: interactive, next: { [unowned self] prompt in
            self.prompts.append(prompt)
            return self.lines.isEmpty ? .end : self.lines.removeFirst()
        }, record: { [unowned self] in self.recorded.append($0) })
    }
}

/// Occurrences of `needle` in `text`.
func occurrences(of needle: String, in text: String) -> Int {
    text.components(separatedBy: needle).count - 1
}
