/// The expected or actual output of an example script: each statement echoed with the prompt
/// (`evq> `, continuation lines `...> `), then what it printed.
public struct Transcript: Sendable, Equatable {
    public struct Block: Sendable, Equatable {
        /// The echoed statement lines, prompts included.
        public var echo: [String]
        /// What the statement printed (stdout and diagnostics, in order).
        public var output: [String]
    }

    public var blocks: [Block]

    public init(blocks: [Block]) { self.blocks = blocks }

    /// Splits transcript text back into blocks at every line starting with the prompt.
    public init(parsing text: String) {
        var blocks: [Block] = []
        for line in Transcript.lines(text) {
            if line.hasPrefix(Transcript.prompt) {
                blocks.append(Block(echo: [line], output: []))
            } else if line.hasPrefix(Transcript.continuation), var last = blocks.popLast(), last.output.isEmpty {
                last.echo.append(line)
                blocks.append(last)
            } else if var last = blocks.popLast() {
                last.output.append(line)
                blocks.append(last)
            } else {
                blocks.append(Block(echo: [], output: [line]))
            }
        }
        self.blocks = blocks
    }

    public static let prompt = "evq> "
    public static let continuation = "...> "

    /// The echo of a statement as the shell would show it.
    public static func echo(_ statement: String) -> [String] {
        statement.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map {
            ($0.offset == 0 ? prompt : continuation) + $0.element
        }
    }

    public var text: String {
        blocks.flatMap { $0.echo + $0.output }.map { $0 + "\n" }.joined()
    }

    /// The same transcript with the output of the given blocks sorted (rowsort).
    public func sortingOutput(ofBlocks indices: Set<Int>) -> Transcript {
        Transcript(blocks: blocks.enumerated().map { i, b in
            indices.contains(i) ? Block(echo: b.echo, output: b.output.sorted()) : b
        })
    }

    static func lines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}
