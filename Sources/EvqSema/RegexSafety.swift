import EvqDiagnostics

/// Regular expressions are user input: compile them once, and refuse the shapes that make a
/// backtracking engine take exponential time (a repeated group that itself repeats, `(a+)+`).
/// Matching is further bounded by `maxSubjectLength` in the evaluator.
public enum RegexSafety {
    /// Texts longer than this are matched on their first `maxSubjectLength` characters.
    public static let maxSubjectLength = 1_000
    /// Longest accepted pattern, in characters.
    public static let maxPatternLength = 500

    /// Compiles a case-insensitive regex or explains, at `span`, why the pattern is refused.
    public static func compile(_ pattern: String, at span: SourceSpan) throws(CheckFailure) -> CompiledRegex {
        guard pattern.count <= maxPatternLength else {
            throw CheckFailure(.error("regular expression is too long (more than \(maxPatternLength) characters)", at: span))
        }
        if unboundedRepetitions(pattern) > 2 {
            throw CheckFailure(.error("regular expression has more than 2 unbounded repetitions (`*`, `+`), which can be very slow",
                                      at: span, help: "`~` finds a match anywhere, so a leading or trailing `.*` is not needed"))
        }
        if largestRepeatCount(pattern) > 1_000 {
            throw CheckFailure(.error("regular expression repeats more than 1000 times (`{n}` with n > 1000)", at: span))
        }
        if hasNestedRepetition(pattern) {
            throw CheckFailure(.error("regular expression repeats a group that already repeats, which can take exponential time",
                                      at: span, help: "rewrite `(x+)+` as `x+`"))
        }
        do {
            let regex = try Regex(pattern).ignoresCase()
            return CompiledRegex(pattern: pattern, regex: regex)
        } catch {
            throw CheckFailure(.error("invalid regular expression: \(escapeControls(String(describing: error)))", at: span))
        }
    }

    /// How many `*`, `+` and `{n,}` the pattern has outside character classes.
    static func unboundedRepetitions(_ pattern: String) -> Int {
        let chars = Array(pattern)
        var i = 0, n = 0
        while i < chars.count {
            switch chars[i] {
            case "\\": i += 1
            case "[": while i < chars.count, chars[i] != "]" { i += chars[i] == "\\" ? 2 : 1 }
            case "*", "+": n += 1
            case ",": if i + 1 < chars.count, chars[i + 1] == "}" { n += 1 }
            default: break
            }
            i += 1
        }
        return n
    }

    /// The largest number written inside `{...}`.
    static func largestRepeatCount(_ pattern: String) -> Int {
        var largest = 0, current: Int?
        var inBraces = false
        for c in pattern {
            if c == "{" { inBraces = true; current = 0; continue }
            if c == "}" { inBraces = false; continue }
            guard inBraces else { continue }
            if let d = c.wholeNumberValue {
                current = min(1_000_000, (current ?? 0) * 10 + d)
                largest = max(largest, current ?? 0)
            } else {
                current = 0
            }
        }
        return largest
    }

    /// True when a parenthesised group containing a quantifier is itself followed by a
    /// quantifier (`+`, `*`, `{`), or when backreferences are used.
    static func hasNestedRepetition(_ pattern: String) -> Bool {
        var stack: [Bool] = []  // per open group: does it contain a quantifier?
        var chars = Array(pattern)
        var i = 0
        var lastClosedHadQuantifier = false
        while i < chars.count {
            let c = chars[i]
            switch c {
            case "\\":
                if i + 1 < chars.count, chars[i + 1].isNumber { return true }
                i += 2
                lastClosedHadQuantifier = false
                continue
            case "[":
                // Skip a character class.
                i += 1
                while i < chars.count, chars[i] != "]" { i += chars[i] == "\\" ? 2 : 1 }
                lastClosedHadQuantifier = false
            case "|":
                // Alternatives inside a repeated group can overlap ((a|aa)+), as bad as nesting.
                if !stack.isEmpty { stack[stack.count - 1] = true }
                lastClosedHadQuantifier = false
            case "(":
                stack.append(false)
                lastClosedHadQuantifier = false
            case ")":
                lastClosedHadQuantifier = stack.popLast() ?? false
                if lastClosedHadQuantifier, !stack.isEmpty { stack[stack.count - 1] = true }
            case "+", "*", "{", "?":
                if lastClosedHadQuantifier && c != "?" { return true }
                // Even an optional part makes a repeated group ambiguous: `(a?){25}`.
                if !stack.isEmpty { stack[stack.count - 1] = true }
                lastClosedHadQuantifier = false
            default:
                lastClosedHadQuantifier = false
            }
            i += 1
        }
        chars.removeAll()
        return false
    }
}
