import EvqDiagnostics
import EvqEval
import EvqModel
import EvqReport
import Foundation

/// HTML reports (`evq report QUERY --html FILE` and `.export FILE.html`): the events behind a
/// result, rendered by `HTMLReport` into one self-contained page.
public enum ReportExport {
    /// True when `path` asks for an HTML report rather than a rendering in the current format.
    public static func isHTML(_ path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".html") || lower.hasSuffix(".htm")
    }

    /// The page for `result`'s events (each once, in result order), with the documents they
    /// cite. Nil when the result has rows but no events behind them (a count, an aggregate).
    public static func html(_ result: ResultSet, query: String?, corpus: Corpus, corpusPaths: [String]) -> String? {
        if result.events.isEmpty && !result.rows.isEmpty && result.kind != .events { return nil }
        var seen = Set<String>()
        let events = result.events.filter { seen.insert($0.id).inserted }
        let cited = Set(events.flatMap(\.sources))
        let documents = corpus.documents.filter { cited.contains($0.name) }
        return HTMLReport(title: "evq report", query: query, events: events, documents: documents,
                          articleFolder: articleFolder(corpusPaths)).render()
    }

    /// The folder the articles were read from, as an absolute path, when the corpus is one folder.
    static func articleFolder(_ paths: [String]) -> String? {
        guard paths.count == 1, let path = paths.first else { return nil }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return nil }
        return URL(fileURLWithPath: path).standardizedFileURL.path
    }

    static let noEvents = "the result has no events behind its rows (a count or an aggregate); report the events instead, e.g. `releases`"

    /// `.export FILE.html`: the last result's events as a report.
    static func export(_ result: ResultSet, _ line: MetaLine, _ path: MetaLine.Word, _ session: inout Session) -> MetaOutcome {
        guard let page = html(result, query: nil, corpus: session.context.corpus, corpusPaths: session.corpusPaths) else {
            session.report(.error(noEvents, at: path.span), in: line)
            return .failed
        }
        do {
            try AtomicFile.write(page, to: path.text)
        } catch {
            session.report(.error("cannot write `\(path.text)`: \(error.localizedDescription)", at: path.span), in: line)
            return .failed
        }
        return .ok
    }
}

extension Startup {
    /// `evq report QUERY --html FILE`: runs the statements of `query` and writes the report of
    /// the last result to `path` (through a temporary file and a rename). Prints a one-line
    /// summary; `.failure` after printing the diagnostics when a statement fails.
    public static func report(_ query: String, html path: String, in session: inout Session) -> ExitStatus {
        let file = SourceFile(name: "<query>", text: query)
        var last: ResultSet?
        let renderer = DiagnosticRenderer(color: false)
        for outcome in QueryEngine.run(file, in: &session.context) {
            switch outcome {
            case .result(let result, let warnings):
                session.console.err(renderer.render(warnings, in: file))
                last = result
            case .bound(_, let warnings):
                session.console.err(renderer.render(warnings, in: file))
            case .failed(let errors):
                session.console.err(renderer.render(errors, in: file))
                return .failure
            }
        }
        guard let result = last else {
            session.console.err("evq: error: the query gave no result to report (only `let` statements)\n")
            return .failure
        }
        guard let page = ReportExport.html(result, query: query, corpus: session.context.corpus, corpusPaths: session.corpusPaths) else {
            session.console.err("evq: error: \(ReportExport.noEvents)\n")
            return .failure
        }
        do {
            try AtomicFile.write(page, to: path)
        } catch {
            session.console.err("evq: error: cannot write `\(escapeControls(path))`: \(error.localizedDescription)\n")
            return .failure
        }
        let count = Set(result.events.map(\.id)).count
        session.console.out("wrote \(escapeControls(path)): \(count) event\(count == 1 ? "" : "s")\n")
        return .ok
    }
}
