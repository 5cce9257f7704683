import EvqDiagnostics

/// A lexical token of the query language, with its byte span in the source.
public struct Token: Sendable, Hashable {
    public var kind: TokenKind
    public var text: String
    public var span: SourceSpan
    public init(kind: TokenKind, text: String, span: SourceSpan) {
        self.kind = kind
        self.text = text
        self.span = span
    }
}

public enum TokenKind: String, Sendable, Hashable {
    case identifier, number, string, date, duration, symbol, newline, eof
}
