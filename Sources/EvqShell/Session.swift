import EvqEval
import EvqModel
import EvqStore

/// All mutable shell state, passed explicitly (SQLite's `ShellState`): nothing in the shell
/// reads globals. One `Session` lives for one run of `evq`.
public struct Session {
    public var context: QueryContext  // corpus, today, bindings: what statements run against
    public var corpusPaths: [String]  // the paths the corpus was loaded from (`.load` replaces them)
    public var format: OutputFormat  // how results print (`.format`, `--format`)
    public var timer: Bool  // `.timer on`: print the run time after each result
    public var widthOverride: Int?  // `.set width N`; nil = the console's width (or unbounded)
    public var color: Bool  // ANSI colour in results (stdout a TTY, no NO_COLOR, no --no-color)
    public var errorColor: Bool  // ANSI colour in diagnostics (stderr a TTY, no NO_COLOR, no --no-color)
    public var lastResult: ResultSet?  // the most recent result, for `.export`
    public var readStack: [String]  // canonical paths of the scripts being read, outermost first
    public var location: (file: String, line: Int)  // where the statement being run started
    public var console: Console  // where output goes
    public var clock: () -> Duration  // monotonic time, injected for `.timer`
    public var isCancelled: () -> Bool  // true once Ctrl-C was pressed during a query (clears it)
    public var history: () -> [String]  // the statements of the line editor's history, oldest first
    public var vocabulary: Vocabulary  // names for completion and help
    public var cacheSettings: CacheSettings  // the event cache `.load` reads through (`.none`: no cache)
    public var lastLoad: LoadStatistics?  // what the last load took from the cache, for `.cache`

    /// The most `.read` files that may be open inside each other (SQLite's limit).
    public static let maxReadDepth = 25

    /// A session over `context` writing to `console`, with the real monotonic clock, no
    /// history and no cancellation until the caller wires them.
    public init(
        context: QueryContext, console: Console, corpusPaths: [String] = [], format: OutputFormat = .table,
        color: Bool = false
    ) {
        self.context = context
        self.corpusPaths = corpusPaths
        self.format = format
        self.timer = false
        self.widthOverride = nil
        self.color = color
        self.errorColor = color
        self.lastResult = nil
        self.readStack = []
        self.location = ("", 0)
        self.console = console
        let clock = ContinuousClock()
        let origin = clock.now
        self.clock = { origin.duration(to: clock.now) }
        self.isCancelled = { false }
        self.history = { [] }
        self.vocabulary = .standard
        self.cacheSettings = .none
        self.lastLoad = nil
    }

    /// The width tables are fitted to: `.set width`, else the terminal's, else unbounded.
    public var width: Int? { widthOverride ?? console.width() }

    /// The renderer for the current settings.
    public var renderer: ResultRenderer {
        ResultRenderer(format: format, width: width, color: color)
    }
}
