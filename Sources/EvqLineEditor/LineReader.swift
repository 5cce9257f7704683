/// Reads one line of input with a prompt. `nil` means end of input (Ctrl-D).
public protocol LineReader {
    mutating func readLine(prompt: String) -> String?
}

/// Standard input without editing: scripts, pipes and tests.
public struct PlainReader: LineReader {
    public init() {}
    public mutating func readLine(prompt: String) -> String? {
        Swift.readLine(strippingNewline: true)
    }
}
