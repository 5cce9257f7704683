import EvqDiagnostics
import EvqEval
import EvqExtract
import EvqModel
import Foundation

/// The exit codes of `evq` (as sqlite3 and DuckDB use them).
public enum ExitStatus: Int32, Sendable {
    /// Everything ran.
    case ok = 0
    /// A query, data or test failure.
    case failure = 1
    /// A usage error: bad arguments or options.
    case usage = 2
}

/// The entry points the `evq` executable wires together. Each returns the exit status.
public enum Startup {
    /// Loads articles and event sets, printing the loader's warnings to the console's error
    /// stream. A missing or unreadable path is an error.
    public static func loadCorpus(paths: [String], console: Console, isCancelled: () -> Bool = { false }) -> Result<Corpus, CorpusLoader.LoadError> {
        do {
            let extraction = try CorpusLoader().load(paths: paths, isCancelled: isCancelled)
            for warning in extraction.warnings { console.err(escapeControls(warning.description) + "\n") }
            return .success(extraction.corpus)
        } catch {
            return .failure(error)
        }
    }

    /// A session over the corpus at `paths`, or nil (after printing the error) when it cannot be loaded.
    public static func makeSession(corpusPaths paths: [String], today: Day, format: OutputFormat, color: Bool, console: Console) -> Session? {
        switch loadCorpus(paths: paths, console: console) {
        case .success(let corpus):
            return Session(context: QueryContext(corpus: corpus, today: today), console: console, corpusPaths: paths, format: format, color: color)
        case .failure(let error):
            console.err("evq: error: \(escapeControls(error.description))\n")
            return nil
        }
    }

    /// `evq -c QUERY`: returns `.ok`, or `.failure` after printing the diagnostics.
    public static func runCommand(_ text: String, in session: inout Session) -> ExitStatus {
        status(InputProcessor.run(.script(name: "<command>", text: text), in: &session))
    }

    /// `evq -f FILE`, `evq FILE`: returns `.ok`; `.failure` when the file cannot be read or a
    /// statement fails (the statements before it have printed).
    public static func runScript(path: String, in session: inout Session) -> ExitStatus {
        switch ScriptText.read(path: path) {
        case .success(let text):
            session.readStack = [URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path]
            return status(InputProcessor.run(.script(name: path, text: text), in: &session))
        case .failure(let problem):
            session.console.err("evq: error: cannot read `\(escapeControls(path))`: \(problem.reason)\n")
            return .failure
        }
    }

    /// Non-interactive standard input, read as a script named `<stdin>`.
    public static func runStandardInput(_ text: String, in session: inout Session) -> ExitStatus {
        status(InputProcessor.run(.script(name: "<stdin>", text: text), in: &session))
    }

    /// The interactive shell over `source`; runs the init file first when given. Always `.ok`:
    /// errors at the prompt are reported and the shell carries on.
    public static func runInteractive(_ source: LineSource, initFile: String?, in session: inout Session) -> ExitStatus {
        if let initFile, FileManager.default.fileExists(atPath: initFile) {
            _ = runScript(path: initFile, in: &session)
            session.readStack = []
        }
        _ = InputProcessor.run(source, in: &session)
        return .ok
    }

    /// `evq extract PATH...`: the whole event set (events, totals and unconfirmed) in `format`.
    public static func extract(paths: [String], format: OutputFormat, console: Console) -> ExitStatus {
        switch loadCorpus(paths: paths, console: console) {
        case .success(let corpus):
            console.out(ResultRenderer(format: format, width: nil, color: false).renderEventSet(corpus.all))
            return .ok
        case .failure(let error):
            console.err("evq: error: \(escapeControls(error.description))\n")
            return .failure
        }
    }

    /// The init file run at interactive start: `$XDG_CONFIG_HOME/evq/init.evq`, else
    /// `~/.config/evq/init.evq`; nil when neither base is known.
    public static func initFilePath(environment: [String: String]) -> String? {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { return xdg + "/evq/init.evq" }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.config/evq/init.evq"
    }

    static func status(_ run: RunStatus) -> ExitStatus { run == .failed ? .failure : .ok }
}
