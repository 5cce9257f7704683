import EvqEval

/// An example script split into statements, with the header directives that make its
/// output reproducible.
///
/// Format (docs: Examples/README.md):
///
///     # Which releases happened after September 2025?      <- first comment: the question
///     # corpus: Examples/corpora/conflicts                   <- directives (header or anywhere)
///     # today: 2026-01-15
///     # width: 100
///     releases where date > 2025-09
///     # rowsort                                              <- applies to the next statement
///     # error                                                <- the next statement must fail
///     releases where date >
///
/// A statement is a meta-command line (starting with `.`) or query text that goes on while it
/// is incomplete (open bracket or quote, trailing `|`) or a line ends with `\`.
public struct ExampleScript: Sendable, Equatable {
    /// One statement and the flags that apply to it.
    public struct Statement: Sendable, Equatable {
        /// The statement's text, lines joined with "\n".
        public var text: String
        /// 1-based line where it starts in the script.
        public var line: Int
        /// Compare its output as an unordered set of lines (sqllogictest's rowsort).
        public var rowsort: Bool
        /// It must produce an error; producing none is a failure.
        public var expectsError: Bool

        public init(text: String, line: Int, rowsort: Bool = false, expectsError: Bool = false) {
            self.text = text
            self.line = line
            self.rowsort = rowsort
            self.expectsError = expectsError
        }
    }

    public var statements: [Statement]
    /// `# corpus:` paths, relative to the script's folder or the working directory.
    public var corpus: [String]
    /// `# today:` as YYYY-MM-DD.
    public var today: String?
    /// `# width:` terminal width for tables.
    public var width: Int?
    /// `# format:` output format for the whole script.
    public var format: String?
    /// `# skip: reason` — the script is reported as skipped.
    public var skip: String?

    public init(text: String) {
        statements = []
        corpus = []
        var pendingRowsort = false
        var pendingError = false
        var current: [String] = []
        var currentLine = 0
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }

        func flush() {
            guard !current.isEmpty else { return }
            var joined = current.joined(separator: "\n")
            while joined.hasSuffix("\n") { joined.removeLast() }
            statements.append(Statement(text: joined, line: currentLine, rowsort: pendingRowsort, expectsError: pendingError))
            pendingRowsort = false
            pendingError = false
            current = []
        }

        for (index, line) in lines.enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if current.isEmpty {
                if trimmed.isEmpty { continue }
                if trimmed.hasPrefix("#") {
                    let body = trimmed.dropFirst().trimmingCharacters(in: .whitespaces)
                    let (key, value) = ExampleScript.directive(body)
                    switch key {
                    case "corpus": corpus.append(contentsOf: value.split(separator: " ").map(String.init))
                    case "today": today = value
                    case "width": width = Int(value)
                    case "format": format = value
                    case "skip": skip = value.isEmpty ? "skipped" : value
                    case "rowsort": pendingRowsort = true
                    case "error": pendingError = true
                    default: break
                    }
                    continue
                }
                currentLine = index + 1
            }
            current.append(line)
            if trimmed.hasPrefix(".") && current.count == 1 {
                flush()
                continue
            }
            let soFar = current.joined(separator: "\n")
            if trimmed.hasSuffix("\\") || !QueryEngine.isComplete(soFar) { continue }
            flush()
        }
        flush()
    }

    /// `key: value` or a bare `key`; keys are lowercased.
    static func directive(_ body: String) -> (String, String) {
        guard let colon = body.firstIndex(of: ":") else {
            let word = body.lowercased()
            return (["rowsort", "error"].contains(word) ? word : "", "")
        }
        let key = body[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
        guard key.allSatisfy({ $0.isLetter }) else { return ("", "") }
        return (key, body[body.index(after: colon)...].trimmingCharacters(in: .whitespaces))
    }
}
