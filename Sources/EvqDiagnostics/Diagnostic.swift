/// How serious a diagnostic is. Errors stop a statement; warnings and notes do not.
public enum Severity: String, Sendable, Hashable, Codable {
    case error, warning, note
}

/// A secondary mark in the source: "to close `(` opened here".
public struct DiagnosticLabel: Sendable, Hashable {
    public var span: SourceSpan
    public var message: String
    public init(span: SourceSpan, message: String) {
        self.span = span
        self.message = message
    }
}

/// A problem found in some source, as data. Libraries return these; only
/// `DiagnosticRenderer` turns them into text.
public struct Diagnostic: Sendable, Hashable, Error {
    public var severity: Severity
    /// A short stable code, e.g. `E0101`, used by tests and docs; optional.
    public var code: String?
    /// One line: what is wrong. Names what was expected and what was found.
    public var message: String
    /// Where. `nil` for diagnostics about a whole file or the command line.
    public var span: SourceSpan?
    public var labels: [DiagnosticLabel]
    public var notes: [String]
    /// A suggestion, rendered as `help: ...` (did-you-mean and the like).
    public var help: String?

    public init(
        _ severity: Severity, _ message: String, at span: SourceSpan? = nil, code: String? = nil,
        labels: [DiagnosticLabel] = [], notes: [String] = [], help: String? = nil
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.span = span
        self.labels = labels
        self.notes = notes
        self.help = help
    }

    public static func error(_ message: String, at span: SourceSpan? = nil, help: String? = nil) -> Diagnostic {
        Diagnostic(.error, message, at: span, help: help)
    }

    public static func warning(_ message: String, at span: SourceSpan? = nil, help: String? = nil) -> Diagnostic {
        Diagnostic(.warning, message, at: span, help: help)
    }
}

extension Array where Element == Diagnostic {
    /// True when any element is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
