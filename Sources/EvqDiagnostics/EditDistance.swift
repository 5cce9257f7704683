/// Did-you-mean support shared by the checker, the shell and the extractor's name matching.
public enum Suggest {
    /// Edit distance over lowercased characters where swapping two adjacent characters counts
    /// as one edit (optimal string alignment), because `tkae` is one slip from `take`.
    public static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.lowercased())
        let y = Array(b.lowercased())
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in 0...x.count { d[i][0] = i }
        for j in 0...y.count { d[0][j] = j }
        for i in 1...x.count {
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[x.count][y.count]
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
