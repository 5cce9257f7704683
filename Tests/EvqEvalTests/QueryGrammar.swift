/// Random query text from the grammar, well-formed syntactically (not necessarily well typed),
/// for round-trip and robustness tests.
enum QueryGrammar {
    static let collections = ["events", "releases", "totals", "unconfirmed", "documents", "actors", "places", "pardon", "sanctions", "Meetings"]
    static let fields = ["date", "count", "type", "status", "actors", "places", "sources", "id", "total", "name", "title", "events", "summary"]
    static let stageWords = ["where", "filter", "sort", "order by", "take", "head", "limit", "show", "select", "count", "sum", "avg",
                             "min", "max", "distinct", "timeline", "why"]

    static func query(_ r: inout SplitMix) -> String {
        var out = r.chance(0.1) ? "let v\(r.int(0...9)) = " : ""
        out += r.pick(collections)
        if r.chance(0.5) { out += " where " + expr(&r, 0) }
        for _ in 0..<r.int(0...3) { out += " | " + stage(&r) }
        return out
    }

    static func stage(_ r: inout SplitMix) -> String {
        switch r.pick(stageWords) {
        case "where", "filter": return r.pick(["where ", "filter "]) + expr(&r, 0)
        case "sort", "order by":
            return r.pick(["sort ", "sort by ", "order by "]) + (0..<r.int(1...2)).map { _ in expr(&r, 2) + r.pick(["", " asc", " desc"]) }.joined(separator: ", ")
        case "take", "head", "limit": return r.pick(["take", "head", "limit"]) + " \(r.int(0...20))"
        case "show", "select": return r.pick(["show ", "select ", "project "]) + named(&r)
        case "count": return r.chance(0.5) ? "count" : "count by " + named(&r)
        case "sum", "avg", "min", "max": return r.pick(["sum", "avg", "min", "max"]) + " " + expr(&r, 2) + (r.chance(0.5) ? " by " + named(&r) : "")
        case "distinct": return "distinct " + named(&r)
        case "timeline": return r.chance(0.5) ? "timeline" : "timeline by " + r.pick(["day", "week", "month", "year"])
        default: return "why"
        }
    }

    static func named(_ r: inout SplitMix) -> String {
        (0..<r.int(1...2)).map { _ in expr(&r, 2) + (r.chance(0.3) ? " as " + r.pick(["n", "\"a b\"", "x1"]) : "") }.joined(separator: ", ")
    }

    static func literal(_ r: inout SplitMix) -> String {
        switch r.int(0...8) {
        case 0: return String(r.int(0...500))
        case 1: return "\(r.int(2024...2026))-\(r.pick(["01", "09", "12"]))"
        case 2: return "\(r.int(2024...2026))-\(r.pick(["02", "09", "12"]))-\(r.pick(["01", "13", "28"]))"
        case 3: return "\(r.int(1...9))\(r.pick(["d", "w", "m", "y"]))"
        case 4: return r.pick(["\"Coale\"", "'minsk'", "\"a \\\"q\\\" b\"", "\"\"", "\"Białacki\""])
        case 5: return r.pick(["today", "true", "false"])
        case 6: return r.pick(["pardon", "release", "occurred"])
        case 7: return "\(r.int(0...99)).\(r.int(0...9))"
        default: return String(r.int(2024...2026))
        }
    }

    static func expr(_ r: inout SplitMix, _ level: Int) -> String {
        if level > 4 || r.chance(0.3) { return r.chance(0.5) ? r.pick(fields) : literal(&r) }
        switch r.int(0...12) {
        case 0: return expr(&r, level + 1) + " and " + expr(&r, level + 1)
        case 1: return expr(&r, level + 1) + " or " + expr(&r, level + 1)
        case 2: return "not " + expr(&r, level + 1)
        case 3: return r.pick(fields) + " " + r.pick(["=", "!=", "<", "<=", ">", ">=", "=="]) + " " + literal(&r)
        case 4: return r.pick(fields) + r.pick([" contains ", " not contains ", " ~ "]) + literal(&r)
        case 5: return r.pick(fields) + r.pick([" in (", " not in ("]) + (0..<r.int(0...3)).map { _ in literal(&r) }.joined(separator: ", ") + ")"
        case 6: return r.pick(fields) + " between " + literal(&r) + " and " + literal(&r)
        case 7: return r.pick(fields) + r.pick([" is missing", " is not missing"])
        case 8: return "(" + expr(&r, level + 1) + ")"
        case 9: return "(" + expr(&r, level + 1) + ") " + r.pick(["+", "-", "*", "/", "%"]) + " (" + expr(&r, level + 1) + ")"
        case 10: return r.pick(["year", "month", "week", "day", "weekday", "lower", "upper", "len", "coalesce", "abs", "round"]) + "(" + (0..<r.int(1...2)).map { _ in expr(&r, level + 1) }.joined(separator: ", ") + ")"
        case 11: return "-(" + expr(&r, level + 2) + ")"
        default: return expr(&r, level + 1)
        }
    }
}
