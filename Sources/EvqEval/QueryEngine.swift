import EvqDiagnostics
import EvqModel
import EvqSema
import EvqSyntax

/// Everything a statement runs against: the corpus, the clock, and `let` bindings.
/// Owned by the shell's session and passed in explicitly (no global state).
public struct QueryContext: Sendable {
    public var corpus: Corpus
    /// What `today` means (fixed by `--today` or `.set today`).
    public var today: Day
    /// `let` bindings: lowercased name -> the result it was bound to (a redefinition replaces).
    public var bindings: [String: ResultSet]
    /// Polled by the evaluator every few thousand rows; when it returns true the statement
    /// fails with "interrupted" (the shell sets it from its Ctrl-C handler).
    public var isCancelled: (@Sendable () -> Bool)?
    /// The columnar fast path's per-corpus store (Columnar/FastPath.swift). // fast-path hook
    public var fastPath = FastPathState()

    public init(corpus: Corpus, today: Day, bindings: [String: ResultSet] = [:], isCancelled: (@Sendable () -> Bool)? = nil) {
        self.corpus = corpus
        self.today = today
        self.bindings = bindings
        self.isCancelled = isCancelled
    }

    /// What the checker needs: the clock, the corpus and the schemas of the bindings.
    public var checkEnvironment: CheckEnvironment {
        var schemas: [String: RowSchema] = [:]
        for (name, result) in bindings { schemas[name] = QueryEngine.schema(of: result) }
        var env = CheckEnvironment(today: today, corpus: corpus, bindings: schemas)
        env.names = fastPath.names(for: corpus)  // fast-path hook: reuse the column store's name index
        return env
    }
}

/// What running one statement gave.
public enum StatementOutcome: Sendable {
    /// A query's result, with any warnings (e.g. "no actor `Colae`; did you mean `Coale`?").
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
        if case .incomplete = Parser.parse(text) { return false }
        return true
    }

    /// What would continue an unfinished statement ("a stage after `|`"), or nil when the text
    /// is complete or wrong.
    public static func expecting(_ text: String) -> String? {
        if case .incomplete(let what) = Parser.parse(text) { return what }
        return nil
    }

    /// Parses, checks and runs every statement in `file`, in order, stopping at the first error.
    /// `let` bindings are stored in `context.bindings`.
    public static func run(_ file: SourceFile, in context: inout QueryContext) -> [StatementOutcome] {
        var outcomes: [StatementOutcome] = []
        for item in Parser.statements(file.text) {
            switch item {
            case .failed(let diagnostics, _):
                outcomes.append(.failed(diagnostics))
                return outcomes
            case .statement(let statement):
                let outcome = run(statement, in: &context)
                outcomes.append(outcome)
                if case .failed = outcome { return outcomes }
            }
        }
        return outcomes
    }

    /// Checks and runs one parsed statement.
    public static func run(_ statement: Statement, in context: inout QueryContext) -> StatementOutcome {
        if let outcome = AnalysisStatements.run(statement, in: &context) { return outcome } // analysis: sequence, conflicts, related why
        switch Checker.check(statement, in: context.checkEnvironment) {
        case .failure(let f):
            return .failed([f.diagnostic])
        case .success(let checked):
            do throws(Interrupted) {
                let result: ResultSet
                if let fast = context.runFast(checked.query) { result = fast } else { result = try Evaluator(context: context).run(checked.query) }  // fast-path hook
                if let name = checked.binding {
                    context.bindings[name] = result
                    if case .binding(let ident, _) = statement.kind { return .bound(ident.name, warnings: checked.warnings) }
                    return .bound(name, warnings: checked.warnings)
                }
                return .result(result, warnings: checked.warnings)
            } catch {
                return .failed([.error("interrupted", at: statement.span)])
            }
        }
    }

    /// The schema a bound result offers as a collection: events stay events; a table's column
    /// types are read off its first non-missing values.
    public static func schema(of result: ResultSet) -> RowSchema {
        if result.kind == .events { return .events }
        let columns = result.columns.enumerated().map { i, c in
            let sample = result.rows.lazy.compactMap { $0.indices.contains(i) && !$0[i].isMissing ? $0[i] : nil }.first
            return ColumnInfo(name: c.name, type: sample.map(type(of:)) ?? .any)
        }
        return .table(columns)
    }

    static func type(of v: Value) -> ValueType {
        switch v {
        case .missing: return .any
        case .bool: return .bool
        case .int, .double: return .number
        case .text: return .text
        case .date: return .date
        case .duration: return .duration
        case .quantity: return .quantity
        case .list(let xs): return .list(xs.first.map(type(of:)) ?? .text)
        }
    }

    /// The tokens of the text, one per line with byte spans (for `.tokens`).
    public static func tokens(_ text: String) -> String { TokenDump.dump(text) }

    /// The canonical AST dump of each statement (for `.ast`), or the rendered parse errors.
    public static func ast(_ file: SourceFile) -> String {
        switch Parser.parse(file.text) {
        case .complete(let script): return ASTDump.dump(script)
        case .incomplete(let what): return "incomplete: expecting \(what)"
        case .errors(let d, _): return DiagnosticRenderer().render(d, in: file)
        }
    }

    /// A canonical dump of the parsed and checked statements (for `.explain`): the AST, the
    /// canonical query text (aliases resolved), the source collection, each checked stage and
    /// the output columns. Nothing is run.
    public static func explain(_ file: SourceFile, context: QueryContext) -> String {
        var out: [String] = []
        var ctx = context
        for item in Parser.statements(file.text) {
            switch item {
            case .failed(let d, _):
                out.append(DiagnosticRenderer().render(d, in: file))
                return out.joined(separator: "\n")
            case .statement(let s):
                out.append("query: " + ASTPrinter.print(s))
                out.append("ast:   " + ASTDump.dump(s))
                switch Checker.check(s, in: ctx.checkEnvironment) {
                case .failure(let f):
                    out.append(DiagnosticRenderer().render(f.diagnostic, in: file))
                    return out.joined(separator: "\n")
                case .success(let c):
                    out.append(PlanDump.dump(c.query))
                    if let name = c.binding {
                        // Later statements may use the name; bind an empty result of the right shape.
                        ctx.bindings[name] = PlanDump.placeholder(for: c.query.output)
                    }
                    for w in c.warnings { out.append(DiagnosticRenderer().render(w, in: file)) }
                }
            }
        }
        return out.joined(separator: "\n")
    }
}
