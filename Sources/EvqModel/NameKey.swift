/// A key under which the usual romanizations of one (mostly Slavic) name agree, so a query for
/// "Bialiatski" finds "Ales Bialacky" and "Tsikhanovskaya" finds "Tsikhanouskaya".
///
/// Input is a lowercased, ASCII-folded word. The rewrite runs left to right, rule by rule:
/// "sch"→s, "tch"→c, "ts"/"tz"/"cz"/"ch"→c, "kh"→h, "sh"→s, "zh"→z, "ck"→k, "x"→ks, "ou"→u,
/// "w"→v, "ovs"→us (Belarusian ў romanised as u, w or v: Tsikhanouskaya, Tsikhanovskaya),
/// "y"→i, "ij"→i, "ia"→a, "ie"→e, "io"→o, "iu"→u.
public enum NameKey {
    static let rules: [([UInt8], [UInt8])] = [
        ("sch", "s"), ("tch", "c"), ("ts", "c"), ("tz", "c"), ("cz", "c"), ("ch", "c"), ("kh", "h"), ("sh", "s"),
        ("zh", "z"), ("ck", "k"), ("x", "ks"), ("ou", "u"), ("w", "v"), ("ovs", "us"), ("y", "i"), ("ij", "i"), ("ia", "a"),
        ("ie", "e"), ("io", "o"), ("iu", "u"),
    ].map { (Array($0.0.utf8), Array($0.1.utf8)) }

    /// The transliteration key of one folded word.
    public static func transliteration(_ word: String) -> String {
        var r = Array(word.utf8)
        for (from, to) in rules where r.count >= from.count {
            var out: [UInt8] = []
            out.reserveCapacity(r.count)
            var i = 0
            while i < r.count {
                if i + from.count <= r.count, r[i] == from[0], from.count == 1 || r[i + 1] == from[1],
                    from.count < 3 || r[i + 2] == from[2]
                {
                    out += to
                    i += from.count
                } else {
                    out.append(r[i])
                    i += 1
                }
            }
            r = out
        }
        return String(decoding: r, as: UTF8.self)
    }
}
