/// A line diff in unified format (`--- expected`, `+++ actual`, `@@ -a,b +c,d @@` hunks with
/// three lines of context), computed with a longest-common-subsequence table.
///
/// Quadratic in the number of lines, which is fine for transcripts (hundreds of lines); inputs
/// over 4,000 lines fall back to reporting the first differing line.
public enum UnifiedDiff {
    enum Edit: Equatable { case same(String), removed(String), added(String) }

    public static func make(expected: String, actual: String, expectedName: String = "expected", actualName: String = "actual") -> String {
        let a = Transcript.lines(expected), b = Transcript.lines(actual)
        if a == b { return "" }
        guard a.count <= 4000, b.count <= 4000 else {
            let first = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
            return "--- \(expectedName)\n+++ \(actualName)\n(too long to diff: first difference at line \(first + 1))\n"
        }
        let edits = script(a, b)
        var out = "--- \(expectedName)\n+++ \(actualName)\n"
        let context = 3
        var i = 0
        while i < edits.count {
            guard isChange(edits[i]) else {
                i += 1
                continue
            }
            // A hunk: from `context` lines before the change to `context` after the last change
            // that is within 2*context of the next one.
            var start = i
            var back = 0
            while start > 0, back < context, !isChange(edits[start - 1]) { start -= 1; back += 1 }
            var end = i
            var sameRun = 0
            var j = i
            while j < edits.count {
                if isChange(edits[j]) { end = j; sameRun = 0 } else { sameRun += 1; if sameRun > 2 * context { break } }
                j += 1
            }
            let stop = min(edits.count, end + 1 + context)
            let slice = edits[start..<stop]
            let (aStart, bStart) = positions(edits, upTo: start)
            let aCount = slice.filter { if case .added = $0 { return false } else { return true } }.count
            let bCount = slice.filter { if case .removed = $0 { return false } else { return true } }.count
            out += "@@ -\(aStart + 1),\(aCount) +\(bStart + 1),\(bCount) @@\n"
            for e in slice {
                switch e {
                case .same(let s): out += " \(s)\n"
                case .removed(let s): out += "-\(s)\n"
                case .added(let s): out += "+\(s)\n"
                }
            }
            i = stop
        }
        return out
    }

    static func isChange(_ e: Edit) -> Bool { if case .same = e { return false } else { return true } }

    static func positions(_ edits: [Edit], upTo index: Int) -> (Int, Int) {
        var a = 0, b = 0
        for e in edits[..<index] {
            switch e {
            case .same: a += 1; b += 1
            case .removed: a += 1
            case .added: b += 1
            }
        }
        return (a, b)
    }

    static func script(_ a: [String], _ b: [String]) -> [Edit] {
        let n = a.count, m = b.count
        var lcs = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var edits: [Edit] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, a[i] == b[j] {
                edits.append(.same(a[i])); i += 1; j += 1
            } else if i < n, j == m || lcs[i + 1][j] >= lcs[i][j + 1] {
                // Removals first on a tie, as diff(1) prints them.
                edits.append(.removed(a[i])); i += 1
            } else {
                edits.append(.added(b[j])); j += 1
            }
        }
        return edits
    }
}
