/// A named piece of text that spans point into: a query typed at the prompt, a script, or an article.
///
/// Positions are UTF-8 byte offsets. Line and column are computed only when a diagnostic is
/// rendered, from a line-start table built once per file.
public struct SourceFile: Sendable, Hashable {
    /// What the renderer prints before `:line:col` (a path, or `<stdin>`, `<command line>`).
    public let name: String
    /// The full text.
    public let text: String
    /// Byte offset of the first byte of every line; `lineStarts[0] == 0`.
    public let lineStarts: [Int]

    public init(name: String, text: String) {
        self.name = name
        self.text = text
        var starts = [0]
        var offset = 0
        for byte in text.utf8 {
            offset += 1
            if byte == UInt8(ascii: "\n") { starts.append(offset) }
        }
        self.lineStarts = starts
    }

    /// The UTF-8 length of the text.
    public var byteCount: Int { text.utf8.count }

    /// 1-based line and column (column counted in characters, not bytes) of a byte offset.
    public func location(of offset: Int) -> (line: Int, column: Int) {
        let clamped = max(0, min(offset, byteCount))
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= clamped { low = mid } else { high = mid - 1 }
        }
        let lineStart = lineStarts[low]
        let prefix = slice(lineStart..<clamped)
        return (low + 1, prefix.count + 1)
    }

    /// The text of 1-based line `line`, without its line terminator.
    public func lineText(_ line: Int) -> String {
        guard line >= 1, line <= lineStarts.count else { return "" }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] : byteCount
        let bytes = Array(text.utf8)
        while end > start, bytes[end - 1] == UInt8(ascii: "\n") || bytes[end - 1] == UInt8(ascii: "\r") {
            end -= 1
        }
        return slice(start..<end)
    }

    /// The text of a byte range, clamped to the file; invalid UTF-8 cuts are repaired.
    public func slice(_ range: Range<Int>) -> String {
        let utf8 = text.utf8
        let lower = max(0, min(range.lowerBound, byteCount))
        let upper = max(lower, min(range.upperBound, byteCount))
        let start = utf8.index(utf8.startIndex, offsetBy: lower)
        let end = utf8.index(start, offsetBy: upper - lower)
        return String(decoding: utf8[start..<end], as: UTF8.self)
    }
}

/// A byte range in one source file.
public struct SourceSpan: Sendable, Hashable, Codable {
    public var start: Int
    public var end: Int

    public init(_ start: Int, _ end: Int) {
        self.start = start
        self.end = max(start, end)
    }

    public init(_ range: Range<Int>) { self.init(range.lowerBound, range.upperBound) }

    public var range: Range<Int> { start..<end }
    public var isEmpty: Bool { start == end }

    /// The smallest span covering both.
    public func union(_ other: SourceSpan) -> SourceSpan {
        SourceSpan(min(start, other.start), max(end, other.end))
    }
}
