import EvqEval
import EvqGolden
import EvqModel
import Foundation

/// Runs the statements of example scripts for `evq test` (and the Examples suite of
/// `swift test`): a fresh session per script, set up from the script's directives, with output
/// and diagnostics captured in order as the transcript shows them.
public struct ExampleHost {
    /// The folder `seeds/` and relative corpus paths are resolved against when a path is not
    /// found next to the script.
    public var root: String
    /// `today` when a script does not fix it, so transcripts never depend on the clock.
    public static let defaultToday = Day(year: 2026, month: 1, day: 1)!
    /// Table width when a script does not fix it.
    public static let defaultWidth = 100

    public init(root: String) { self.root = root }

    /// Collects what a session prints; a class because the console's closures share it.
    final class Capture {
        var text = ""
    }

    /// Caches corpora by their resolved paths, so thirty scripts over the seeds extract once.
    final class CorpusCache {
        var corpora: [[String]: Corpus] = [:]
    }

    /// The executor factory `GoldenRunner` calls once per script.
    public func factory() -> ExecutorFactory {
        let cache = CorpusCache()
        let root = self.root
        return { script, path in
            let folder = (path as NSString).deletingLastPathComponent
            // Diagnostics name the script as the repository does (Examples/26-errors.evq), not by
            // an absolute path that differs between machines.
            let name = path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path
            let paths = script.corpus.isEmpty ? [root + "/seeds"] : script.corpus.map { ExampleHost.resolve($0, folder: folder, root: root) }
            let capture = Capture()
            let console = Console(out: { capture.text += $0 }, err: { capture.text += $0 }, width: { nil })
            let corpus: Corpus
            if let cached = cache.corpora[paths] {
                corpus = cached
            } else {
                switch Startup.loadCorpus(paths: paths, console: console) {
                case .success(let loaded): corpus = loaded.corpus
                case .failure(let error): throw ExampleSetupError(message: "cannot load the corpus: \(error.description)")
                }
                cache.corpora[paths] = corpus
                capture.text = ""  // loader warnings are not part of any statement's output
            }
            let today = try script.today.map { text -> Day in
                guard let day = Day(iso: text) else { throw ExampleSetupError(message: "`# today: \(text)` is not a date YYYY-MM-DD") }
                return day
            } ?? ExampleHost.defaultToday
            var format = OutputFormat.table
            if let name = script.format {
                guard let f = OutputFormat(rawValue: name) else { throw ExampleSetupError(message: "`# format: \(name)` is not a format") }
                format = f
            }
            var session = Session(context: QueryContext(corpus: corpus, today: today), console: console, corpusPaths: paths, format: format, color: false)
            session.widthOverride = script.width ?? ExampleHost.defaultWidth
            return { statement in
                capture.text = ""
                // Blank lines put the statement at its line, so diagnostics name the script's lines.
                var lines = [String](repeating: "", count: max(0, statement.line - 1))
                lines += statement.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                var iterator = lines.makeIterator()
                let source = LineSource(name: name, interactive: false, next: { _ in iterator.next().map(LineSource.Input.line) ?? .end })
                let status = InputProcessor.run(source, in: &session)
                return StatementRun(output: capture.text, failed: status == .failed, quit: status == .quit)
            }
        }
    }

    /// A corpus path from a directive: next to the script if it exists there, else from the root.
    static func resolve(_ path: String, folder: String, root: String) -> String {
        if path.hasPrefix("/") { return path }
        let beside = (folder as NSString).appendingPathComponent(path)
        return FileManager.default.fileExists(atPath: beside) ? beside : (root as NSString).appendingPathComponent(path)
    }
}

/// A script whose directives cannot be honoured.
public struct ExampleSetupError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
