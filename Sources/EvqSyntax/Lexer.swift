import EvqDiagnostics

/// What the lexer produced: the tokens (always ending in `.eof`), any diagnostics, and whether
/// the text ended inside a string (so the input is incomplete, not wrong).
public struct LexResult: Sendable {
    public var tokens: [Token]
    public var diagnostics: [Diagnostic]
    /// True when the text ended inside a quoted string.
    public var endsInOpenString: Bool
}

/// Turns query text into tokens with byte spans. Works on the UTF-8 view in one linear pass.
public struct Lexer: Sendable {
    /// Longest accepted string literal or identifier, so one huge token cannot exhaust memory
    /// in later stages (the input itself is already in memory).
    public static let maxTokenLength = 100_000

    public init() {}

    /// Tokens of `text`, ending in `.eof`; bad characters become `.invalid` tokens with a diagnostic.
    public func lex(_ text: String) -> LexResult {
        let bytes = Array(text.utf8)
        var tokens: [Token] = []
        var diagnostics: [Diagnostic] = []
        var openString = false
        var i = 0
        let n = bytes.count

        func slice(_ a: Int, _ b: Int) -> String { String(decoding: bytes[a..<b], as: UTF8.self) }
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        func isIdentStart(_ b: UInt8) -> Bool {
            (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F || b >= 0x80
        }
        func isIdentChar(_ b: UInt8) -> Bool { isIdentStart(b) || isDigit(b) }
        func digits(from j: Int) -> Int {
            var k = j
            while k < n, isDigit(bytes[k]) { k += 1 }
            return k - j
        }

        while i < n {
            let b = bytes[i]
            let start = i
            // No-break and other Unicode spaces, common in text pasted from articles, separate tokens.
            let wide = unicodeSpace(at: i)
            if wide > 0 {
                i += wide
                continue
            }
            switch b {
            case 0x20, 0x09, 0x0D, 0x0C, 0x0B:
                i += 1
            case 0x0A:
                i += 1
                tokens.append(Token(kind: .newline, text: "\n", span: SourceSpan(start, i)))
            case UInt8(ascii: "#"):
                while i < n, bytes[i] != 0x0A { i += 1 }
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                let quote = b
                i += 1
                var content: [UInt8] = []
                var closed = false
                while i < n {
                    let c = bytes[i]
                    if c == quote {
                        closed = true
                        i += 1
                        break
                    }
                    if c == UInt8(ascii: "\\"), i + 1 < n {
                        let e = bytes[i + 1]
                        switch e {
                        case UInt8(ascii: "n"): content.append(0x0A)
                        case UInt8(ascii: "t"): content.append(0x09)
                        default: content.append(e)
                        }
                        i += 2
                        continue
                    }
                    content.append(c)
                    i += 1
                }
                if !closed {
                    openString = true
                    diagnostics.append(.error("unterminated string; add a closing \(quote == 0x22 ? "`\"`" : "`'`")",
                                              at: SourceSpan(start, start + 1)))
                    tokens.append(Token(kind: .invalid, text: slice(start, i), span: SourceSpan(start, i)))
                } else if content.count > Lexer.maxTokenLength {
                    diagnostics.append(.error("string literal is too long (more than \(Lexer.maxTokenLength) bytes)",
                                              at: SourceSpan(start, start + 1)))
                    tokens.append(Token(kind: .invalid, text: "", span: SourceSpan(start, i)))
                } else {
                    tokens.append(Token(kind: .string, text: String(decoding: content, as: UTF8.self), span: SourceSpan(start, i)))
                }
            case 0x30...0x39:
                let (kind, end, problem) = number(at: i)
                i = end
                let text = slice(start, end)
                if let problem {
                    diagnostics.append(.error("`\(escapeControls(text))` \(problem)", at: SourceSpan(start, end)))
                }
                tokens.append(Token(kind: kind, text: text, span: SourceSpan(start, end)))
            case 0xE2 where typographicQuote(at: i) != nil:
                // “Coale” or ‘Coale’ pasted from an article: read as a string.
                let close = typographicQuote(at: i) ?? 0
                i += 3
                var end = i
                var closed = false
                while end < n {
                    if end + 2 < n, bytes[end] == 0xE2, bytes[end + 1] == 0x80, bytes[end + 2] == close || bytes[end + 2] == close - 1 {
                        closed = true
                        break
                    }
                    end += 1
                }
                if closed {
                    tokens.append(Token(kind: .string, text: slice(i, end), span: SourceSpan(start, end + 3)))
                    i = end + 3
                } else {
                    openString = true
                    diagnostics.append(.error("unterminated string; add a closing quote", at: SourceSpan(start, start + 3)))
                    tokens.append(Token(kind: .invalid, text: slice(start, n), span: SourceSpan(start, n)))
                    i = n
                }
            default:
                if isIdentStart(b) {
                    while i < n, isIdentChar(bytes[i]), unicodeSpace(at: i) == 0, !(bytes[i] == 0xE2 && i + 2 < n && bytes[i + 1] == 0x80
                        && [0x9C, 0x9D, 0x98, 0x99].contains(bytes[i + 2])) { i += 1 }
                    tokens.append(Token(kind: .identifier, text: slice(start, i), span: SourceSpan(start, i)))
                } else if let op = symbol(at: i) {
                    i += op.utf8.count
                    tokens.append(Token(kind: .symbol, text: op, span: SourceSpan(start, i)))
                } else {
                    // One whole character, so multi-byte input is reported as one thing.
                    i += 1
                    while i < n, bytes[i] & 0xC0 == 0x80 { i += 1 }
                    let shown = escapeControls(slice(start, i))
                    diagnostics.append(.error("unexpected character `\(shown)`", at: SourceSpan(start, i)))
                    tokens.append(Token(kind: .invalid, text: slice(start, i), span: SourceSpan(start, i)))
                }
            }
        }
        tokens.append(Token(kind: .eof, text: "", span: SourceSpan(n, n)))
        return LexResult(tokens: tokens, diagnostics: diagnostics, endsInOpenString: openString)

        /// The byte length of a Unicode space character at `j` (U+00A0, U+2000..U+200A, U+2028,
        /// U+2029, U+202F, U+205F, U+3000, U+FEFF), or 0.
        func unicodeSpace(at j: Int) -> Int {
            guard bytes[j] >= 0xC2 else { return 0 }
            if bytes[j] == 0xC2, j + 1 < n, bytes[j + 1] == 0xA0 { return 2 }
            guard j + 2 < n else { return 0 }
            let (a, b, c) = (bytes[j], bytes[j + 1], bytes[j + 2])
            if a == 0xE2, b == 0x80, (0x80...0x8A).contains(c) || c == 0xA8 || c == 0xA9 || c == 0xAF { return 3 }
            if a == 0xE2, b == 0x81, c == 0x9F { return 3 }
            if a == 0xE3, b == 0x80, c == 0x80 { return 3 }
            if a == 0xEF, b == 0xBB, c == 0xBF { return 3 }
            return 0
        }

        /// For an opening typographic quote (U+201C or U+2018) at `j`, the last byte of its
        /// closing partner (U+201D or U+2019).
        func typographicQuote(at j: Int) -> UInt8? {
            guard j + 2 < n, bytes[j] == 0xE2, bytes[j + 1] == 0x80 else { return nil }
            switch bytes[j + 2] {
            case 0x9C: return 0x9D
            case 0x98: return 0x99
            default: return nil
            }
        }

        /// A number, date or duration starting at `j`; returns its kind and end.
        func number(at j: Int) -> (TokenKind, Int, String?) {
            let whole = digits(from: j)
            var k = j + whole
            // Dates: exactly four digits, then -DD, then optionally -DD, with no spaces.
            if whole == 4, k < n, bytes[k] == UInt8(ascii: "-"), k + 1 < n, isDigit(bytes[k + 1]) {
                let m = digits(from: k + 1)
                var end = k + 1 + m
                var ok = m == 2
                if ok, end < n, bytes[end] == UInt8(ascii: "-"), end + 1 < n, isDigit(bytes[end + 1]) {
                    let d = digits(from: end + 1)
                    ok = d == 2
                    end = end + 1 + d
                }
                while end < n, isIdentChar(bytes[end]) { end += 1; ok = false }
                if ok, EventDateLiteral.parse(slice(j, end)) == nil { ok = false }
                return ok ? (.date, end, nil) : (.invalid, end, "is not a valid date; write YYYY, YYYY-MM or YYYY-MM-DD")
            }
            if k + 1 < n, bytes[k] == UInt8(ascii: "."), isDigit(bytes[k + 1]) {
                k += 1 + digits(from: k + 1)
                return (.number, k, nil)
            }
            if k < n, [UInt8(ascii: "d"), UInt8(ascii: "w"), UInt8(ascii: "m"), UInt8(ascii: "y")].contains(bytes[k]),
                k + 1 >= n || !isIdentChar(bytes[k + 1])
            {
                return (.duration, k + 1, nil)
            }
            if k < n, isIdentStart(bytes[k]) {
                // `12abc`: keep it as one bad token rather than a number followed by a name.
                var end = k
                while end < n, isIdentChar(bytes[end]) { end += 1 }
                return (.invalid, end, "is not a number, date or duration (durations are 7d, 2w, 3m, 1y)")
            }
            return (.number, k, nil)
        }

        func symbol(at j: Int) -> String? {
            let two = j + 1 < n ? slice(j, j + 2) : ""
            if ["!=", "<=", ">=", "==", "<>"].contains(two) { return two }
            let one = bytes[j]
            if "|()[],;=<>+-*/%~.".utf8.contains(one) { return String(UnicodeScalar(one)) }
            return nil
        }
    }
}

/// Date literal shapes shared by the lexer and the checker: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`.
public enum EventDateLiteral {
    /// The literal's first and last day and its precision, or nil when it is not a real date.
    public static func parse(_ text: String) -> (year: Int, month: Int?, day: Int?)? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4, let y = Int(parts[0]) else { return nil }
        guard parts.dropFirst().allSatisfy({ $0.count == 2 }) else { return nil }
        let m = parts.count > 1 ? Int(parts[1]) : nil
        let d = parts.count > 2 ? Int(parts[2]) : nil
        if let m, !(1...12).contains(m) { return nil }
        if let m, let d {
            let days = [31, (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
            if !(1...days).contains(d) { return nil }
        }
        return (y, m, d)
    }
}
