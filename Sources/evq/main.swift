// The `evq` executable: argument parsing and wiring only. Every behaviour lives in EvqShell
// (sessions, the input loop, rendering) and EvqLineEditor (readline).
import ArgumentParser
import EvqGolden
import EvqLineEditor
import EvqModel
import EvqShell
import EvqStore
import Foundation

extension OutputFormat: ExpressibleByArgument {}

/// Options every way of running evq shares.
struct CommonOptions: ParsableArguments {
    @Option(name: .customLong("corpus"), help: "A folder or file of articles or event sets (repeatable; default ./seeds).")
    var corpus: [String] = []
    @Option(help: "How results are printed.")
    var format: OutputFormat?
    @Option(help: ArgumentHelp("The date `today` means, for reproducible scripts.", valueName: "YYYY-MM-DD"))
    var today: String?
    @Flag(help: "Never print ANSI colour (NO_COLOR does the same).")
    var noColor = false
    @Flag(help: "Neither read nor write the event cache: extract and import everything.")
    var noCache = false

    func validate() throws {
        if let today, Day(iso: today) == nil { throw ValidationError("--today expects a date YYYY-MM-DD, not `\(today)`") }
    }
}

/// `evq [--corpus PATH]... [-c QUERY | -f FILE | FILE]`: the shell, a query, or a script.
struct Evq: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evq", abstract: "A query shell over events extracted from news articles.",
        discussion: "Also: `evq extract PATH... [--format jsonl|json|csv]`, `evq test [PATH...] [--update] [--filter PATTERN]`, `evq report [QUERY] --html FILE` and `evq cache info|clear`.",  // analysis: evq report
        version: "evq 0.1.0")

    @OptionGroup var common: CommonOptions
    @Option(name: .short, help: ArgumentHelp("Run one query (or several statements) and exit.", valueName: "QUERY"))
    var command: String?
    @Option(name: .short, help: ArgumentHelp("Run a script and exit.", valueName: "FILE"))
    var file: String?
    @Flag(help: "Do not run the init file ($XDG_CONFIG_HOME/evq/init.evq) at interactive start.")
    var noInit = false
    @Argument(help: "A script to run (same as -f).")
    var script: String?

    func validate() throws {
        if [command, file, script].compactMap({ $0 }).count > 1 { throw ValidationError("give only one of -c QUERY, -f FILE and FILE") }
    }

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let interactive = command == nil && file == nil && script == nil && isatty(0) != 0
        // Scripts (-f, FILE, piped input) never get colour; the shell and -c do on a terminal.
        let color = isatty(1) != 0 && !common.noColor && (environment["NO_COLOR"] ?? "").isEmpty && file == nil && script == nil
            && (interactive || command != nil)
        let console = Console.standard(width: terminalWidth)
        let today = common.today.flatMap { Day(iso: $0) } ?? localToday()
        var paths = common.corpus.isEmpty ? ["seeds"] : common.corpus
        if common.corpus.isEmpty && !FileManager.default.fileExists(atPath: "seeds") {
            console.err("evq: warning: no ./seeds here, so the corpus is empty (give --corpus PATH, or .load PATH)\n")
            paths = []
        }
        var session = try loadSession(paths: paths, today: today, format: common.format ?? .table, color: color,
                                      noCache: common.noCache, console: console, environment: environment,
                                      keepInterruptHandler: interactive)
        session.errorColor = isatty(2) != 0 && !common.noColor && (environment["NO_COLOR"] ?? "").isEmpty && file == nil && script == nil
        let status: ExitStatus
        if let command {
            status = Startup.runCommand(command, in: &session)
        } else if let path = file ?? script {
            status = Startup.runScript(path: path, in: &session)
        } else if !interactive {
            let text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
            status = Startup.runStandardInput(text, in: &session)
        } else {
            status = runShell(&session, environment: environment)
        }
        // Exit here, with the session still alive: freeing a corpus of hundreds of thousands
        // of events one by one at exit took a tenth of a second, and the OS reclaims it whole.
        // (Output is written unbuffered, so nothing is lost.) The cache is closed properly.
        session.cacheSettings.cache?.close()
        Foundation.exit(status.rawValue)
    }

    func runShell(_ session: inout Session, environment: [String: String]) -> ExitStatus {
        let state = ShellState(Completer(listFiles: FileNames.matching))
        state.learnNames(session)
        state.reader = ReadlineReader(historyPath: HistoryStore.defaultPath(environment: environment), wordBreaks: String(Completer.wordBreaks)) {
            state.completer.complete($0, cursor: $1).candidates
        }
        session.isCancelled = { ReadlineReader.takeInterrupt() }
        session.context.isCancelled = { ReadlineReader.takeInterrupt() }
        session.history = { state.reader?.historyEntries ?? [] }
        let source = LineSource(name: "<input>", interactive: true, next: { prompt in
            switch state.reader?.readLine(prompt: prompt) ?? .end {
            case .line(let text): return .line(text)
            case .interrupted: return .interrupted
            case .end: return .end
            }
        }, record: { state.reader?.addHistory($0) }, observe: { state.learnNames($0) })
        return Startup.runInteractive(source, initFile: noInit ? nil : Startup.initFilePath(environment: environment), in: &session)
    }
}

/// `evq extract PATH...`: print the extracted event set.
struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "evq extract", abstract: "Print the events extracted from articles (events, totals and unconfirmed).")
    @Argument(help: "Folders or files of articles or event sets.") var paths: [String]
    @Option(help: "Output format: jsonl, json or csv.") var format: OutputFormat = .jsonl
    @Flag(help: "Neither read nor write the event cache.") var noCache = false

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one PATH") }
        if ![.jsonl, .json, .csv].contains(format) { throw ValidationError("extract prints jsonl, json or csv") }
    }

    func run() throws {
        let console = Console.standard()
        ReadlineReader.catchInterrupts()
        let (cache, warnings) = CacheSettings.open(environment: ProcessInfo.processInfo.environment, disabled: noCache)
        for warning in warnings { console.err(warning + "\n") }
        let status = Startup.extract(paths: paths, format: format, console: console, cache: cache,
                                     isCancelled: { ReadlineReader.takeInterrupt() }, didLoad: { ReadlineReader.restoreDefaultInterrupts() })
        if status != .ok { throw ExitCode(status.rawValue) }
    }
}

/// `evq test [PATH...] [--update] [--filter PATTERN]`: run example scripts against their
/// expected transcripts (Examples/README.md). Exits 1 when any script failed.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evq test", abstract: "Run example scripts against their expected output (default: Examples/).")
    @Argument(help: "Scripts or folders of scripts (*.evq).") var paths: [String] = []
    @Flag(help: "Rewrite the expected .out files with the actual output.") var update = false
    @Option(help: "Only scripts whose path contains PATTERN.") var filter: String?

    func run() throws {
        let console = Console.standard()
        let root = FileManager.default.currentDirectoryPath
        let runner = GoldenRunner(update: update, filter: filter, makeExecutor: ExampleHost(root: root).factory())
        let summary = runner.run(paths: paths.isEmpty ? ["Examples"] : paths) { console.out($0) }
        if summary.failed > 0 { throw ExitCode(ExitStatus.failure.rawValue) }
    }
}

/// `evq report [QUERY] --html FILE`: one self-contained HTML page (timeline chart, event table,
/// evidence linked to the articles) for the events of QUERY (default `events`). // analysis: evq report
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evq report", abstract: "Write an HTML report (chart, table, evidence) of a query's events.")
    @OptionGroup var common: CommonOptions
    @Argument(help: "The query whose events are reported (default: events).") var query: String = "events"
    @Option(help: ArgumentHelp("The HTML file to write.", valueName: "FILE")) var html: String

    func run() throws {
        let console = Console.standard()
        let today = common.today.flatMap { Day(iso: $0) } ?? localToday()
        var session = try loadSession(paths: common.corpus.isEmpty ? ["seeds"] : common.corpus, today: today, format: .table,
                                      color: false, noCache: common.noCache, console: console,
                                      environment: ProcessInfo.processInfo.environment)
        let status = Startup.report(query, html: html, in: &session)
        if status != .ok { throw ExitCode(status.rawValue) }
    }
}

/// `evq cache info|clear`: what the event cache holds, or empty it.
struct CacheCommand: ParsableCommand {
    enum Action: String, ExpressibleByArgument, CaseIterable { case info, clear }
    static let configuration = CommandConfiguration(
        commandName: "evq cache", abstract: "Show what the event cache holds ($XDG_CACHE_HOME/evq/events.sqlite), or empty it.")
    @Argument(help: "info or clear.") var action: Action = .info

    func run() throws {
        let console = Console.standard()
        let (settings, warnings) = CacheSettings.open(environment: ProcessInfo.processInfo.environment, disabled: false)
        for warning in warnings { console.err(warning + "\n") }
        guard let cache = settings.cache else {
            // (When opening failed, the warning above has said why.)
            if warnings.isEmpty { console.err("evq: error: no event cache: \(settings.problem ?? "it could not be opened")\n") }
            throw ExitCode(ExitStatus.failure.rawValue)
        }
        let status = action == .info ? Startup.cacheInfo(settings, console: console) : Startup.clearCache(cache, console: console)
        if status != .ok { throw ExitCode(status.rawValue) }
    }
}

/// Opens the event cache (unless `noCache`), loads the corpus through it with Ctrl-C caught,
/// and makes the session; a failed or interrupted load ends evq with its status.
///
/// Without a prompt to return to (`keepInterruptHandler` false), Ctrl-C gets its default effect
/// back once the corpus is loaded, so it still ends a long query or a long output.
func loadSession(paths: [String], today: Day, format: OutputFormat, color: Bool, noCache: Bool, console: Console,
                 environment: [String: String], keepInterruptHandler: Bool = false) throws -> Session {
    ReadlineReader.catchInterrupts()
    let (cache, warnings) = CacheSettings.open(environment: environment, disabled: noCache)
    for warning in warnings { console.err(warning + "\n") }
    switch Startup.makeSession(corpusPaths: paths, today: today, format: format, color: color, console: console, cache: cache,
                               isCancelled: { ReadlineReader.takeInterrupt() }) {
    case .success(let session):
        if !keepInterruptHandler { ReadlineReader.restoreDefaultInterrupts() }
        return session
    case .failure(let failure): throw ExitCode(failure.status.rawValue)
    }
}

/// The line reader and the completer, shared by the input loop's closures.
final class ShellState {
    var reader: ReadlineReader?
    var completer: Completer
    private var namesFrom: [String]?
    init(_ completer: Completer) { self.completer = completer }

    /// Refreshes the names completion offers: `let` names always, actor and place names when
    /// the corpus was (re)loaded.
    func learnNames(_ session: Session) {
        completer.bindings = session.context.bindings.keys.sorted()
        guard namesFrom != session.corpusPaths else { return }
        namesFrom = session.corpusPaths
        let corpus = session.context.corpus
        completer.actors = Array(Set(corpus.all.flatMap(\.actors) + corpus.aliases.values.flatMap { $0 })).sorted()
        completer.places = Array(Set(corpus.all.flatMap(\.places))).sorted()
    }
}

/// The terminal's width, asked for before each result so a resized window is honoured.
func terminalWidth() -> Int? {
    var size = winsize()
    guard isatty(1) != 0, ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
    return Int(size.ws_col)
}

/// Today's date in the local time zone: the only place evq reads the clock for `today`.
func localToday() -> Day {
    let c = Calendar.current.dateComponents([.year, .month, .day], from: Date())
    return Day(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1) ?? Day(number: 0)
}

/// Parses and runs one command. Usage errors exit 2, as sqlite3 and DuckDB do (ArgumentParser's
/// default would be 64); help and --version exit 0; failures carry their own status.
func dispatch<Command: ParsableCommand>(_ type: Command.Type, _ arguments: [String]) -> Never {
    do {
        var command = try type.parseAsRoot(arguments)
        try command.run()
        exit(0)
    } catch let exitCode as ExitCode {
        exit(exitCode.rawValue)
    } catch {
        if type.exitCode(for: error) == .success {
            print(type.fullMessage(for: error))
            exit(0)
        }
        Console.standard().err("evq: error: " + type.fullMessage(for: error).replacingOccurrences(of: "Error: ", with: "") + "\n")
        exit(ExitStatus.usage.rawValue)
    }
}

// Subcommands are dispatched by hand: the root command's optional script argument would
// otherwise swallow their names.
let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "extract": dispatch(Extract.self, Array(arguments.dropFirst()))
case "test": dispatch(TestCommand.self, Array(arguments.dropFirst()))
case "report": dispatch(ReportCommand.self, Array(arguments.dropFirst()))  // analysis: evq report
case "cache": dispatch(CacheCommand.self, Array(arguments.dropFirst()))
default: dispatch(Evq.self, arguments)
}
