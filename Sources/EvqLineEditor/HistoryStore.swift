import Foundation

/// The history file: one statement per line, newlines and backslashes inside a statement
/// escaped (`\n`, `\\`) so a multi-line statement stays one entry. Created 0600 with its
/// folders; appended after every statement (a crash loses nothing); bounded, and rewritten
/// through a temporary file and a rename when it grows past the bound, so it is never left
/// half-written.
public struct HistoryStore: Sendable {
    /// The file.
    public var path: String
    /// At most this many entries are kept.
    public var limit: Int
    /// The entries, oldest first.
    public private(set) var entries: [String] = []
    /// Lines in the file now (including entries beyond `limit` not yet trimmed).
    private var linesInFile = 0

    /// `$EVQ_HISTORY`, else `$XDG_STATE_HOME/evq/history`, else `~/.local/state/evq/history`;
    /// nil when no home is known.
    public static func defaultPath(environment: [String: String]) -> String? {
        if let explicit = environment["EVQ_HISTORY"], !explicit.isEmpty { return explicit }
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") { return state + "/evq/history" }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.local/state/evq/history"
    }

    /// Opens (creating folders and an empty 0600 file if needed) and loads the history.
    public init(path: String, limit: Int = 2000) {
        self.path = path
        self.limit = max(1, limit)
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        if !FileManager.default.fileExists(atPath: path) {
            _ = FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        let text = (FileManager.default.contents(atPath: path)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        linesInFile = lines.count
        entries = lines.suffix(self.limit).map { Self.decode(String($0)) }
    }

    /// Appends a statement unless it is blank or the same as the previous one. Returns whether
    /// it was added.
    @discardableResult
    public mutating func append(_ entry: String) -> Bool {
        guard !entry.allSatisfy(\.isWhitespace), entry != entries.last else { return false }
        entries.append(entry)
        if entries.count > limit { entries.removeFirst(entries.count - limit) }
        linesInFile += 1
        if linesInFile > limit + limit / 10 {
            rewrite()
        } else {
            appendLine(Self.encode(entry))
        }
        return true
    }

    private func appendLine(_ line: String) {
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o600)
        guard fd >= 0 else { return }
        defer { close(fd) }
        let bytes = Array((line + "\n").utf8)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    }

    /// Rewrites the file with the kept entries (temporary file, then rename).
    private mutating func rewrite() {
        // Only a regular file may be replaced: EVQ_HISTORY=/dev/null must stay a device.
        var info = stat()
        if stat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG { return }
        let text = entries.map { Self.encode($0) + "\n" }.joined()
        let temp = path + ".\(getpid()).tmp"
        guard FileManager.default.createFile(atPath: temp, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else { return }
        if rename(temp, path) == 0 { linesInFile = entries.count } else { unlink(temp) }
    }

    static func encode(_ entry: String) -> String {
        var out = ""
        for c in entry.unicodeScalars {
            switch c {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    static func decode(_ line: String) -> String {
        var out = ""
        var escaped = false
        for c in line.unicodeScalars {
            if escaped {
                switch c {
                case "n": out += "\n"
                case "r": out += "\r"
                default: out.unicodeScalars.append(c)
                }
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else {
                out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
