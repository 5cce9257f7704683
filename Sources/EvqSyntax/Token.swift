import EvqDiagnostics

/// A lexical token of the query language, with its byte span in the source.
public struct Token: Sendable, Hashable {
    public var kind: TokenKind
    /// The token's text as written (for strings: the decoded contents, without quotes).
    public var text: String
    public var span: SourceSpan
    public init(kind: TokenKind, text: String, span: SourceSpan) {
        self.kind = kind
        self.text = text
        self.span = span
    }
}

/// What kind of token. Keywords are identifiers; the parser matches them case-insensitively.
public enum TokenKind: String, Sendable, Hashable {
    /// A name or keyword: `releases`, `where`, `date`, `Lukashenko`.
    case identifier
    /// `50`, `3.5`. A four-digit number may be read as a year where a date is expected.
    case number
    /// `"Coale"` or `'Coale'`; `text` holds the contents with escapes decoded.
    case string
    /// `2025-09`, `2025-09-11`, written without spaces.
    case date
    /// `7d`, `2w`, `3m`, `1y`.
    case duration
    /// Punctuation and operators: `| ( ) [ ] , ; = != < <= > >= + - * / % ~`.
    case symbol
    /// A line break: it ends a statement unless the statement is visibly unfinished.
    case newline
    /// End of input.
    case eof
    /// A character or literal the lexer could not read; the lexer reports a diagnostic for it.
    case invalid
}
