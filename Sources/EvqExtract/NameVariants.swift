import Foundation
import EvqDiagnostics
import EvqModel

/// Spelling variants of names: within and across articles, names whose folded surnames are
/// within a small edit distance (Bialiatski / Bialacki / Bialacky; Tsikhanouskaya /
/// Tsikhnouskaya), with compatible first names, are one person. The canonical spelling is the
/// most frequent full form (ties: the longer, then alphabetical); the others become aliases.
public struct NameVariants: Sendable {
    let lexicon: Lexicon
    public init(lexicon: Lexicon = .standard) { self.lexicon = lexicon }

    /// Whether two folded words are close enough to be one name spelled two ways: at most one
    /// edit per four letters (and at most `maxDistance`), same first letter.
    static func similar(_ x: String, _ y: String, maxDistance: Int = 3) -> Bool {
        if x == y { return true }
        // Quick reject before the rewriting: spellings of one name differ little in length.
        if abs(x.utf8.count - y.utf8.count) > 5 { return false }
        return similar(x, y, keys: phonetic(x), phonetic(y), maxDistance: maxDistance)
    }

    /// `similar(_:_:maxDistance:)` with the words' `phonetic` keys already computed (callers
    /// that compare one word with many compute each key once).
    static func similar(_ x: String, _ y: String, keys a: String, _ b: String, maxDistance: Int = 3) -> Bool {
        if x == y { return true }
        if abs(x.utf8.count - y.utf8.count) > 5 { return false }
        if a == b { return true }
        guard a.first == b.first, min(x.count, y.count) >= 6 else { return false }
        let limit = min(maxDistance, max(1, min(a.count, b.count) / 4))
        guard abs(a.count - b.count) <= limit else { return false }
        return distance(a, b) <= limit
    }

    /// `Suggest.distance(a, b)` (optimal string alignment over lowercased characters), over
    /// bytes with three reused rows when both words are printable ASCII, as folded names and
    /// their keys are: the general one builds arrays of Characters and a full matrix, which
    /// made it the costliest step of matching a misspelt name.
    static func distance(_ a: String, _ b: String) -> Int {
        func plain(_ s: String) -> Bool { s.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x80 } }
        guard plain(a), plain(b) else { return Suggest.distance(a, b) }
        let m = a.utf8.count, n = b.utf8.count
        if m == 0 { return n }
        if n == 0 { return m }
        // (Both words and the three rows in one stack buffer: no arrays to allocate.)
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: m + n + 3 * (n + 1)) { buf -> Int in
            guard let base = buf.baseAddress else { return Suggest.distance(a, b) }
            let x = base, y = base + m
            var k = 0
            for c in a.utf8 { x[k] = Int(c >= 65 && c <= 90 ? c | 0x20 : c); k += 1 }
            k = 0
            for c in b.utf8 { y[k] = Int(c >= 65 && c <= 90 ? c | 0x20 : c); k += 1 }
            // Rows i-2, i-1 and i of the matrix.
            var before = base + m + n, previous = before + (n + 1), current = previous + (n + 1)
            for j in 0...n { before[j] = 0; previous[j] = j; current[j] = 0 }
            for i in 1...m {
                current[0] = i
                for j in 1...n {
                    let cost = x[i - 1] == y[j - 1] ? 0 : 1
                    var d = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                    if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] { d = min(d, before[j - 2] + 1) }
                    current[j] = d
                }
                swap(&before, &previous)
                swap(&previous, &current)
            }
            return previous[n]
        }
    }

    /// Folds the usual transliteration variants of Slavic names together ("ts"/"c", "ia"/"a",
    /// "y"/"i", "kh"/"h", "sh"/"s", "ou"/"u", "ck"/"k"), so Bialiatski, Bialacki and Bialacky agree.
    /// The same key the query side uses (`NameKey.transliteration`), so both agree on variants.
    ///
    /// The same rules applied the same way, rule by rule over the whole word, but in two
    /// stack buffers, skipping a rule whose first letter the word lacks (one bit test against
    /// the word's letters) and keeping the word when no rule applies (`NameKey` builds a new
    /// array per rule, which made this the costliest step of name resolution). A test
    /// checks that both agree on thousands of words built from the rules' letters.
    static func phonetic(_ s: String) -> String {
        let n0 = s.utf8.count
        guard n0 > 0 else { return s }
        // Only "x" -> "ks" lengthens a word, and at most doubles it: two buffers of twice the
        // word (on the stack) always suffice.
        let cap = 2 * n0 + 8
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2 * cap) { buf -> String in
            guard let base = buf.baseAddress else { return s }
            var r = base, out = base + cap
            var n = 0
            for b in s.utf8 { r[n] = b; n += 1 }
            // Which letters a..z the word holds: a rule whose first letter is absent is skipped
            // without reading the word (most rules, for most names).
            @inline(__always) func letters(_ p: UnsafeMutablePointer<UInt8>, _ n: Int) -> UInt32 {
                var m: UInt32 = 0
                for k in 0..<n where p[k] &- 97 < 26 { m |= 1 &<< UInt32(p[k] &- 97) }
                return m
            }
            var mask = letters(r, n)
            var changed = false
            for rule in packedRules where n >= rule.fc {
                let f0 = rule.f0
                guard mask & (1 &<< UInt32(f0 &- 97)) != 0 else { continue }
                let fc = rule.fc, f1 = rule.f1, f2 = rule.f2
                var o = 0, i = 0, hit = false
                while i < n {
                    if r[i] == f0, i + fc <= n, fc == 1 || r[i + 1] == f1, fc < 3 || r[i + 2] == f2 {
                        out[o] = rule.t0
                        if rule.tc == 2 { out[o + 1] = rule.t1 }
                        o += rule.tc
                        i += fc
                        hit = true
                    } else {
                        out[o] = r[i]; o += 1
                        i += 1
                    }
                }
                guard hit else { continue }
                swap(&r, &out)
                n = o
                mask = letters(r, n)
                changed = true
            }
            return changed ? String(decoding: UnsafeBufferPointer(start: r, count: n), as: UTF8.self) : s
        }
    }

    /// `NameKey`'s rewrite rules, in its order (see its documentation).
    static let rules: [([UInt8], [UInt8])] = [
        ("sch", "s"), ("tch", "c"), ("ts", "c"), ("tz", "c"), ("cz", "c"), ("ch", "c"), ("kh", "h"), ("sh", "s"),
        ("zh", "z"), ("ck", "k"), ("x", "ks"), ("ou", "u"), ("w", "v"), ("ovs", "us"), ("y", "i"), ("ij", "i"), ("ia", "a"),
        ("ie", "e"), ("io", "o"), ("iu", "u"),
    ].map { (Array($0.0.utf8), Array($0.1.utf8)) }

    /// `rules` as plain values (iterating the arrays retained each rule's two arrays): a
    /// pattern of up to three bytes, a replacement of one or two.
    struct PackedRule {
        var f0: UInt8, f1: UInt8, f2: UInt8, fc: Int
        var t0: UInt8, t1: UInt8, tc: Int
    }

    static let packedRules: [PackedRule] = rules.map { from, to in
        precondition(from.count >= 1 && from.count <= 3 && to.count >= 1 && to.count <= 2)
        return PackedRule(f0: from[0], f1: from.count > 1 ? from[1] : 0, f2: from.count > 2 ? from[2] : 0, fc: from.count,
            t0: to[0], t1: to.count > 1 ? to[1] : 0, tc: to.count)
    }

    /// Whether a folded word starting with `b` keeps it as its key's first letter: no rule of
    /// `NameKey.transliteration` starts with it (its rules start with s, t, c, k, z, x, o, w,
    /// y or i; a test checks this against `NameKey`). Two such words with different first
    /// letters are never `similar`, so their keys need not be computed.
    static func keepsFirstLetter(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "s"), UInt8(ascii: "t"), UInt8(ascii: "c"), UInt8(ascii: "k"), UInt8(ascii: "z"), UInt8(ascii: "x"),
            UInt8(ascii: "o"), UInt8(ascii: "w"), UInt8(ascii: "y"), UInt8(ascii: "i"):
            return false
        default:
            return true
        }
    }

    /// Groups `names` (with how often each was seen) into canonical name -> variants.
    public func group(_ counts: [String: Int]) -> [String: String] {
        let names = counts.keys.sorted()
        var parent: [String: String] = [:]
        func find(_ x: String) -> String {
            var r = x
            while let p = parent[r], p != r { r = p }
            return r
        }
        func union(_ a: String, _ b: String) {
            let ra = find(a), rb = find(b)
            if ra != rb { parent[rb] = ra }
        }
        for n in names { parent[n] = n }
        // Bucket by the first letter of the folded surname so the comparison stays small.
        var buckets: [Character: [String]] = [:]
        for n in names {
            guard let last = n.split(separator: " ").last, let f = lexicon.fold(String(last)).first else { continue }
            buckets[f, default: []].append(n)
        }
        for key in buckets.keys.sorted() {
            let group = buckets[key] ?? []
            for i in group.indices {
                for j in group.indices where j > i {
                    if samePerson(group[i], group[j]) { union(group[i], group[j]) }
                }
            }
        }
        var members: [String: [String]] = [:]
        for n in names { members[find(n), default: []].append(n) }
        var canonical: [String: String] = [:]
        for (_, ms) in members {
            let best = ms.max { a, b in
                let fa = a.contains(" ") ? 1 : 0, fb = b.contains(" ") ? 1 : 0
                if fa != fb { return fa < fb }
                if counts[a, default: 0] != counts[b, default: 0] { return counts[a, default: 0] < counts[b, default: 0] }
                if a.count != b.count { return a.count < b.count }
                return a > b
            } ?? ms[0]
            for m in ms { canonical[m] = best }
        }
        return canonical
    }

    func samePerson(_ a: String, _ b: String) -> Bool {
        let pa = a.split(separator: " ").map { lexicon.fold(String($0)) }
        let pb = b.split(separator: " ").map { lexicon.fold(String($0)) }
        guard let la = pa.last, let lb = pb.last, Self.similar(la, lb) else { return false }
        if pa.count >= 2, pb.count >= 2 {
            // First names must agree too (allowing variants: Ales / Aliaksandr are not merged).
            // First names must agree too (Sviatlana and Siarhei Tsikhanouski/-skaya are two people).
            return Self.similar(pa[0], pb[0], maxDistance: 2) || pa[0].first == pb[0].first && (pa[0].count <= 2 || pb[0].count <= 2)
        }
        return true
    }
}
