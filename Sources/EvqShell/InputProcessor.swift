import EvqDiagnostics
import EvqEval

/// What the input loop reads from: the terminal (through the line editor) or a script's text.
public struct LineSource {
    /// One read from the source.
    public enum Input: Sendable, Equatable {
        case line(String)
        /// Ctrl-C while typing: abandon the statement being typed.
        case interrupted
        /// Ctrl-D or the end of the script.
        case end
    }

    /// The name diagnostics print before `:line:col`.
    public var name: String
    /// True for a person at a terminal: errors do not stop the loop, statements go to history,
    /// and line numbers restart with every statement.
    public var interactive: Bool
    /// Reads the next line, showing `prompt` if the source shows prompts.
    public var next: (_ prompt: String) -> Input
    /// Called with each complete statement as typed (for the history file).
    public var record: (String) -> Void
    /// Called after each statement with the session as it now is (e.g. to refresh the `let`
    /// names completion offers).
    public var observe: (Session) -> Void

    /// A source from its parts; `record` and `observe` default to doing nothing.
    public init(
        name: String, interactive: Bool, next: @escaping (String) -> Input, record: @escaping (String) -> Void = { _ in },
        observe: @escaping (Session) -> Void = { _ in }
    ) {
        self.name = name
        self.interactive = interactive
        self.next = next
        self.record = record
        self.observe = observe
    }

    /// The lines of a script (CRLF line ends accepted), without prompts.
    public static func script(name: String, text: String) -> LineSource {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n")
        var lines = normalized.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if normalized.hasSuffix("\n") { lines.removeLast() }
        var iterator = lines.makeIterator()
        return LineSource(name: name, interactive: false, next: { _ in iterator.next().map(Input.line) ?? .end })
    }
}

/// How a run of the input loop ended.
public enum RunStatus: Sendable, Equatable {
    /// All input was read (interactive errors do not count as failure).
    case ok
    /// A statement of a script failed; the statements before it ran and printed.
    case failed
    /// `.quit` was run.
    case quit
}

/// The one input loop for the terminal, scripts, piped input and `.read` (SQLite's
/// `process_input`): it gathers lines into statements, runs meta commands and queries, and
/// keeps `session.location` at the statement being run.
public enum InputProcessor {
    /// The prompt for a new statement.
    public static let prompt = "evq> "
    /// The prompt for a continuation line.
    public static let continuationPrompt = "...> "

    /// Reads `source` to its end (or `.quit`). A script stops at its first failing statement
    /// and returns `.failed`; an interactive source reports errors and carries on.
    public static func run(_ source: LineSource, in session: inout Session) -> RunStatus {
        var buffer: [String] = []
        var typed: [String] = []
        var startLine = 1
        var lineNumber = 0
        while true {
            let input = source.next(buffer.isEmpty ? prompt : continuationPrompt)
            let text: String
            switch input {
            case .end:
                // Ctrl-D at a continuation prompt leaves without running the unfinished statement;
                // a script's unfinished last statement runs, so its error is reported.
                guard !buffer.isEmpty, !source.interactive else { return .ok }
                let status = execute(buffer.joined(separator: "\n"), typed: typed, startLine: startLine, source: source, in: &session)
                return status == .ok || source.interactive ? .ok : status
            case .interrupted:
                buffer = []
                typed = []
                continue
            case .line(let line):
                text = line
            }
            // A statement recalled from history may hold several lines.
            for line in text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
                lineNumber += 1
                if buffer.isEmpty {
                    let trimmed = line.drop { $0 == " " || $0 == "\t" }
                    if trimmed.isEmpty { continue }
                    startLine = source.interactive ? 1 : lineNumber
                    if trimmed.hasPrefix(".") {
                        source.record(line)
                        session.location = (source.name, startLine)
                        let leading = line.utf8.count - trimmed.utf8.count
                        let file = SourceFile(name: source.name, text: padding(startLine) + line)
                        let outcome = MetaCommandCatalog.standard.run(MetaLine(file: file, offset: file.byteCount - line.utf8.count + leading), in: &session)
                        source.observe(session)
                        switch outcome {
                        case .ok: continue
                        case .quit: return .quit
                        case .failed: if source.interactive { continue } else { return .failed }
                        }
                    }
                }
                typed.append(line)
                var body = line
                while body.last == " " || body.last == "\t" { body.removeLast() }
                if body.hasSuffix("\\") {
                    // An explicit continuation: the backslash becomes a space, so columns stay put.
                    body.removeLast()
                    buffer.append(body + " ")
                    continue
                }
                buffer.append(line)
                let statement = buffer.joined(separator: "\n")
                guard QueryEngine.isComplete(statement) else { continue }
                let status = execute(statement, typed: typed, startLine: startLine, source: source, in: &session)
                source.observe(session)
                buffer = []
                typed = []
                if status == .failed && !source.interactive { return .failed }
            }
        }
    }

    /// Blank lines that put a statement's text at its line in the script, so diagnostics
    /// print the script's line numbers.
    static func padding(_ line: Int) -> String { String(repeating: "\n", count: max(0, line - 1)) }

    /// Runs one statement and prints its outcomes. `.failed` when a statement failed.
    static func execute(_ statement: String, typed: [String], startLine: Int, source: LineSource, in session: inout Session) -> RunStatus {
        source.record(typed.joined(separator: "\n"))
        session.location = (source.name, startLine)
        let file = SourceFile(name: source.name, text: padding(startLine) + statement)
        let started = session.clock()
        _ = session.isCancelled()
        let outcomes = QueryEngine.run(file, in: &session.context)
        let elapsed = session.clock() - started
        if session.isCancelled() {
            session.console.err("interrupted\n")
            return .failed
        }
        let diagnostics = DiagnosticRenderer(color: session.errorColor)
        var status = RunStatus.ok
        for outcome in outcomes {
            switch outcome {
            case .result(let result, let warnings):
                session.console.err(diagnostics.render(warnings.map(\.neutralized), in: file))
                session.console.out(session.renderer.render(result, elapsed: session.timer ? elapsed : nil))
                if session.timer && session.format != .table {
                    // Data formats stay clean for the program reading them; the time goes aside.
                    session.console.err("run time: \(ResultRenderer.describe(elapsed))\n")
                }
                session.lastResult = result
            case .bound(_, let warnings):
                session.console.err(diagnostics.render(warnings.map(\.neutralized), in: file))
            case .failed(let errors):
                session.console.err(diagnostics.render(errors.map(\.neutralized), in: file))
                status = .failed
            }
        }
        return status
    }
}
