import Foundation

/// Reading and writing event sets as JSON Lines, a JSON array, or the full JSON form.
public enum EventSetIO {
    /// A failure to read one record, with its 1-based line (0 for whole-file problems).
    public struct ImportError: Error, Sendable, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var message: String
        public var description: String { line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)" }
        public init(file: String, line: Int, message: String) {
            self.file = file
            self.line = line
            self.message = message
        }
    }

    static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }

    /// One event as a single JSON line (keys sorted, so output is identical on every run).
    public static func jsonLine(_ event: Event) -> String {
        let data = (try? encoder().encode(event)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// JSON Lines: one event per line, in the order given.
    public static func writeJSONL(_ events: [Event]) -> String {
        events.map { jsonLine($0) + "\n" }.joined()
    }

    /// A pretty JSON array.
    public static func writeJSON(_ events: [Event]) -> String {
        let e = encoder()
        e.outputFormatting.insert(.prettyPrinted)
        let data = (try? e.encode(events)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Reads JSONL (one object per line; blank lines and `#` comments skipped) or, when the text
    /// starts with `[`, a JSON array. Errors name the line.
    public static func read(_ text: String, file: String) throws(ImportError) -> [Event] {
        let decoder = JSONDecoder()
        let trimmed = text.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
        if trimmed.first == "[" {
            do {
                return try decoder.decode([Event].self, from: Data(trimmed.utf8))
            } catch {
                throw ImportError(file: file, line: 0, message: "not a JSON array of events: \(describe(error))")
            }
        }
        var events: [Event] = []
        var lineNumber = 0
        // "\r\n" is one Character in Swift, so CRLF files must be split on it explicitly.
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNumber += 1
            let body = line.trimmingSpaces.drop { $0 == "\u{FEFF}" }
            if body.isEmpty || body.hasPrefix("#") { continue }
            do {
                events.append(try decoder.decode(Event.self, from: Data(body.utf8)))
            } catch {
                throw ImportError(file: file, line: lineNumber, message: describe(error))
            }
        }
        return events
    }

    static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): return "missing field `\(key.stringValue)`"
        case DecodingError.typeMismatch(_, let ctx), DecodingError.valueNotFound(_, let ctx):
            let path = ctx.codingPath.map(\.stringValue).joined(separator: ".")
            return "wrong type for `\(path)`"
        case DecodingError.dataCorrupted(let ctx):
            let path = ctx.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? "not valid JSON" : "bad value for `\(path)`: \(ctx.debugDescription)"
        default: return "\(error)"
        }
    }
}
