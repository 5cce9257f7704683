/// A failure to import an event set: the file, the 1-based line of the record (0 when the
/// problem concerns the whole file) and what was wrong. Rendered as `file:LINE: message`.
public struct ImportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file name as given by the caller.
    public var file: String
    /// 1-based line number of the offending record, or 0 for whole-file problems.
    public var line: Int
    /// What was wrong, in words ("missing field `type`").
    public var message: String

    /// Creates an error for `file` at `line`.
    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `file:LINE: message`, or `file: message` for whole-file problems.
    public var description: String { line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)" }
}

/// A problem found by the byte-level scanners, at a byte offset into the buffer being read.
/// The importer turns it into an `ImportError` with a line number.
struct ScanError: Error {
    var message: String
    var offset: Int
}
