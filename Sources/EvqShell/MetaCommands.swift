import EvqDiagnostics
import EvqEval
import EvqExtract
import EvqModel
import Foundation

/// The implementations behind `MetaCommandCatalog.standard`.
enum MetaCommands {
    static func command(_ name: String) -> MetaCommand {
        // Every caller passes a name from the standard table.
        MetaCommandCatalog.standard.command(named: name) ?? MetaCommand(name, usage: name, summary: "") { _, _ in .failed }
    }

    /// Rejects arguments to commands that take none.
    static func noArguments(_ line: MetaLine, _ session: inout Session, _ name: String) -> Bool {
        guard let extra = line.arguments.first else { return true }
        _ = session.usageError("`\(name)` takes no arguments", at: extra.span, command: command(name), in: line)
        return false
    }

    static func printTable(_ columns: [String], _ rows: [[Value]], _ session: inout Session) {
        let result = ResultSet(kind: .table, columns: columns.map(Column.init), rows: rows)
        session.console.out(session.renderer.render(result))
    }

    static func help(_ line: MetaLine, _ session: inout Session) -> MetaOutcome {
        let catalog = MetaCommandCatalog.standard
        guard let topic = line.arguments.first else {
            var out = "Statements: a query such as `releases where date > 2025-09 | sort date`, or `let NAME = QUERY`.\n"
            out += "Stages after `|`: \(session.vocabulary.stages.joined(separator: ", ")).\n"
            out += "Collections: \(session.vocabulary.collections.prefix(14).joined(separator: ", ")), ...\n\n"
            let width = catalog.commands.map(\.usage.count).max() ?? 0
            for c in catalog.commands {
                out += ValueText.padded(c.usage, to: width, right: false) + "  " + c.summary + "\n"
            }
            out += "\nMore: .help collections | stages | functions | fields, or .help NAME for one of them.\n"
            out += "End a line with `\\` (or leave a `|` or bracket open) to continue a statement on the next line.\n"
            session.console.out(out)
            return .ok
        }
        if let c = catalog.command(named: topic.text) {
            session.console.out("\(c.usage)\n  \(c.summary)\n" + (c.aliases.isEmpty ? "" : "  also: \(c.aliases.joined(separator: ", "))\n"))
            return .ok
        }
        if let text = session.vocabulary.stageHelp(topic.text) ?? session.vocabulary.functionHelp(topic.text)
            ?? session.vocabulary.listHelp(topic.text) {
            session.console.out(text)
            return .ok
        }
        let topics = catalog.names.map { String($0.dropFirst()) } + session.vocabulary.stages + session.vocabulary.functions + Vocabulary.listTopics
        let guess = Suggest.nearest(topic.text.hasPrefix(".") ? String(topic.text.dropFirst()) : topic.text, in: topics)
        return session.usageError("no help for `\(topic.text)`", at: topic.span, command: command(".help"), in: line,
                                  help: guess.map { "did you mean `\($0)`?" })
    }

    static func types(_ line: MetaLine, _ session: inout Session) -> MetaOutcome {
        guard noArguments(line, &session, ".types") else { return .failed }
        printTable(["type", "category", "meaning"],
                   EventType.known.map { [.text($0.type.rawValue), .text($0.category.rawValue), .text($0.summary)] }, &session)
        return .ok
    }

    static func fields(_ line: MetaLine, _ session: inout Session) -> MetaOutcome {
        guard noArguments(line, &session, ".fields") else { return .failed }
        printTable(["field", "type", "meaning"], session.vocabulary.fields.map { [.text($0.name), .text($0.type), .text($0.meaning)] }, &session)
        return .ok
    }

    static func docs(_ line: MetaLine, _ session: inout Session) -> MetaOutcome {
        guard noArguments(line, &session, ".docs") else { return .failed }
        let rows: [[Value]] = session.context.corpus.documents.map { d in
            [.text(d.name), .text(d.title), d.published.isMissing ? .missing : .date(d.published), .text(d.dateSource.rawValue), .int(d.eventCount)]
        }
        printTable(["name", "title", "published", "date from", "events"], rows, &session)
        return .ok
    }

    static func load(_ line: MetaLine, _ session: inout Session) -> MetaOutcome {
        guard !line.arguments.isEmpty else {
            return session.usageError("`.load` needs at least one path", at: line.endSpan, command: command(".load"), in: line)
        }
        _ = session.isCancelled()  // forget a Ctrl-C pressed before this command
        // Ctrl-C while the articles are read stops the load and keeps the corpus as it was.
        switch Startup.loadCorpus(paths: line.arguments.map(\.text), cache: session.cacheSettings, console: session.console,
                                  isCancelled: session.isCancelled) {
        case .success(let loaded):
            let corpus = loaded.corpus
            session.context.corpus = corpus
            session.corpusPaths = line.arguments.map(\.text)
            session.lastLoad = loaded.statistics
            let reused = loaded.statistics.reusedArticles + loaded.statistics.reusedEventSets
            let note = reused > 0 ? " (\(reused) file\(reused == 1 ? "" : "s") from the event cache)" : ""
            session.console.err("loaded \(corpus.all.count) events from \(corpus.documents.count) documents\(note)\n")
            return .ok
        case .failure(.interrupted):
            let n = session.context.corpus.all.count
            session.console.err("interrupted; the corpus is unchanged (\(n) event\(n == 1 ? "" : "s"))\n")
            return .failed
        case .failure(let error):
            let word = line.arguments.first { error.description.hasPrefix($0.text) } ?? line.arguments[0]
            session.report(.error(error.description, at: word.span), in: line)
            return .failed
        }
    }

    static func format(_ line: MetaLine, _ session: inout Session) -> MetaOutcome {
        guard let word = line.arguments.first else {
            session.console.out("\(session.format.rawValue)\n")
            return .ok
        }
        guard let format = OutputFormat(rawValue: word.text.lowercased()) else {
            let guess = Suggest.nearest(word.text, in: OutputFormat.names)
            return session.usageError("unknown format `\(word.text)`; expected one of \(OutputFormat.names.joined(separator: ", "))",
                                      at: word.span, command: command(".format"), in: line, help: guess.map { "did you mean `\($0)`?" })
        }
        session.format = format
        return .ok
    }

    static func timer(_ line: MetaLine, _ session: inout Session) -> MetaOutcome {
        guard let word = line.arguments.first, ["on", "off"].contains(word.text.lowercased()) else {
            return session.usageError("`.timer` expects `on` or `off`", at: line.arguments.first?.span ?? line.endSpan,
                                      command: command(".timer"), in: line)
        }
        session.timer = word.text.lowercased() == "on"
        return .ok
    }

    static func set(_ line: MetaLine, _ session: inout Session) -> MetaOutcome {
        let settings = ["today", "width"]
        guard let key = line.arguments.first else {
            return session.usageError("`.set` needs a setting: \(settings.joined(separator: " or "))", at: line.endSpan, command: command(".set"), in: line)
        }
        guard line.arguments.count == 2 else {
            return session.usageError("`.set \(key.text)` needs one value", at: line.arguments.count > 2 ? line.arguments[2].span : line.endSpan,
                                      command: command(".set"), in: line)
        }
        let value = line.arguments[1]
        switch key.text.lowercased() {
        case "today":
            guard let day = Day(iso: value.text) else {
                return session.usageError("`\(value.text)` is not a date; expected YYYY-MM-DD", at: value.span, command: command(".set"), in: line)
            }
            session.context.today = day
        case "width":
            if value.text.lowercased() == "auto" {
                session.widthOverride = nil
            } else if let n = Int(value.text), n >= 20, n <= 10_000 {
                session.widthOverride = n
            } else {
                return session.usageError("`\(value.text)` is not a width; expected a number from 20 to 10000, or `auto`", at: value.span,
                                          command: command(".set"), in: line)
            }
        default:
            let guess = Suggest.nearest(key.text, in: settings)
            return session.usageError("unknown setting `\(key.text)`", at: key.span, command: command(".set"), in: line,
                                      help: guess.map { "did you mean `\($0)`?" })
        }
        return .ok
    }

    static func explain(_ line: MetaLine, _ session: inout Session) -> MetaOutcome {
        guard !line.rest.isEmpty else {
            return session.usageError("`.explain` needs a query", at: line.endSpan, command: command(".explain"), in: line)
        }
        let file = SourceFile(name: line.file.name, text: InputProcessor.padding(line.file.location(of: line.restStart).line)
                              + String(repeating: " ", count: line.file.location(of: line.restStart).column - 1) + line.rest)
        let text = QueryEngine.explain(file, context: session.context)
        session.console.out(text.hasSuffix("\n") ? text : text + "\n")
        return .ok
    }

    static func history(_ line: MetaLine, _ session: inout Session) -> MetaOutcome {
        guard noArguments(line, &session, ".history") else { return .failed }
        let entries = session.history()
        let width = String(entries.count).count
        var out = ""
        for (i, entry) in entries.enumerated() {
            let lines = entry.split(separator: "\n", omittingEmptySubsequences: false).map { escapeControls(String($0)) }
            out += ValueText.padded(String(i + 1), to: width, right: true) + "  "
                + lines.joined(separator: "\n" + String(repeating: " ", count: width + 2)) + "\n"
        }
        session.console.out(out)
        return .ok
    }
}
