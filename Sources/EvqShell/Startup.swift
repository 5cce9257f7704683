import EvqDiagnostics
import EvqEval
import EvqExtract
import EvqModel
import EvqStore
import Foundation

/// The exit codes of `evq` (as sqlite3 and DuckDB use them).
public enum ExitStatus: Int32, Sendable {
    /// Everything ran.
    case ok = 0
    /// A query, data or test failure.
    case failure = 1
    /// A usage error: bad arguments or options.
    case usage = 2
    /// Stopped by Ctrl-C (SIGINT) before the work was done: 128 + 2, as shells report it.
    case interrupted = 130
}

/// Why no session could be made.
public enum StartupFailure: Error, Sendable {
    /// The corpus could not be loaded (the error has been printed).
    case loadFailed
    /// Ctrl-C during the first extraction.
    case interrupted

    /// The exit status it ends evq with.
    public var status: ExitStatus { self == .interrupted ? .interrupted : .failure }
}

/// The entry points the `evq` executable wires together. Each returns the exit status.
public enum Startup {
    /// Loads articles and event sets (through the event cache unless `cache` is `.none`),
    /// printing the loader's warnings to the console's error stream. A missing or unreadable
    /// path is an error.
    public static func loadCorpus(
        paths: [String], cache: CacheSettings = .none, console: Console, isCancelled: () -> Bool = { false }
    ) -> Result<LoadResult, CorpusLoader.LoadError> {
        do {
            let result = try cache.loader.load(paths: paths, isCancelled: isCancelled)
            for warning in result.warnings { console.err(escapeControls(warning) + "\n") }
            return .success(result)
        } catch {
            return .failure(error)
        }
    }

    /// A session over the corpus at `paths`, or nil (after printing the error) when it cannot
    /// be loaded. `isCancelled` is asked between articles: Ctrl-C during the first extraction
    /// ends evq (`.interrupted`, status 130) before any prompt.
    public static func makeSession(
        corpusPaths paths: [String], today: Day, format: OutputFormat, color: Bool, console: Console,
        cache: CacheSettings = .none, isCancelled: () -> Bool = { false }
    ) -> Result<Session, StartupFailure> {
        switch loadCorpus(paths: paths, cache: cache, console: console, isCancelled: isCancelled) {
        case .success(let loaded):
            var session = Session(context: QueryContext(corpus: loaded.corpus, today: today), console: console, corpusPaths: paths,
                                  format: format, color: color)
            session.cacheSettings = cache
            session.lastLoad = loaded.statistics
            return .success(session)
        case .failure(.interrupted):
            console.err("evq: interrupted\n")
            return .failure(.interrupted)
        case .failure(let error):
            console.err("evq: error: \(escapeControls(error.description))\n")
            return .failure(.loadFailed)
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
    /// `didLoad` runs between loading and printing (evq gives Ctrl-C its default effect back there).
    public static func extract(paths: [String], format: OutputFormat, console: Console, cache: CacheSettings = .none,
                               isCancelled: () -> Bool = { false }, didLoad: () -> Void = {}) -> ExitStatus {
        switch loadCorpus(paths: paths, cache: cache, console: console, isCancelled: isCancelled) {
        case .success(let loaded):
            didLoad()
            console.out(ResultRenderer(format: format, width: nil, color: false).renderEventSet(loaded.corpus.all))
            return .ok
        case .failure(.interrupted):
            console.err("evq: interrupted\n")
            return .interrupted
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

    /// `evq cache info`.
    public static func cacheInfo(_ settings: CacheSettings, console: Console) -> ExitStatus {
        switch CacheReport.describe(settings, lastLoad: nil) {
        case .success(let text):
            console.out(text)
            return .ok
        case .failure(let error):
            console.err("evq: error: \(error.message)\n")
            return .failure
        }
    }

    /// `evq cache clear`.
    public static func clearCache(_ cache: EventCache, console: Console) -> ExitStatus {
        do {
            try cache.clear()
            console.err("cleared the event cache \(cache.path)\n")
            return .ok
        } catch {
            console.err("evq: error: \(error.message)\n")
            return .failure
        }
    }

    static func status(_ run: RunStatus) -> ExitStatus { run == .failed ? .failure : .ok }
}
