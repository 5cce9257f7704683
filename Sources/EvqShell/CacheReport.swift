import EvqDiagnostics
import EvqStore
import Foundation

/// The text of `.cache` and `evq cache info`: where the event cache is, what it holds, and
/// what the current corpus took from it.
enum CacheReport {
    static func describe(_ settings: CacheSettings, lastLoad: LoadStatistics?) -> Result<String, CacheError> {
        var out = ""
        if settings.disabled {
            out += "event cache: off (--no-cache)\n"
        } else if let cache = settings.cache {
            let info: CacheInfo
            do { info = try cache.info() } catch { return .failure(error) }
            out += "event cache: \(info.path) (\(megabytes(info.bytes)))\n"
            out += "  articles: \(info.documents) (\(info.documentEvents) events)\n"
            out += "  merged corpora: \(info.corpora) (one per set of paths loaded)\n"
            out += "  event sets: \(info.snapshots) (\(info.snapshotEvents) events)\n"
        } else {
            out += "event cache: none (\(settings.problem ?? "not opened"))\n"
        }
        if let s = lastLoad {
            out += "this corpus: \(s.articles) article\(s.articles == 1 ? "" : "s"), \(s.reusedArticles) from the cache"
            out += "; \(s.eventSets) event set\(s.eventSets == 1 ? "" : "s"), \(s.reusedEventSets) from the cache\n"
        }
        return .success(out)
    }

    static func megabytes(_ bytes: Int) -> String {
        bytes < 1 << 20 ? "\(bytes / 1024) KB" : String(format: "%.1f MB", Double(bytes) / Double(1 << 20))
    }
}

extension MetaCommands {
    /// `.cache [info|clear]`: what the event cache holds, or empty it.
    static func cache(_ line: MetaLine, _ session: inout Session) -> MetaOutcome {
        let word = line.arguments.first
        if line.arguments.count > 1 {
            return session.usageError("`.cache` takes one argument: info or clear", at: line.arguments[1].span, command: command(".cache"), in: line)
        }
        switch word?.text.lowercased() ?? "info" {
        case "info":
            switch CacheReport.describe(session.cacheSettings, lastLoad: session.lastLoad) {
            case .success(let text):
                session.console.out(text)
                return .ok
            case .failure(let error):
                session.report(.error(error.message, at: word?.span ?? line.name.span), in: line)
                return .failed
            }
        case "clear":
            guard let cache = session.cacheSettings.cache else {
                session.console.err("there is no event cache to clear\n")
                return .ok
            }
            do {
                try cache.clear()
                session.console.err("cleared the event cache \(cache.path)\n")
                return .ok
            } catch {
                session.report(.error(error.message, at: word?.span ?? line.name.span), in: line)
                return .failed
            }
        default:
            let guess = word.flatMap { Suggest.nearest($0.text, in: ["info", "clear"]) }
            return session.usageError("unknown `.cache` action `\(word?.text ?? "")`; expected info or clear", at: word?.span ?? line.name.span,
                                      command: command(".cache"), in: line, help: guess.map { "did you mean `\($0)`?" })
        }
    }
}
