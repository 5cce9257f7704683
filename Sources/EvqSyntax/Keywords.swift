/// The words the parser gives meaning to. The catalog in EvqSema adds summaries and examples.
public enum Keywords {
    /// Canonical stage names, in documentation order.
    public static let stages = ["where", "sort", "take", "show", "count", "sum", "avg", "min", "max",
                                "distinct", "timeline", "why"]
    /// Habits from other query languages, mapped to the canonical stage (`order` must be
    /// followed by `by`).
    public static let stageAliases: [(alias: String, canonical: String)] = [
        ("filter", "where"), ("head", "take"), ("limit", "take"), ("select", "show"), ("project", "show"),
        ("order", "sort"),
    ]
    /// Words that cannot be used as field names inside expressions.
    public static let reserved: Set<String> = ["and", "or", "not", "in", "between", "is", "contains", "as",
                                               "by", "asc", "desc", "where", "let", "missing"]
    /// Every keyword, sorted (for completion).
    public static let all: [String] = Array(Set(stages + stageAliases.map(\.alias) + reserved
        + ["true", "false", "today", "day", "week", "month", "year"])).sorted()

    /// The canonical stage for a word as typed (case-insensitive), or nil.
    public static func canonicalStage(_ word: String) -> String? {
        let w = word.lowercased()
        if stages.contains(w) { return w }
        return stageAliases.first { $0.alias == w }?.canonical
    }
}
