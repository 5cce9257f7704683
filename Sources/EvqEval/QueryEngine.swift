import Foundation
import EvqDiagnostics
import EvqModel

/// Everything a statement runs against: the corpus, the clock, and `let` bindings.
/// Owned by the shell's session and passed in explicitly (no global state).
public struct QueryContext: Sendable {
    public var corpus: Corpus
    /// What `today` means (fixed by `--today` or `.set today`).
    public var today: Day
    public init(corpus: Corpus, today: Day) {
        self.corpus = corpus
        self.today = today
    }
}

/// What running one statement gave.
public enum StatementOutcome: Sendable {
    /// A query's result, with any warnings (e.g. "no actor named `Colae`; did you mean `Coale`?").
    case result(ResultSet, warnings: [Diagnostic])
    /// `let NAME = QUERY` bound a name.
    case bound(String, warnings: [Diagnostic])
    /// The statement failed; statements after it did not run.
    case failed([Diagnostic])
}

/// The query language's front door, used by the shell for every statement.
public enum QueryEngine {
    /// False when the text is an unfinished statement (trailing `|`, open bracket or quote) and the
    /// REPL should read a continuation line.
    public static func isComplete(_ text: String) -> Bool {
        // TEMPORARY seam: the language module replaces this with the parser's verdict.
        !text.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("|")
    }

    /// Parses, checks and runs every statement in `file`, in order, stopping at the first error.
    public static func run(_ file: SourceFile, in context: inout QueryContext) -> [StatementOutcome] {
        // TEMPORARY seam: the language module replaces this.
        [.failed([.error("the query language is not built yet", at: SourceSpan(0, file.byteCount))])]
    }
}
