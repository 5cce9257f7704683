import CReadline
import Foundation

/// Completion as the line editor sees it: the whole line and the cursor (a UTF-8 offset) in,
/// the candidates for the word before the cursor out. Each candidate replaces that word.
public typealias CompletionProvider = (_ line: String, _ cursor: Int) -> [String]

/// The completion closure readline's C callback reaches. readline's completion hook is a plain
/// C function pointer that cannot carry a context, so the closure of the one active
/// `ReadlineReader` is kept here; it is set once at start and read only on the main thread.
nonisolated(unsafe) private var activeCompletion: CompletionProvider?

/// The terminal line editor: GNU readline with a persistent history file, tab completion through
/// an injected closure, Ctrl-C abandoning the line, and `~/.inputrc` (readline reads it itself,
/// with `$if evq` sections matching `rl_readline_name`).
public struct ReadlineReader: LineReader {
    private var store: HistoryStore?

    /// - Parameters:
    ///   - historyPath: the history file (see `HistoryStore.defaultPath`); nil keeps history in memory only.
    ///   - wordBreaks: the characters that end a word for completion (must match the completer's).
    ///   - complete: the completion closure.
    public init(historyPath: String?, historyLimit: Int = 2000, wordBreaks: String, complete: @escaping CompletionProvider) {
        activeCompletion = complete
        // readline keeps these pointers for the life of the process.
        evq_readline_setup(strdup("evq"), strdup(wordBreaks), readlineCompletion)
        if let historyPath {
            let store = HistoryStore(path: historyPath, limit: historyLimit)
            for entry in store.entries { add_history(entry) }
            stifle_history(Int32(historyLimit))
            self.store = store
        }
    }

    /// Shows `prompt` and reads a line with editing; `.interrupted` after Ctrl-C, `.end` after
    /// Ctrl-D on an empty line (a newline is printed so the shell's exit leaves a tidy terminal).
    public mutating func readLine(prompt: String) -> LineInput {
        fflush(nil)
        _ = evq_take_sigint()
        guard let raw = readline(prompt) else {
            // Ctrl-D on an empty line: end the prompt's line so the shell's exit is tidy.
            print()
            return .end
        }
        defer { free(raw) }
        if evq_take_abandoned() != 0 { return .interrupted }
        return .line(String(cString: raw))
    }

    /// Adds a statement to readline's history and appends it to the history file, unless it is
    /// blank or repeats the previous entry.
    public mutating func addHistory(_ entry: String) {
        guard !entry.allSatisfy(\.isWhitespace) else { return }
        if var store {
            guard store.append(entry) else { return }
            self.store = store
        } else if let last = evq_history_text(evq_history_count() - 1), String(cString: last) == entry {
            return
        }
        add_history(entry)
    }

    /// The history, oldest first.
    public var historyEntries: [String] {
        if let store { return store.entries }
        return (0..<evq_history_count()).compactMap { i in evq_history_text(i).map { String(cString: $0) } }
    }

    /// True (once) if Ctrl-C was pressed since the last call: how a running query learns it
    /// should stop. Reads the signal flag of the handler this reader installed.
    public static func takeInterrupt() -> Bool { evq_take_sigint() != 0 }

    /// Installs the Ctrl-C handler before any reader exists, so a long first extraction can be
    /// stopped cleanly (`takeInterrupt()` then answers true) instead of killing the process
    /// in the middle of it.
    public static func catchInterrupts() { evq_install_sigint_handler() }

    /// Gives Ctrl-C back its default effect (ending the process), for runs without a prompt
    /// once their corpus is loaded.
    public static func restoreDefaultInterrupts() { signal(SIGINT, SIG_DFL) }

    /// What readline puts in place of the typed word when several candidates fit: their longest
    /// common prefix, but never less than was typed. Candidates may match on a later word
    /// (`"Tsikh` offers `"Sviatlana Tsikhanouskaya"` and `"Tsikhnouskaya"`), and inserting their
    /// common prefix `"` would erase what the user typed.
    /// A single candidate replaces the word whole (`"Coa` becomes `"John Coale"`).
    public static func substitution(typed: String, candidates: [String]) -> String {
        guard var common = candidates.first else { return typed }
        if candidates.count == 1 { return common }
        for c in candidates.dropFirst() {
            while !c.lowercased().hasPrefix(common.lowercased()) { common.removeLast() }
        }
        return common.lowercased().hasPrefix(typed.lowercased()) ? common : typed
    }
}

/// readline's completion hook: asks the active closure and hands readline a malloc'd,
/// NULL-terminated list whose first entry is the longest common prefix (what readline inserts).
private func readlineCompletion(_ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    var cursor: Int32 = 0
    guard let buffer = evq_completion_line(&cursor), let complete = activeCompletion else { return nil }
    let candidates = complete(String(cString: buffer), Int(cursor))
    guard let first = candidates.first else { return nil }
    let common = ReadlineReader.substitution(typed: text.map { String(cString: $0) } ?? "", candidates: candidates)
    evq_completion_append(candidates.count == 1 && first.hasSuffix("/") ? 0 : 32)
    let list = candidates.count == 1 ? [first] : [common] + candidates
    let array = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: list.count + 1)
    for (i, item) in list.enumerated() { array[i] = strdup(item) }
    array[list.count] = nil
    return array
}
