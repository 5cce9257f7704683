/// What reading one line gave.
public enum LineInput: Sendable, Equatable {
    /// A line, without its newline.
    case line(String)
    /// Ctrl-C was pressed while typing: the line is abandoned.
    case interrupted
    /// End of input (Ctrl-D on an empty line, or the end of a file).
    case end
}

/// Reads one line of input with a prompt.
public protocol LineReader {
    mutating func readLine(prompt: String) -> LineInput
    /// Remembers a complete statement (possibly several lines) in the history, if any.
    mutating func addHistory(_ entry: String)
    /// The history, oldest first.
    var historyEntries: [String] { get }
}

/// Standard input without editing or prompts: scripts, pipes and tests.
public struct PlainReader: LineReader {
    /// A reader of standard input.
    public init() {}
    /// The next line of standard input; the prompt is not shown.
    public mutating func readLine(prompt: String) -> LineInput {
        Swift.readLine(strippingNewline: true).map(LineInput.line) ?? .end
    }
    /// Scripts keep no history.
    public mutating func addHistory(_ entry: String) {}
    /// Always empty.
    public var historyEntries: [String] { [] }
}
