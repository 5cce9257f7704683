import EvqDiagnostics

/// `sequence [by FIELD] [within DURATION] [QUERY] [QUERY] ...`: ordered chains of events, one
/// event per bracketed step (see docs/LANGUAGE.md, "Sequences").
public struct SequenceSpec: Sendable, Hashable {
    /// The word `sequence` as written (diagnostics point at it).
    public var keyword: Ident
    /// `by FIELD`: the steps must share a value of this field.
    public var by: Expr?
    /// `within DURATION`: the whole chain must certainly fit in it.
    public var within: Expr?
    /// The step queries, in order.
    public var steps: [Query]
    public init(keyword: Ident, by: Expr?, within: Expr?, steps: [Query]) {
        self.keyword = keyword
        self.by = by
        self.within = within
        self.steps = steps
    }
}

extension Parser {
    /// Most steps a sequence may have; chains grow combinatorially with it.
    public static let maxSequenceSteps = 8

    /// True when the tokens at the cursor start a sequence (`sequence` followed by `[`, `by` or
    /// `within`), so a `let`-bound name `sequence` still works as a collection.
    func startsSequence() -> Bool {
        guard isWord(peek, "sequence") else { return false }
        let next = peekNext
        return isSymbol(next, "[") || isWord(next, "by") || isWord(next, "within")
    }

    /// Parses a sequence and its trailing stages into a `Query` whose `sequence` is set.
    mutating func sequenceQuery() throws(Failure) -> Query {
        let word = advance()
        let keyword = Ident(word.text, span: word.span)
        var by: Expr?
        var within: Expr?
        if accept(word: "by") != nil {
            let field = peek
            guard field.kind == .identifier else {
                throw fail("expected a field after `by`, found \(describe(field))", at: field,
                           help: "e.g. `sequence by actors within 7d [meetings] [releases]`")
            }
            advance()
            by = Expr(.name(field.text), span: field.span)
        }
        if accept(word: "within") != nil {
            let d = peek
            guard d.kind == .duration, let (n, unit) = Parser.durationParts(d.text) else {
                throw fail("expected a duration after `within` (7d, 2w, 3m, 1y), found \(describe(d))", at: d,
                           incomplete: d.kind == .eof ? "a duration" : nil)
            }
            advance()
            within = Expr(.duration(n, unit), span: d.span)
        }
        var steps: [Query] = []
        while nextIsStep() {
            let open = advance()
            parenDepth += 1
            if isSymbol(peek, "]") {
                throw fail("a step needs a query, e.g. `[releases]`", at: peek)
            }
            if startsSequence() {
                throw fail("a sequence step cannot be another sequence", at: peek)
            }
            let q = try query()
            guard isSymbol(peek, "]") else {
                throw fail("expected `]` to close the step opened at `[`, found \(describe(peek))", at: peek,
                           incomplete: peek.kind == .eof ? "`]`" : nil)
            }
            advance()  // inside the bracket still, so a line break before `]` is skipped
            parenDepth -= 1
            _ = open
            steps.append(q)
            if steps.count > Parser.maxSequenceSteps {
                throw fail("a sequence has at most \(Parser.maxSequenceSteps) steps", at: previous)
            }
        }
        if steps.count < 2 {
            throw fail("a sequence needs at least two steps in brackets, found \(describe(peek))", at: peek,
                       help: "e.g. `sequence within 7d [meetings] [releases]`",
                       incomplete: peek.kind == .eof ? "a step in brackets" : nil)
        }
        var stages: [Stage] = []
        while nextIsPipe() {
            let pipe = advance()
            skipNewlines()
            stages.append(try stage(after: pipe))
        }
        let end = stages.last?.span ?? previous.span
        var q = Query(collection: keyword, filter: nil, stages: stages, span: word.span.union(end))
        q.sequence = SequenceSpec(keyword: keyword, by: by, within: within, steps: steps)
        return q
    }

    /// True when the next meaningful token, possibly on a later line, is `[`: steps may be
    /// written one per line (no statement starts with `[`, so this is never ambiguous).
    mutating func nextIsStep() -> Bool {
        var i = pos
        while tokens[i].kind == .newline { i += 1 }
        if isSymbol(tokens[i], "[") {
            pos = i
            return true
        }
        return false
    }

    /// `7d` -> (7, .day); nil when the number does not fit.
    static func durationParts(_ text: String) -> (Int, DurationUnit)? {
        guard let last = text.last, let unit = DurationUnit(rawValue: String(last).lowercased()),
              let n = Int(text.dropLast()) else { return nil }
        return (n, unit)
    }
}

extension ASTPrinter {
    /// `sequence by F within D [Q] [Q] | stages` on one line.
    static func printSequence(_ query: Query, _ seq: SequenceSpec) -> String {
        var out = "sequence"
        if let by = seq.by { out += " by " + print(by) }
        if let w = seq.within { out += " within " + print(w) }
        for step in seq.steps { out += " [" + print(step) + "]" }
        for stage in query.stages { out += " | " + print(stage.kind) }
        return out
    }
}

extension ASTDump {
    /// `(sequence (by F) (within D) (query ...) ... STAGE...)`.
    static func dumpSequence(_ query: Query, _ seq: SequenceSpec) -> String {
        var parts = ["sequence"]
        if let by = seq.by { parts.append("(by \(dump(by)))") }
        if let w = seq.within { parts.append("(within \(dump(w)))") }
        for step in seq.steps { parts.append(dump(step)) }
        for s in query.stages { parts.append(dump(s.kind)) }
        return "(" + parts.joined(separator: " ") + ")"
    }
}
