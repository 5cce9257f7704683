import EvqDiagnostics

/// The table of meta commands (`.help`, `.format`, ...), in the order `.help` lists them.
/// Lookup, `.help`, completion and the did-you-mean suggestion all read this one table.
public struct MetaCommandCatalog {
    /// The entries, in `.help` order.
    public var commands: [MetaCommand]

    /// A catalog of `commands`.
    public init(_ commands: [MetaCommand]) { self.commands = commands }

    /// Every command name with its dot, aliases included, sorted.
    public var names: [String] { (commands.map(\.name) + commands.flatMap(\.aliases)).sorted() }

    /// The command called `name` (with or without the dot; case-insensitive).
    public func command(named name: String) -> MetaCommand? {
        let key = (name.hasPrefix(".") ? name : "." + name).lowercased()
        return commands.first { $0.name == key || $0.aliases.contains(key) }
    }

    /// Runs one meta command line: looks the name up (suggesting the nearest on a miss) and
    /// calls it. Returns what the input loop should do next.
    public func run(_ line: MetaLine, in session: inout Session) -> MetaOutcome {
        guard let command = command(named: line.name.text) else {
            let guess = Suggest.nearest(line.name.text, in: names)
            session.report(
                .error("unknown command `\(line.name.text)`", at: line.name.span,
                       help: guess.map { "did you mean `\($0)`? (.help lists the commands)" } ?? ".help lists the commands"),
                in: line)
            return .failed
        }
        return command.run(line, &session)
    }

    /// The commands of the design, in `.help` order.
    public static var standard: MetaCommandCatalog {
        MetaCommandCatalog([
            MetaCommand(".help", usage: ".help [COMMAND|STAGE|FUNCTION]", summary: "list the commands, or explain one", run: MetaCommands.help),
            MetaCommand(".types", usage: ".types", summary: "the event types and their categories", run: MetaCommands.types),
            MetaCommand(".fields", usage: ".fields", summary: "the fields of an event", run: MetaCommands.fields),
            MetaCommand(".docs", usage: ".docs", summary: "the documents of the corpus", run: MetaCommands.docs),
            MetaCommand(".load", usage: ".load PATH...", summary: "replace the corpus with the articles or event sets at PATH...", run: MetaCommands.load),
            MetaCommand(".cache", usage: ".cache [info|clear]", summary: "what the event cache holds, or empty it", run: MetaCommands.cache),
            MetaCommand(".format", usage: ".format table|json|jsonl|csv|md", summary: "how results are printed", aliases: [".mode"], run: MetaCommands.format),
            MetaCommand(".timer", usage: ".timer on|off", summary: "show how long each query took", run: MetaCommands.timer),
            MetaCommand(".read", usage: ".read FILE", summary: "run the statements of a script", run: MetaCommands.read),
            MetaCommand(".export", usage: ".export FILE", summary: "write the last result to FILE in the current format (FILE.html: an HTML report)", run: MetaCommands.export),  // analysis: .export FILE.html
            MetaCommand(".set", usage: ".set today YYYY-MM-DD | .set width N|auto", summary: "fix the date `today` means, or the table width", run: MetaCommands.set),
            MetaCommand(".explain", usage: ".explain QUERY", summary: "show the parsed and checked query without running it", run: MetaCommands.explain),
            MetaCommand(".history", usage: ".history", summary: "the statements typed so far (also in earlier sessions)", run: MetaCommands.history),
            MetaCommand(".quit", usage: ".quit", summary: "leave the shell (Ctrl-D does too)", aliases: [".exit"], run: { _, _ in .quit }),
        ])
    }
}
