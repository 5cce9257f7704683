import EvqDiagnostics

/// The parser's verdict on a whole input.
public enum ParseResult: Sendable {
    /// Every statement parsed.
    case complete(Script)
    /// The text is an unfinished statement (trailing `|`, open bracket or quote); `expecting`
    /// says what would continue it. A REPL reads another line.
    case incomplete(expecting: String)
    /// The text is wrong; statements before the first bad one are in `parsed`.
    case errors([Diagnostic], parsed: [Statement])
}

/// One statement or the diagnostics that stopped it, in source order.
public enum ParsedStatement: Sendable {
    case statement(Statement)
    case failed([Diagnostic], incomplete: String?)
}

/// Recursive-descent parser for statements and stages, with one function per precedence level
/// for expressions. Nesting is bounded so that no input can exhaust the stack.
public struct Parser {
    /// Deepest accepted nesting of parentheses and operators.
    public static let maxDepth = 200

    struct Failure: Error {
        var diagnostic: Diagnostic
        /// Set when the fault is only that the input ended too early.
        var incomplete: String?
    }

    var tokens: [Token]
    var pos = 0
    var parenDepth = 0
    var depth = 0
    let lexDiagnostics: [Diagnostic]
    let endsInOpenString: Bool

    public init(_ text: String) {
        let lexed = Lexer().lex(text)
        tokens = lexed.tokens
        lexDiagnostics = lexed.diagnostics
        endsInOpenString = lexed.endsInOpenString
    }

    /// Parses all statements, returning each one or its diagnostics.
    public static func statements(_ text: String) -> [ParsedStatement] {
        var p = Parser(text)
        return p.parseAll()
    }

    /// Parses a whole input into a verdict.
    public static func parse(_ text: String) -> ParseResult {
        var parsed: [Statement] = []
        for item in statements(text) {
            switch item {
            case .statement(let s): parsed.append(s)
            case .failed(let diags, let incomplete):
                if let incomplete { return .incomplete(expecting: incomplete) }
                return .errors(diags, parsed: parsed)
            }
        }
        return .complete(Script(statements: parsed))
    }

    mutating func parseAll() -> [ParsedStatement] {
        var out: [ParsedStatement] = []
        while true {
            skipSeparators()
            if peek.kind == .eof { break }
            do throws(Failure) {
                let parsed = try statement()
                if peek.kind != .eof && !isSeparator(peek) {
                    let help = peek.kind == .identifier && Keywords.canonicalStage(peek.text) != nil
                        ? "stages are separated by `|`: `... | \(escapeControls(peek.text)) ...`" : nil
                    throw fail("expected the end of the statement, found \(describe(peek))", at: peek, help: help)
                }
                out.append(.statement(parsed))
            } catch {
                let incomplete = error.incomplete
                out.append(.failed([error.diagnostic], incomplete: incomplete))
                return out
            }
        }
        return out
    }

    init(tokens: [Token]) {
        self.tokens = tokens
        lexDiagnostics = []
        endsInOpenString = false
    }

    // MARK: tokens

    /// The current token; inside brackets, line breaks are skipped.
    var peek: Token {
        var i = pos
        if parenDepth > 0 { while tokens[i].kind == .newline { i += 1 } }
        return tokens[i]
    }

    /// The token after the current one (same newline rule).
    var peekNext: Token {
        var i = pos
        if parenDepth > 0 { while tokens[i].kind == .newline { i += 1 } }
        if tokens[i].kind == .eof { return tokens[i] }
        i += 1
        if parenDepth > 0 { while tokens[i].kind == .newline { i += 1 } }
        return tokens[i]
    }

    var previous: Token { pos > 0 ? tokens[pos - 1] : tokens[0] }

    @discardableResult
    mutating func advance() -> Token {
        if parenDepth > 0 { while tokens[pos].kind == .newline { pos += 1 } }
        let t = tokens[pos]
        if t.kind != .eof { pos += 1 }
        return t
    }

    mutating func skipNewlines() {
        while tokens[pos].kind == .newline { pos += 1 }
    }

    mutating func skipSeparators() {
        while tokens[pos].kind == .newline || (tokens[pos].kind == .symbol && tokens[pos].text == ";") { pos += 1 }
    }

    func isSeparator(_ t: Token) -> Bool { t.kind == .newline || (t.kind == .symbol && t.text == ";") }

    func isSymbol(_ t: Token, _ s: String) -> Bool { t.kind == .symbol && t.text == s }
    func isWord(_ t: Token, _ w: String) -> Bool { t.kind == .identifier && t.text.lowercased() == w }

    mutating func accept(word: String) -> Token? {
        if isWord(peek, word) { return advance() }
        return nil
    }

    mutating func accept(symbol: String) -> Token? {
        if isSymbol(peek, symbol) { return advance() }
        return nil
    }

    /// True when the next meaningful token, possibly on a later line, is `|` (a query may
    /// continue on the next line with a leading pipe).
    mutating func nextIsPipe() -> Bool {
        var i = pos
        while tokens[i].kind == .newline { i += 1 }
        if isSymbol(tokens[i], "|") {
            pos = i
            return true
        }
        return false
    }

    func describe(_ t: Token) -> String {
        switch t.kind {
        case .eof: return "the end of the input"
        case .newline: return "the end of the line"
        case .string: return "\"\(escapeControls(t.text))\""
        default: return "`\(escapeControls(t.text))`"
        }
    }

    func fail(_ message: String, at token: Token, help: String? = nil, incomplete: String? = nil) -> Failure {
        if token.kind == .invalid {
            // The lexer already said what is wrong with this token; that is the better message.
            let lexed = lexDiagnostics.first { $0.span == token.span || $0.span?.start == token.span.start }
            let open = endsInOpenString && token.span.end == tokens.last?.span.start
            return Failure(diagnostic: lexed ?? .error("unexpected `\(escapeControls(token.text))`", at: token.span),
                           incomplete: open ? "a closing quote" : nil)
        }
        // Whatever went wrong, an input that merely stopped inside brackets or after `|` is unfinished.
        var unfinished = incomplete
        if token.kind == .eof {
            if parenDepth > 0 { unfinished = unfinished ?? "a closing bracket" }
        } else {
            unfinished = nil
        }
        return Failure(diagnostic: .error(message, at: token.span, help: help), incomplete: unfinished)
    }

    // MARK: statements

    mutating func statement() throws(Failure) -> Statement {
        let start = peek
        if isWord(start, "let"), isSymbol(peekNext, "=") || peekNext.kind == .eof {
            advance()
            throw fail("expected a name after `let`, found \(describe(peek))", at: peek, help: "e.g. `let big = releases where count > 100`")
        }
        if isWord(start, "let"), peekNext.kind == .identifier {
            advance()
            let nameToken = advance()
            guard accept(symbol: "=") != nil else {
                throw fail("expected `=` after `let \(escapeControls(nameToken.text))`, found \(describe(peek))", at: peek)
            }
            skipNewlines()
            let q = try query()
            return Statement(kind: .binding(name: Ident(nameToken.text, span: nameToken.span), query: q),
                             span: start.span.union(q.span))
        }
        let q = try query()
        return Statement(kind: .query(q), span: q.span)
    }

    mutating func query() throws(Failure) -> Query {
        if startsSequence() { return try sequenceQuery() } // analysis: sequence hook
        let first = peek
        guard first.kind == .identifier else {
            throw fail("expected a collection such as `events` or `releases`, found \(describe(first))", at: first)
        }
        advance()
        let collection = Ident(first.text, span: first.span)
        var filter: Expr?
        if let w = accept(word: "where") ?? accept(word: "filter") {
            skipNewlines()
            filter = try expression(after: w)
        } else if peek.kind == .identifier, Keywords.canonicalStage(peek.text) != nil {
            throw fail("expected `|` before `\(escapeControls(peek.text))`", at: peek,
                       help: "stages follow a pipe: `\(escapeControls(first.text)) | \(escapeControls(peek.text)) ...`")
        } else if peek.kind == .identifier {
            let word = peek.text
            let hint = Suggest.nearest(word, in: ["where", "filter"])
            throw fail("expected `where` or `|` after `\(escapeControls(first.text))`, found `\(escapeControls(word))`"
                       + (hint.map { "; did you mean `\($0)`?" } ?? ""), at: peek)
        }
        var stages: [Stage] = []
        while nextIsPipe() {
            let pipe = advance()
            skipNewlines()
            stages.append(try stage(after: pipe))
        }
        let end = stages.last?.span ?? filter?.span ?? collection.span
        return Query(collection: collection, filter: filter, stages: stages, span: first.span.union(end))
    }

    mutating func stage(after pipe: Token) throws(Failure) -> Stage {
        let word = peek
        guard word.kind == .identifier else {
            throw fail("expected a stage after `|`, found \(describe(word))", at: word,
                       help: "stages are " + Keywords.stages.joined(separator: ", "),
                       incomplete: word.kind == .eof ? "a stage after `|`" : nil)
        }
        guard let canonical = Keywords.canonicalStage(word.text) else {
            let names = Keywords.stages + Keywords.stageAliases.map(\.alias)
            let help = Suggest.nearest(word.text, in: names).map { "did you mean `\($0)`?" }
            throw fail("unknown stage `\(escapeControls(word.text))`" + (help.map { "; \($0)" } ?? ""), at: word,
                       help: "stages are " + Keywords.stages.joined(separator: ", "))
        }
        advance()
        let keyword = Ident(word.text, span: word.span)
        if word.text.lowercased() == "order" {
            guard accept(word: "by") != nil else { throw fail("expected `by` after `order`", at: peek) }
        }
        let kind: StageKind
        switch canonical {
        case "where":
            skipNewlines()
            kind = .filter(try expression(after: word))
        case "sort":
            _ = accept(word: "by")
            var keys: [SortKey] = []
            repeat {
                skipNewlines()
                let e = try expression(after: previous)
                var descending = false
                if accept(word: "desc") != nil { descending = true } else { _ = accept(word: "asc") }
                keys.append(SortKey(expr: e, descending: descending))
            } while accept(symbol: ",") != nil
            kind = .sort(keys)
        case "take":
            let n = peek
            guard n.kind == .number, let value = Int(n.text) else {
                throw fail("expected a whole number after `\(escapeControls(word.text))`, found \(describe(n))", at: n)
            }
            advance()
            kind = .take(value, n.span)
        case "show":
            kind = .show(try namedList(after: word))
        case "count":
            if let by = accept(word: "by") {
                kind = .count(by: try namedList(after: by))
            } else {
                kind = .count(by: [])
            }
        case "sum", "avg", "min", "max":
            let e = try expression(after: word)
            var keys: [NamedExpr] = []
            if let by = accept(word: "by") { keys = try namedList(after: by) }
            kind = .aggregate(AggregateFunction(rawValue: canonical) ?? .sum, e, by: keys)
        case "distinct":
            kind = .distinct(try namedList(after: word))
        case "timeline":
            if accept(word: "by") != nil {
                let unit = peek
                guard unit.kind == .identifier else {
                    throw fail("expected day, week, month or year after `by`, found \(describe(unit))", at: unit)
                }
                advance()
                kind = .timeline(Ident(unit.text, span: unit.span))
            } else {
                kind = .timeline(nil)
            }
        default:
            kind = .why
        }
        return Stage(kind: kind, keyword: keyword, span: word.span.union(previous.span))
    }

    mutating func namedList(after: Token) throws(Failure) -> [NamedExpr] {
        var items: [NamedExpr] = []
        var last = after
        repeat {
            skipNewlines()
            let e = try expression(after: last)
            var alias: Ident?
            if let asWord = accept(word: "as") {
                let name = peek
                guard name.kind == .identifier || name.kind == .string else {
                    throw fail("expected a column name after `as`, found \(describe(name))", at: name)
                }
                _ = asWord
                advance()
                alias = Ident(name.text, span: name.span)
            }
            items.append(NamedExpr(expr: e, alias: alias))
            last = previous
        } while accept(symbol: ",") != nil
        return items
    }

    // MARK: expressions

    mutating func nest() throws(Failure) {
        depth += 1
        if depth > Parser.maxDepth {
            throw fail("expression is nested too deeply (more than \(Parser.maxDepth) levels)", at: peek)
        }
    }

    /// Parses an expression that must follow `after` (used in "expected a value after ..." messages).
    mutating func expression(after: Token) throws(Failure) -> Expr {
        try nest()
        defer { depth -= 1 }
        return try orExpr(after: after)
    }

    mutating func orExpr(after: Token) throws(Failure) -> Expr {
        var lhs = try andExpr(after: after)
        // Each operator in a chain deepens the (left-leaning) tree, so it counts as nesting.
        var added = 0
        defer { depth -= added }
        while let op = accept(word: "or") {
            try nest()
            added += 1
            skipNewlines()
            let rhs = try andExpr(after: op)
            lhs = Expr(.binary(.or, lhs, rhs), span: lhs.span.union(rhs.span))
        }
        return lhs
    }

    mutating func andExpr(after: Token) throws(Failure) -> Expr {
        var lhs = try notExpr(after: after)
        // Each operator in a chain deepens the (left-leaning) tree, so it counts as nesting.
        var added = 0
        defer { depth -= added }
        while let op = accept(word: "and") {
            try nest()
            added += 1
            skipNewlines()
            let rhs = try notExpr(after: op)
            lhs = Expr(.binary(.and, lhs, rhs), span: lhs.span.union(rhs.span))
        }
        return lhs
    }

    mutating func notExpr(after: Token) throws(Failure) -> Expr {
        if let op = accept(word: "not") {
            try nest()
            defer { depth -= 1 }
            skipNewlines()
            let operand = try notExpr(after: op)
            return Expr(.unary(.not, operand), span: op.span.union(operand.span))
        }
        return try comparison(after: after)
    }

    mutating func comparison(after: Token) throws(Failure) -> Expr {
        let lhs = try additive(after: after)
        let t = peek
        if t.kind == .symbol, let op = comparisonOperator(t.text) {
            advance()
            skipNewlines()
            let rhs = try additive(after: t)
            return Expr(.binary(op, lhs, rhs), span: lhs.span.union(rhs.span))
        }
        guard t.kind == .identifier else { return lhs }
        // `x not in (...)`, `x not between`, `x not contains`: sugar for `not (x ...)`.
        if isWord(t, "not"), let n = Optional(peekNext), isWord(n, "in") || isWord(n, "between") || isWord(n, "contains") {
            advance()
            let inner = try postfixComparison(lhs)
            return Expr(.unary(.not, inner), span: t.span.union(inner.span))
        }
        if isWord(t, "in") || isWord(t, "between") || isWord(t, "contains") || isWord(t, "is") {
            return try postfixComparison(lhs)
        }
        return lhs
    }

    func comparisonOperator(_ text: String) -> BinaryOperator? {
        switch text {
        case "=", "==": return .eq
        case "!=", "<>": return .ne
        case "<": return .lt
        case "<=": return .le
        case ">": return .gt
        case ">=": return .ge
        case "~": return .matches
        default: return nil
        }
    }

    /// `in (...)`, `between a and b`, `contains x`, `is [not] missing` after `lhs`.
    mutating func postfixComparison(_ lhs: Expr) throws(Failure) -> Expr {
        let word = advance()
        switch word.text.lowercased() {
        case "in":
            let open = peek
            guard isSymbol(open, "(") || isSymbol(open, "[") else {
                throw fail("expected `(` after `in`, found \(describe(open))", at: open)
            }
            advance()
            let close = open.text == "(" ? ")" : "]"
            parenDepth += 1
            var items: [Expr] = []
            if !isSymbol(peek, close) {
                repeat {
                    items.append(try expression(after: previous))
                } while accept(symbol: ",") != nil
            }
            guard isSymbol(peek, close) else {
                throw fail("expected `,` or `\(close)` in the list, found \(describe(peek))", at: peek)
            }
            parenDepth -= 1
            let end = advance()
            return Expr(.inList(lhs, items), span: lhs.span.union(end.span))
        case "between":
            skipNewlines()
            let low = try additive(after: word)
            guard let and = accept(word: "and") else {
                throw fail("expected `and` in `between ... and ...`, found \(describe(peek))", at: peek)
            }
            skipNewlines()
            let high = try additive(after: and)
            return Expr(.between(lhs, low, high), span: lhs.span.union(high.span))
        case "contains":
            skipNewlines()
            let rhs = try additive(after: word)
            return Expr(.binary(.contains, lhs, rhs), span: lhs.span.union(rhs.span))
        default:  // is
            let negated = accept(word: "not") != nil
            guard let m = accept(word: "missing") else {
                throw fail("expected `missing` after `is\(negated ? " not" : "")`, found \(describe(peek))", at: peek)
            }
            return Expr(.isMissing(lhs, negated: negated), span: lhs.span.union(m.span))
        }
    }

    mutating func additive(after: Token) throws(Failure) -> Expr {
        var lhs = try multiplicative(after: after)
        var added = 0
        defer { depth -= added }
        while peek.kind == .symbol, peek.text == "+" || peek.text == "-" {
            try nest()
            added += 1
            let op = advance()
            skipNewlines()
            let rhs = try multiplicative(after: op)
            lhs = Expr(.binary(op.text == "+" ? .add : .sub, lhs, rhs), span: lhs.span.union(rhs.span))
        }
        return lhs
    }

    mutating func multiplicative(after: Token) throws(Failure) -> Expr {
        var lhs = try unary(after: after)
        var added = 0
        defer { depth -= added }
        while peek.kind == .symbol, ["*", "/", "%"].contains(peek.text) {
            try nest()
            added += 1
            let op = advance()
            skipNewlines()
            let rhs = try unary(after: op)
            let bop: BinaryOperator = op.text == "*" ? .mul : op.text == "/" ? .div : .mod
            lhs = Expr(.binary(bop, lhs, rhs), span: lhs.span.union(rhs.span))
        }
        return lhs
    }

    mutating func unary(after: Token) throws(Failure) -> Expr {
        if isSymbol(peek, "-") {
            let op = advance()
            try nest()
            defer { depth -= 1 }
            let operand = try unary(after: op)
            return Expr(.unary(.negate, operand), span: op.span.union(operand.span))
        }
        return try primary(after: after)
    }

    mutating func primary(after: Token) throws(Failure) -> Expr {
        let t = peek
        switch t.kind {
        case .number:
            advance()
            return Expr(.number(t.text), span: t.span)
        case .string:
            advance()
            return Expr(.string(t.text), span: t.span)
        case .date:
            advance()
            return Expr(.date(t.text), span: t.span)
        case .duration:
            advance()
            let unit = DurationUnit(rawValue: String(t.text.last ?? "d")) ?? .day
            guard let n = Int(t.text.dropLast()) else {
                throw fail("duration `\(t.text)` is too large", at: t)
            }
            return Expr(.duration(n, unit), span: t.span)
        case .identifier:
            let word = t.text.lowercased()
            if word == "true" || word == "false" {
                advance()
                return Expr(.bool(word == "true"), span: t.span)
            }
            if word == "today" {
                advance()
                return Expr(.today, span: t.span)
            }
            if Keywords.reserved.contains(word) {
                throw fail(expectedValue(after: after, found: t), at: t)
            }
            advance()
            if isSymbol(peek, "(") {
                let open = advance()
                parenDepth += 1
                var args: [Expr] = []
                if !isSymbol(peek, ")") {
                    repeat {
                        args.append(try expression(after: previous))
                    } while accept(symbol: ",") != nil
                }
                guard isSymbol(peek, ")") else {
                    throw fail("expected `,` or `)` to close `\(escapeControls(t.text))(`, found \(describe(peek))", at: peek,
                               help: "the call was opened here: `(` at byte \(open.span.start)")
                }
                parenDepth -= 1
                let close = advance()
                return Expr(.call(Ident(t.text, span: t.span), args), span: t.span.union(close.span))
            }
            // `attributes.women`: a dotted path names one attribute.
            if isSymbol(peek, "."), peekNext.kind == .identifier {
                advance()
                let key = advance()
                return Expr(.name(t.text + "." + key.text), span: t.span.union(key.span))
            }
            return Expr(.name(t.text), span: t.span)
        case .symbol where t.text == "(":
            advance()
            parenDepth += 1
            let inner = try expression(after: t)
            guard isSymbol(peek, ")") else {
                throw fail("expected `)` to close `(`, found \(describe(peek))", at: peek)
            }
            parenDepth -= 1
            advance()
            return inner
        default:
            throw fail(expectedValue(after: after, found: t), at: t)
        }
    }

    func expectedValue(after: Token, found: Token) -> String {
        let what = after.kind == .eof ? "expected a value" : "expected a value after `\(escapeControls(after.text))`"
        return found.kind == .eof || found.kind == .newline ? what : "\(what), found \(describe(found))"
    }
}
