import EvqDiagnostics

/// What a meta command asks of the input loop afterwards.
public enum MetaOutcome: Sendable, Equatable {
    /// Done; keep reading.
    case ok
    /// It failed; a diagnostic was printed. Scripts stop here.
    case failed
    /// `.quit`: stop reading input.
    case quit
}

/// One entry of the meta command table: `.help` and completion are generated from these.
public struct MetaCommand {
    /// The name with its dot: `.format`.
    public var name: String
    /// The usage line shown by `.help` and in argument errors: `.format table|json|jsonl|csv|md`.
    public var usage: String
    /// One line saying what it does.
    public var summary: String
    /// Other names accepted for it (`.exit` for `.quit`).
    public var aliases: [String]
    /// Runs it. Output and errors go to the session's console.
    public var run: (MetaLine, inout Session) -> MetaOutcome

    /// An entry of the table: name, usage, summary, aliases and implementation.
    public init(
        _ name: String, usage: String, summary: String, aliases: [String] = [],
        run: @escaping (MetaLine, inout Session) -> MetaOutcome
    ) {
        self.name = name
        self.usage = usage
        self.summary = summary
        self.aliases = aliases
        self.run = run
    }
}

extension Session {
    /// Prints a diagnostic about a meta command line with its caret.
    mutating func report(_ diagnostic: Diagnostic, in line: MetaLine) {
        console.err(DiagnosticRenderer(color: errorColor).render(diagnostic.neutralized, in: line.file))
    }

    /// Reports an argument error with the command's usage as help; returns `.failed`.
    mutating func usageError(_ message: String, at span: SourceSpan, command: MetaCommand, in line: MetaLine, help: String? = nil) -> MetaOutcome {
        report(.error(message, at: span, help: help ?? "usage: \(command.usage)"), in: line)
        return .failed
    }
}

extension Diagnostic {
    /// The diagnostic with control characters escaped in its texts: messages quote what was
    /// typed or read, which may come from someone else's script or article.
    var neutralized: Diagnostic {
        var d = self
        d.message = escapeControls(message)
        d.help = help.map(escapeControls)
        d.notes = notes.map(escapeControls)
        d.labels = labels.map { DiagnosticLabel(span: $0.span, message: escapeControls($0.message)) }
        return d
    }
}
