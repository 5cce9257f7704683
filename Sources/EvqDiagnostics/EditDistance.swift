/// Did-you-mean support shared by the checker, the shell and the extractor's name matching.
public enum Suggest {
    /// Damerau-free Levenshtein distance over lowercased characters.
    public static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.lowercased())
        let y = Array(b.lowercased())
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }

    /// The candidate nearest to `word`, if it is close enough to be a plausible typo
    /// (at most a third of the word's length, and at most 3 edits). Ties go to the earlier candidate.
    public static func nearest(_ word: String, in candidates: [String]) -> String? {
        let limit = min(3, max(1, word.count / 3))
        var best: (String, Int)?
        for candidate in candidates {
            let d = distance(word, candidate)
            if d <= limit, best == nil || d < best!.1 { best = (candidate, d) }
        }
        if best == nil {
            // A prefix is a good guess too: `rel` -> `releases`.
            let lower = word.lowercased()
            if lower.count >= 3, let hit = candidates.first(where: { $0.lowercased().hasPrefix(lower) }) {
                return hit
            }
        }
        return best?.0
    }
}
