/// Prints an AST back as query text in canonical form (aliases replaced, operands of compound
/// expressions parenthesised). Parsing the printed text gives the same AST up to spans.
public enum ASTPrinter {
    /// A whole script, one statement per line.
    public static func print(_ script: Script) -> String {
        script.statements.map(print).joined(separator: "\n")
    }

    /// One statement.
    public static func print(_ statement: Statement) -> String {
        switch statement.kind {
        case .query(let q): return print(q)
        case .binding(let name, let q): return "let \(name.name) = \(print(q))"
        }
    }

    /// One query on one line.
    public static func print(_ query: Query) -> String {
        if let seq = query.sequence { return printSequence(query, seq) } // analysis: sequence hook
        var out = query.collection.name
        if let f = query.filter { out += " where " + print(f) }
        for stage in query.stages { out += " | " + print(stage.kind) }
        return out
    }

    /// One stage in canonical form (`head 3` prints as `take 3`).
    public static func print(_ stage: StageKind) -> String {
        switch stage {
        case .filter(let e): return "where " + print(e)
        case .sort(let keys):
            return "sort " + keys.map { print($0.expr) + ($0.descending ? " desc" : " asc") }.joined(separator: ", ")
        case .take(let n, _): return "take \(n)"
        case .show(let items): return "show " + named(items)
        case .count(let by): return by.isEmpty ? "count" : "count by " + named(by)
        case .aggregate(let f, let e, let by):
            return "\(f.rawValue) \(print(e))" + (by.isEmpty ? "" : " by " + named(by))
        case .distinct(let items): return "distinct " + named(items)
        case .timeline(let unit): return unit.map { "timeline by \($0.name)" } ?? "timeline"
        case .why: return "why"
        }
    }

    static func named(_ items: [NamedExpr]) -> String {
        items.map { item in
            print(item.expr) + (item.alias.map { " as " + quoteIfNeeded($0.name) } ?? "")
        }.joined(separator: ", ")
    }

    static func quoteIfNeeded(_ name: String) -> String {
        let simple = name.first.map { $0.isLetter || $0 == "_" } == true
            && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
            && !Keywords.reserved.contains(name.lowercased())
        return simple ? name : quote(name)
    }

    /// A string literal that reads back as `text`.
    public static func quote(_ text: String) -> String {
        var out = "\""
        for ch in text {
            switch ch {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.append(ch)
            }
        }
        return out + "\""
    }

    /// An expression; compound operands are parenthesised so precedence never matters.
    public static func print(_ expr: Expr) -> String {
        switch expr.kind {
        case .number(let t), .date(let t): return t
        case .string(let s): return quote(s)
        case .duration(let n, let u): return "\(n)\(u.rawValue)"
        case .bool(let b): return b ? "true" : "false"
        case .today: return "today"
        case .name(let n): return n
        case .unary(.not, let e): return "not " + operand(e)
        case .unary(.negate, let e): return "-" + operand(e)
        case .binary(let op, let l, let r): return "\(operand(l)) \(op.rawValue) \(operand(r))"
        case .inList(let e, let items): return "\(operand(e)) in (\(items.map(print).joined(separator: ", ")))"
        case .between(let e, let a, let b): return "\(operand(e)) between \(operand(a)) and \(operand(b))"
        case .isMissing(let e, let negated): return "\(operand(e)) is \(negated ? "not " : "")missing"
        case .call(let f, let args): return "\(f.name)(\(args.map(print).joined(separator: ", ")))"
        }
    }

    static func operand(_ e: Expr) -> String {
        switch e.kind {
        case .unary, .binary, .inList, .between, .isMissing: return "(" + print(e) + ")"
        default: return print(e)
        }
    }
}

/// A canonical S-expression dump of the AST (no spans), used by `.ast` and as the parser's test
/// oracle: `(query releases (where (> date 2025-09)) (take 3))`.
public enum ASTDump {
    /// One line per statement.
    public static func dump(_ script: Script) -> String {
        script.statements.map(dump).joined(separator: "\n")
    }

    /// `(query ...)` or `(let NAME (query ...))`.
    public static func dump(_ statement: Statement) -> String {
        switch statement.kind {
        case .query(let q): return dump(q)
        case .binding(let name, let q): return "(let \(name.name) \(dump(q)))"
        }
    }

    /// `(query COLLECTION STAGE...)`.
    public static func dump(_ query: Query) -> String {
        if let seq = query.sequence { return dumpSequence(query, seq) } // analysis: sequence hook
        var parts = ["query", query.collection.name]
        if let f = query.filter { parts.append("(where \(dump(f)))") }
        for s in query.stages { parts.append(dump(s.kind)) }
        return "(" + parts.joined(separator: " ") + ")"
    }

    /// `(where ...)`, `(sort (KEY asc) ...)`, `(take N)`, ...
    public static func dump(_ stage: StageKind) -> String {
        switch stage {
        case .filter(let e): return "(where \(dump(e)))"
        case .sort(let keys): return "(sort " + keys.map { "(\(dump($0.expr)) \($0.descending ? "desc" : "asc"))" }.joined(separator: " ") + ")"
        case .take(let n, _): return "(take \(n))"
        case .show(let items): return "(show" + named(items) + ")"
        case .count(let by): return by.isEmpty ? "(count)" : "(count by" + named(by) + ")"
        case .aggregate(let f, let e, let by): return "(\(f.rawValue) \(dump(e))" + (by.isEmpty ? "" : " by" + named(by)) + ")"
        case .distinct(let items): return "(distinct" + named(items) + ")"
        case .timeline(let unit): return unit.map { "(timeline \($0.name.lowercased()))" } ?? "(timeline)"
        case .why: return "(why)"
        }
    }

    static func named(_ items: [NamedExpr]) -> String {
        items.map { " " + dump($0.expr) + ($0.alias.map { " as \(ASTPrinter.quote($0.name))" } ?? "") }.joined()
    }

    /// Prefix form: `(> date #2025-09)`; dates are marked with `#` to tell them from arithmetic.
    public static func dump(_ e: Expr) -> String {
        switch e.kind {
        case .number(let t): return t
        case .date(let t): return "#\(t)"
        case .string(let s): return ASTPrinter.quote(s)
        case .duration(let n, let u): return "\(n)\(u.rawValue)"
        case .bool(let b): return b ? "true" : "false"
        case .today: return "today"
        case .name(let n): return n
        case .unary(let op, let x): return "(\(op.rawValue) \(dump(x)))"
        case .binary(let op, let l, let r): return "(\(op.rawValue) \(dump(l)) \(dump(r)))"
        case .inList(let x, let items): return "(in \(dump(x))" + items.map { " " + dump($0) }.joined() + ")"
        case .between(let x, let a, let b): return "(between \(dump(x)) \(dump(a)) \(dump(b)))"
        case .isMissing(let x, let negated): return "(\(negated ? "is-not-missing" : "is-missing") \(dump(x)))"
        case .call(let f, let args): return "(call \(f.name)" + args.map { " " + dump($0) }.joined() + ")"
        }
    }
}

/// A dump of the tokens, one per line with byte spans, for `.tokens`.
public enum TokenDump {
    /// `START..<END KIND "TEXT"` per token.
    public static func dump(_ text: String) -> String {
        Lexer().lex(text).tokens.map { t in
            let shown = t.kind == .newline ? "\\n" : t.text
            return "\(t.span.start)..<\(t.span.end) \(t.kind.rawValue) \(ASTPrinter.quote(shown))"
        }.joined(separator: "\n")
    }
}
