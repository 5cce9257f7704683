import EvqDiagnostics

/// A meta command line split into words, each with its byte span in the line's source file,
/// so argument errors can point at the word with a caret.
public struct MetaLine {
    /// One word; quotes ("a b" or 'a b') group words and are removed.
    public struct Word: Sendable, Hashable {
        /// The word without its quotes.
        public var text: String
        /// Where it stands in the line, quotes included.
        public var span: SourceSpan
    }

    /// The source the line belongs to (a script, `<input>`, ...), for rendering diagnostics.
    public var file: SourceFile
    /// The command name with its dot, as typed.
    public var name: Word
    /// The words after the name.
    public var arguments: [Word]
    /// Everything after the name, unsplit (for `.explain QUERY`), and where it starts.
    public var rest: String
    /// The byte offset where `rest` starts.
    public var restStart: Int

    /// Splits the line that starts at byte `offset` of `file` and runs to the end of the file.
    public init(file: SourceFile, offset: Int) {
        self.file = file
        let bytes = Array(file.text.utf8)
        var words: [Word] = []
        var i = offset
        while i < bytes.count {
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
            guard i < bytes.count else { break }
            let start = i
            var text: [UInt8] = []
            if bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") {
                let quote = bytes[i]
                i += 1
                while i < bytes.count, bytes[i] != quote { text.append(bytes[i]); i += 1 }
                if i < bytes.count { i += 1 }
            } else {
                while i < bytes.count, ![0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { text.append(bytes[i]); i += 1 }
            }
            words.append(Word(text: String(decoding: text, as: UTF8.self), span: SourceSpan(start, i)))
        }
        name = words.first ?? Word(text: ".", span: SourceSpan(offset, offset + 1))
        arguments = Array(words.dropFirst())
        var restStart = name.span.end
        while restStart < bytes.count, bytes[restStart] == 0x20 || bytes[restStart] == 0x09 { restStart += 1 }
        self.restStart = restStart
        var rest = file.slice(restStart..<bytes.count)
        while let last = rest.last, last.isWhitespace { rest.removeLast() }
        self.rest = rest
    }

    /// The span just after the last word: where a missing argument would go.
    public var endSpan: SourceSpan {
        let end = (arguments.last ?? name).span.end
        return SourceSpan(end, end + 1)
    }
}
