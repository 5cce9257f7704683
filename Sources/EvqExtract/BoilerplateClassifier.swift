/// Stage: judges each block by its shape, in the spirit of jusText and trafilatura.
///
/// - page furniture lines: a standalone line from `boilerplate.txt` ("Go to Source"), a line of
///   `|`-separated navigation, a copyright line, a parenthesised credit line, a weather reading
///   ("17.1 C"), a line that is only a place name (a clock or edition line);
/// - teasers: blocks ending in "Read More" (or "Continue reading"), and a headline-shaped block
///   directly followed by one (a headline + summary pair);
/// - link lists: a heading followed within four blocks by two or more teasers starts a list;
///   it and every following block that is heading-, teaser- or furniture-shaped is boilerplate;
/// - captions: blocks opening with a caption cue ("In this photo ...") or closing with a photo
///   credit in parentheses; kept as supporting evidence only;
/// - headings: short blocks (up to 20 words) with no final punctuation.
public struct BoilerplateClassifier: Sendable {
    let lexicon: Lexicon
    /// The caption phrases as bytes, when all are ASCII (else `fastJudge` never decides).
    let captionBytes: [[UInt8]]?
    public init(lexicon: Lexicon = .standard) {
        self.lexicon = lexicon
        captionBytes = lexicon.captionPhrases.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } } ? lexicon.captionPhrases.map { Array($0.utf8) } : nil
    }

    public func classify(_ blocks: [Block], in u: [UInt8]) -> [Block] {
        var out = blocks
        var teaser = [Bool](repeating: false, count: blocks.count)
        for (k, b) in blocks.enumerated() {
            // Only short blocks can be furniture or headings; a long one is judged by its ends.
            let long = b.end - b.start > 600
            func makeText() -> String {
                long
                    ? Tokenizer.string(u, b.start, b.start + 200) + " " + Tokenizer.string(u, b.end - 200, b.end)
                    : Tokenizer.string(u, b.start, b.end)
            }
            // Most blocks are plain paragraphs, judged on their bytes; the rest by `judge`.
            let fast = long
                ? (Array(u[b.start..<(b.start + 200)]) + [0x20] + Array(u[(b.end - 200)..<b.end])).withUnsafeBufferPointer { fastJudge($0) }
                : u.withUnsafeBufferPointer { fastJudge(UnsafeBufferPointer(rebasing: $0[b.start..<b.end])) }
            var text: String?
            var shape: (kind: Block.Kind, reason: String)
            if let fast { shape = fast } else {
                let t = makeText()
                text = t
                shape = judge(t)
            }
            if long, shape.kind == .heading || shape.reason == "navigation" || shape.reason == "copyright" || shape.reason == "credit" { shape = (.body, "") }
            out[k].kind = shape.kind
            out[k].reason = shape.reason
            teaser[k] = shape.reason == "teaser"
            if b.isBullet, shape.kind == .heading, (text ?? makeText()).split(separator: " ", maxSplits: 5).count >= 5 {
                // A bulleted summary line is a sentence without its full stop.
                out[k].kind = .body
                out[k].reason = "bullet"
            }
        }
        // Headline + summary pairs.
        for k in 0..<out.count where k + 1 < out.count && out[k].kind == .heading && teaser[k + 1] {
            teaser[k] = true
            out[k].kind = .boilerplate
            out[k].reason = "teaser headline"
        }
        // Link lists: a heading followed by teasers; everything list-shaped after it goes.
        var k = 0
        while k < out.count {
            if out[k].kind == .heading && !teaser[k] {
                let window = out.indices.dropFirst(k + 1).prefix(4)
                if window.filter({ teaser[$0] }).count >= 2 {
                    var j = k
                    while j < out.count, j == k || teaser[j] || out[j].kind == .heading || out[j].kind == .boilerplate {
                        out[j].kind = .boilerplate
                        if out[j].reason.isEmpty || out[j].reason == "heading" { out[j].reason = "link list" }
                        j += 1
                    }
                    k = j
                    continue
                }
            }
            k += 1
        }
        return out
    }

    /// The number of words (runs of bytes other than a space) in `p`, and whether every byte
    /// is ASCII. Eight bytes at a time: a word starts at each non-space byte whose previous
    /// byte is a space (or that opens the text), counted by bits.
    static func countWords(_ p: UnsafeBufferPointer<UInt8>) -> (words: Int, ascii: Bool) {
        let n = p.count
        guard let base = p.baseAddress else { return (0, true) }
        let raw = UnsafeRawPointer(base)
        var words = 0
        var high: UInt64 = 0
        // Bit 0: whether the byte before the current one is not a space.
        var before: UInt64 = 0
        var i = 0
        while i + 8 <= n {
            let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            high |= w
            let x = w ^ 0x2020_2020_2020_2020
            // High bit of each byte set exactly when the byte is not a space (x != 0).
            let nonSpace = ((((x & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | x) & 0x8080_8080_8080_8080) >> 7
            let starts = nonSpace & ~((nonSpace << 8) | before)
            words += starts.nonzeroBitCount
            before = nonSpace >> 56
            i += 8
        }
        var ascii = high & 0x8080_8080_8080_8080 == 0
        var inWord = before != 0
        while i < n {
            let b = p[i]
            if b >= 0x80 { ascii = false }
            if b == 0x20 { inWord = false } else if !inWord { inWord = true; words += 1 }
            i += 1
        }
        return (words, ascii)
    }

    /// `judge` for the common case, on bytes: an all-ASCII block of more than four words (most
    /// paragraphs, headings and link-list items), which is no weather or place line and holds
    /// no `©`. The same tests in the same order as `judge`; nil for any other block, which
    /// `judge` then reads.
    func fastJudge(_ p: UnsafeBufferPointer<UInt8>) -> (kind: Block.Kind, reason: String)? {
        let n = p.count
        guard n > 0, let captionBytes else { return nil }
        let (words, ascii) = Self.countWords(p)
        // (Short blocks are read here only when ASCII: their weather and place tests below.)
        guard words > 4 || ascii && words > 0 else { return nil }
        // Whether the lowercased text is shorter than 400 bytes (the copyright and navigation
        // tests' limit); for ASCII its length is the block's.
        var under400 = n < 400
        if !ascii {
            // A paragraph with non-ASCII letters (names, dashes) is decided here too when
            // lowercasing and Characters could change none of the tests: more than 12 words
            // (no weather, place or byline test applies), too long for a furniture line, and
            // plain ASCII where the remaining tests read characters (its opening, for the
            // caption cues and a credit's bracket; its end, for teasers, a closing credit and
            // the final punctuation).
            // (Lowercasing may shorten a character to a third of its bytes; at most a few
            // trailing marks, so that `judge` strips the same ones.)
            var bare = n
            while bare > 0, p[bare - 1] == UInt8(ascii: ".") || p[bare - 1] == UInt8(ascii: ":") || p[bare - 1] == 0x20 || p[bare - 1] == UInt8(ascii: ">") { bare -= 1 }
            guard words > 12, n - bare <= 8, bare > 3 * lexicon.boilerplateLineMaxBytes + 3 else { return nil }
            let head = min(n, max(4, (captionBytes.map(\.count).max() ?? 0) + 1))
            for k in 0..<head where p[k] >= 0x80 { return nil }
            var tail = max(0, n - 24)
            if p[n - 1] == UInt8(ascii: ")") {
                guard let open = (0..<n).last(where: { p[$0] == UInt8(ascii: "(") }) else { return nil }
                tail = min(tail, open)
            }
            for k in tail..<n where p[k] >= 0x80 { return nil }
            // Lowercasing changes a non-ASCII character's length by at most half its bytes up
            // or two thirds down: decide only when the 400-byte limit is clear either way.
            var m = 0
            for b in p where b >= 0x80 { m += 1 }
            if words <= 40 {
                guard n + m < 400 || n - m >= 400 else { return nil }
                under400 = n + m < 400
            }
        }
        @inline(__always) func low(_ c: UInt8) -> UInt8 { c >= 65 && c <= 90 ? c | 0x20 : c }
        /// Whether the lowercased bytes `p[from..<to]` contain `needle` (lowercase).
        func contains(_ needle: StaticString, from: Int, to: Int) -> Bool {
            let m = needle.utf8CodeUnitCount
            guard to - from >= m else { return false }
            return needle.withUTF8Buffer { s in
                // (The first byte tested without lowering: a letter matches either case, any
                // other byte only itself.)
                let s0 = s[0], letter = s0 &- 97 < 26
                for i in from...(to - m) where letter ? p[i] | 0x20 == s0 : p[i] == s0 {
                    var k = 1
                    while k < m, low(p[i + k]) == s[k] { k += 1 }
                    if k == m { return true }
                }
                return false
            }
        }
        // The bare text: without trailing dots, colons, spaces and `>`.
        var e = n
        while e > 0, p[e - 1] == UInt8(ascii: ".") || p[e - 1] == UInt8(ascii: ":") || p[e - 1] == 0x20 || p[e - 1] == UInt8(ascii: ">") { e -= 1 }
        if e <= lexicon.boilerplateLineMaxBytes, lexicon.boilerplateLines.contains(String(decoding: p[0..<e].map(low), as: UTF8.self)) {
            return (.boilerplate, "furniture line")
        }
        if contains("read more", from: max(0, e - 9), to: e) && e >= 9 || contains("continue reading", from: max(0, e - 16), to: e) && e >= 16 {
            return (.boilerplate, "teaser")
        }
        if words <= 40, under400 {
            if !ascii, (0..<(n - 1)).contains(where: { p[$0] == 0xC2 && p[$0 + 1] == 0xA9 }) { return (.boilerplate, "copyright") }  // ©
            if contains("all rights reserved", from: 0, to: n) { return (.boilerplate, "copyright") }
            if words <= 20 && contains(" | ", from: 0, to: n) { return (.boilerplate, "navigation") }
        }
        if p[0] == UInt8(ascii: "("), p[n - 1] == UInt8(ascii: ")"), words <= 25 { return (.boilerplate, "credit") }
        if words <= 4 {
            // (ASCII here.) `isWeather`: once spaces, digits, dots, dashes and commas are
            // dropped only the unit is left, and the reading starts with a number or a minus
            // sign unless it has more than one word.
            var firstByte: UInt8 = 0
            for b in p where b != 0x20 { firstByte = b; break }
            if words > 1 || (firstByte >= 48 && firstByte <= 57) || firstByte == UInt8(ascii: "-") {
                var unit: [UInt8] = []
                for b in p where !(b >= 48 && b <= 57) && b != UInt8(ascii: ".") && b != UInt8(ascii: "-") && b != 0x20 && b != UInt8(ascii: ",") {
                    unit.append(b)
                    if unit.count > 1 { break }
                }
                if unit == [UInt8(ascii: "C")] || unit == [UInt8(ascii: "F")] { return (.boilerplate, "weather") }
            }
            let text = String(decoding: p, as: UTF8.self)
            if lexicon.places[text] != nil || lexicon.placesLower[String(decoding: p.map(low), as: UTF8.self)] != nil { return (.boilerplate, "place line") }
        }
        // (Weather and place lines have at most four words.)
        if words <= 12, n >= 3, low(p[0]) == UInt8(ascii: "b"), low(p[1]) == UInt8(ascii: "y"), p[2] == 0x20,
            p[n - 1] != UInt8(ascii: ".") || contains("published", from: 0, to: n)
        {
            return (.boilerplate, "byline")
        }
        for phrase in captionBytes where phrase.count <= n && phrase.indices.allSatisfy({ low(p[$0]) == phrase[$0] }) { return (.caption, "caption") }
        if p[n - 1] == UInt8(ascii: ")"), let open = (0..<n).last(where: { p[$0] == UInt8(ascii: "(") }) {
            if contains("photo", from: open, to: n) || contains(" via ", from: open, to: n) || contains("getty", from: open, to: n) {
                return (.caption, "caption credit")
            }
        }
        func ends(_ c: UInt8) -> Bool { c == UInt8(ascii: ".") || c == UInt8(ascii: "!") || c == UInt8(ascii: "?") || c == UInt8(ascii: "\"") }
        let closesSentence = p[n - 1] == UInt8(ascii: ")") && n >= 2 && ends(p[n - 2])
        if !ends(p[n - 1]), !closesSentence, words <= 20 { return (.heading, "heading") }
        return (.body, "")
    }

    /// The shape of one block on its own.
    func judge(_ text: String) -> (kind: Block.Kind, reason: String) {
        let lower = text.lowercased()
        var bare = Substring(lower)
        while let l = bare.last, l == "." || l == ":" || l == " " || l == ">" || l == "»" { bare.removeLast() }
        // Word count over bytes (capped): cheap for every block.
        var wordCount = 0
        var inWord = false
        for b in text.utf8 {
            if b == 0x20 { inWord = false } else if !inWord { inWord = true; wordCount += 1; if wordCount > 60 { break } }
        }
        let words = wordCount <= 5 ? text.split(separator: " ") : []
        let count = wordCount
        // (Furniture lines are short: a long block is never one, and skips the hashing.)
        if bare.utf8.count <= lexicon.boilerplateLineMaxBytes, lexicon.boilerplateLines.contains(String(bare)) { return (.boilerplate, "furniture line") }
        if Self.endsWith(bare, "read more") || Self.endsWith(bare, "continue reading") || Self.endsWith(bare, "read more »") {
            return (.boilerplate, "teaser")
        }
        if count <= 40, lower.utf8.count < 400 {
            let bytes = Array(lower.utf8)
            if Self.occurrences(of: Self.copyrightSign, in: bytes) > 0 || Self.occurrences(of: Self.rightsReserved, in: bytes) > 0 {
                return (.boilerplate, "copyright")
            }
            if count <= 20 && Self.occurrences(of: Self.navigationBar, in: bytes) >= 1 { return (.boilerplate, "navigation") }
        }
        if text.hasPrefix("("), text.hasSuffix(")"), count <= 25 { return (.boilerplate, "credit") }
        if count <= 4, isWeather(words) { return (.boilerplate, "weather") }
        if count <= 4, lexicon.places[text] != nil || lexicon.placesLower[lower] != nil { return (.boilerplate, "place line") }
        if count <= 12, lower.hasPrefix("by "), !lower.hasSuffix(".") || lower.contains("published") { return (.boilerplate, "byline") }
        for phrase in lexicon.captionPhrases where lower.hasPrefix(phrase) { return (.caption, "caption") }
        if text.hasSuffix(")"), let open = text.lastIndex(of: "(") {
            let credit = text[open...].lowercased()
            if credit.contains("photo") || credit.contains(" via ") || credit.contains("getty") { return (.caption, "caption credit") }
        }
        let last = text.last ?? " "
        // A closing bracket ends a sentence only after sentence punctuation: "(potato pancakes)"
        // closes a headline, "(AP Photo.)" a sentence.
        let closesSentence = last == ")" && text.dropLast().last.map { ".!?\"".contains($0) } == true
        if !".!?\"".contains(last), !closesSentence, count <= 20 { return (.heading, "heading") }
        return (.body, "")
    }

    static let copyrightSign = Array("©".utf8)
    static let rightsReserved = Array("all rights reserved".utf8)
    static let navigationBar = Array(" | ".utf8)

    /// Whether `s` ends with the bytes of `suffix` (a byte comparison: the generic
    /// `Substring.hasSuffix` walks characters backwards and is slow on every block).
    static func endsWith(_ s: Substring, _ suffix: StaticString) -> Bool {
        let n = suffix.utf8CodeUnitCount
        let u = s.utf8
        guard u.count >= n else { return false }
        return suffix.withUTF8Buffer { u.suffix(n).elementsEqual($0) }
    }

    /// How often `needle` occurs in `hay` (naive scan; both are short here).
    static func occurrences(of needle: [UInt8], in hay: [UInt8]) -> Int {
        guard !needle.isEmpty, hay.count >= needle.count else { return 0 }
        var n = 0
        for i in 0...(hay.count - needle.count) where hay[i] == needle[0] {
            var k = 1
            while k < needle.count, hay[i + k] == needle[k] { k += 1 }
            if k == needle.count { n += 1 }
        }
        return n
    }

    /// "17.1 C", "-3°C", "64 °F", "Sunny 21C".
    func isWeather(_ words: [Substring]) -> Bool {
        guard words.count <= 4, let first = words.first else { return false }
        // Quick reject: a reading ends in a unit, so it holds a `C`, an `F` or a degree sign.
        guard words.contains(where: { $0.utf8.contains { $0 == UInt8(ascii: "C") || $0 == UInt8(ascii: "F") || $0 == 0xB0 } }) else { return false }
        let joined = words.joined(separator: " ")
        guard first.first?.isNumber == true || first.first == "-" || words.count > 1 else { return false }
        let tail = joined.filter { !$0.isNumber && $0 != "." && $0 != "-" && $0 != " " && $0 != "," }
        return ["C", "F", "°C", "°F", "°"].contains(tail) || tail.hasSuffix("°C") || tail.hasSuffix("°F")
    }
}
