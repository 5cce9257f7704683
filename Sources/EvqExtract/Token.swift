/// One token of a block: a word, a number or a punctuation mark, with its byte range in the
/// document's cleaned text.
public struct Token: Sendable, Hashable {
    // (Fields ordered so the one-byte ones pack after `number`: 72 bytes a token instead of
    // 88. A long text has millions of tokens, and their memory is a real part of the cost.)
    public enum Kind: Sendable, Hashable { case word, number, punct }
    public var start: Int
    public var end: Int
    /// Lowercased text (ASCII letters lowered byte-wise, others through `lowercased()`).
    public var lower: String
    /// The text as written.
    public var text: String
    /// What the lexicon says about `lower` (`WordClass`), set by the tokenizer.
    public var classes: WordClass = []
    /// The number's value for number tokens ("1,150" -> 1150, "13th" -> 13, "9.5" -> nil).
    public var number: Int?
    public var kind: Kind
    /// First letter is uppercase.
    public var capitalized: Bool
    /// Inside double quotes (a quotation: its verbs are someone's words, not reported events).
    public var inQuote: Bool = false
    /// The first byte of the text (set by the tokenizer; it fits in the struct's padding).
    public var leadByte: UInt8 = 0

    public var isWord: Bool { kind == .word }

    /// `lower == String(c)` for an ASCII punctuation mark `c`, as one byte compare: a token
    /// that starts with such a byte is that mark alone (words start with a letter, numbers
    /// with a digit). (A token built by hand, without `leadByte`, is compared by its text.)
    @inline(__always) public func isMark(_ c: UInt8) -> Bool {
        leadByte != 0 ? leadByte == c : lower.utf8.count == 1 && lower.utf8.first == c
    }

    /// `lower.hasPrefix(prefix)` for an ASCII `prefix`, compared as bytes (`hasPrefix` walks
    /// Characters, which cost more than the rule it served). A non-ASCII byte right after the
    /// prefix could be a combining mark that changes the last Character: then `hasPrefix` decides.
    @inline(__always) public func lowerHasPrefix(_ prefix: StaticString) -> Bool {
        let n = prefix.utf8CodeUnitCount
        let u = lower.utf8
        guard u.count >= n else { return false }
        var k = u.startIndex
        let p = prefix.utf8Start
        for j in 0..<n {
            if u[k] != p[j] { return false }
            k = u.index(after: k)
        }
        if k < u.endIndex, u[k] >= 0x80 { return lower.hasPrefix(String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)) }
        return true
    }
    /// `lower == word` for an ASCII lowercase-letter `word`, compared as bytes with the length
    /// first (a `String` compare of two unequal strings takes the slow path every time). Exact:
    /// no other text is canonically equivalent to ASCII letters (the Kelvin sign is lowered to "k").
    @inline(__always) public func lowerIs(_ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        let u = lower.utf8
        guard u.count == n else { return false }
        let p = word.utf8Start
        var j = 0
        for b in u {
            if b != p[j] { return false }
            j += 1
        }
        return true
    }
    /// Whether the word is in any of the classes `c` (one bit test instead of a set lookup).
    @inline(__always) public func has(_ c: WordClass) -> Bool { classes.rawValue & c.rawValue != 0 }
}

/// `w.hasSuffix(suffix)` for an ASCII `suffix`, compared on the last bytes (`hasSuffix` walks
/// Characters). Only a non-ASCII byte right before the suffix could join its first letter into
/// another Character: then `hasSuffix` decides. Nothing else is equivalent to ASCII letters.
func hasASCIISuffix(_ w: String, _ suffix: StaticString) -> Bool {
    let n = suffix.utf8CodeUnitCount
    let u = w.utf8
    guard u.count >= n else { return false }
    var k = u.endIndex
    var j = n
    while j > 0 {
        k = u.index(before: k)
        j -= 1
        guard u[k] == suffix.utf8Start[j] else { return false }
    }
    if k > u.startIndex, u[u.index(before: k)] >= 0x80 { return w.hasSuffix(suffix.description) }
    return true
}

/// Stage: a block of text -> tokens, over the UTF-8 bytes in linear time.
///
/// Words keep inner hyphens and apostrophes ("two-day", "we're"); a possessive "'s" is split
/// off; dotted abbreviations stay whole ("U.S.", "a.m."); numbers keep inner separators
/// ("1,150", "9.5") and ordinal suffixes ("13th").
public struct Tokenizer: Sendable {
    /// The lexicon's word classes, stamped on every token.
    let classes: [String: WordClass]
    let table: WordTable
    public init(lexicon: Lexicon = .standard) {
        classes = lexicon.wordClasses
        table = lexicon.wordTable
    }

    /// The classes of the token `u[a..<b]` whose lowercase is `lower`: from the byte table,
    /// or for a word with non-ASCII letters from the dictionary.
    @inline(__always) func classes(_ u: [UInt8], _ a: Int, _ b: Int, lower: String) -> WordClass {
        if let c = u.withUnsafeBufferPointer({ table.classes($0, a, b) }) { return c }
        return classes[lower] ?? []
    }

    /// A string from a byte range, through the contiguous fast path.
    @inline(__always) static func string(_ u: [UInt8], _ a: Int, _ b: Int) -> String {
        u.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[a..<b]), as: UTF8.self) }
    }

    public func tokenize(_ u: [UInt8], from: Int, to: Int) -> [Token] {
        var tokens: [Token] = []
        // (Tokens average well over five bytes with their space: one allocation, no regrowth.)
        tokens.reserveCapacity(max(0, to - from) / 5 + 4)
        var i = from
        var inQuote = false
        while i < to {
            let b = u[i]
            if b == 0x20 || b == 0x0A { i += 1; continue }
            let start = i
            if isDigit(b) {
                var value = 0
                var plain = true
                var overflow = false
                while i < to {
                    let c = u[i]
                    if isDigit(c) {
                        let (m, o1) = value.multipliedReportingOverflow(by: 10)
                        let (a, o2) = m.addingReportingOverflow(Int(c - 48))
                        if o1 || o2 { overflow = true } else { value = a }
                        i += 1
                    } else if c == UInt8(ascii: ","), i + 3 < to, isDigit(u[i + 1]), isDigit(u[i + 2]), isDigit(u[i + 3]),
                        i + 4 >= to || !isDigit(u[i + 4])
                    {
                        i += 1  // thousands separator
                    } else if c == UInt8(ascii: "."), i + 1 < to, isDigit(u[i + 1]) {
                        plain = false  // decimal: no integer value
                        i += 1
                    } else {
                        break
                    }
                }
                // Ordinal suffix or a unit glued on ("13th", "40km"): absorb letters.
                var suffix = ""
                while i < to, isASCIILetter(u[i]) {
                    suffix.unicodeScalars.append(Unicode.Scalar(u[i] | 0x20))
                    i += 1
                }
                let ordinal = ["th", "st", "nd", "rd"].contains(suffix)
                let text = Self.string(u, start, i)
                let lower = suffix.isEmpty ? text : text.lowercased()
                // (Built in place, every field at once: a token copied into the array costs
                // retains of its two strings.)
                tokens.append(Token(start: start, end: i, lower: lower, text: text, classes: classes(u, start, i, lower: lower),
                    number: (plain && !overflow && (suffix.isEmpty || ordinal)) ? value : nil, kind: .number, capitalized: false, inQuote: inQuote, leadByte: u[start]))
                continue
            }
            if isLetterStart(u, i, to) {
                var sawDotAbbrev = false
                while i < to {
                    let c = u[i]
                    if isASCIILetter(c) || isDigit(c) { i += 1; continue }
                    if c >= 0x80 {
                        let len = scalarLength(c)
                        if isLetterStart(u, i, to) { i += len; continue }
                        // Curly apostrophes were normalised already; anything else ends the word.
                        break
                    }
                    if (c == UInt8(ascii: "-") || c == UInt8(ascii: "'")) && i + 1 < to && (isLetterStart(u, i + 1, to) || isDigit(u[i + 1])) {
                        // Possessive 's ends the word.
                        if c == UInt8(ascii: "'"), u[i + 1] | 0x20 == UInt8(ascii: "s"), i + 2 >= to || !isLetterStart(u, i + 2, to) {
                            break
                        }
                        i += 1
                        continue
                    }
                    if c == UInt8(ascii: "."), i + 1 < to, isASCIILetter(u[i + 1]), i + 2 >= to || !isASCIILetter(u[i + 2]) || u[i + 2] == UInt8(ascii: "."),
                        i - start <= 2
                    {
                        // "U.S", "a.m": a dotted abbreviation of single letters.
                        sawDotAbbrev = true
                        i += 1
                        continue
                    }
                    break
                }
                if sawDotAbbrev, i < to, u[i] == UInt8(ascii: ".") { i += 1 }  // "U.S." keeps its final dot
                // Most words are lowercase: then the text and its lowercase share one string.
                // (Whether a letter is uppercase, or any byte is not ASCII, and whether there is
                // a hyphen: learnt in the table lookup's pass over the word.)
                var shape = (upper: false, hyphen: false)
                let looked = u.withUnsafeBufferPointer { table.lookup($0, start, i, shape: &shape) }
                var hasUpper = shape.upper, hyphen = shape.hyphen
                if looked == nil {
                    hasUpper = true  // a non-ASCII word: lowered through `lowercased()`
                    for k in start..<i where u[k] == UInt8(ascii: "-") { hyphen = true; break }
                }
                let text: String, lower: String
                var wordClasses: WordClass
                if let (found, entry) = looked {
                    // ASCII: a lexicon word shares the lexicon's string for its lowercase (and
                    // for its text when it is written in lowercase); others build their own.
                    wordClasses = found
                    if entry >= 0 {
                        lower = table.word(entry)
                        text = hasUpper ? Self.string(u, start, i) : lower
                    } else {
                        text = Self.string(u, start, i)
                        lower = hasUpper ? lowered(u, start, i, text) : text
                    }
                } else {
                    text = Self.string(u, start, i)
                    lower = lowered(u, start, i, text)
                    wordClasses = classes[lower] ?? []
                }
                if hyphen { wordClasses.insert(.hyphenated) }
                if u[i - 1] == UInt8(ascii: ".") { wordClasses.insert(.endsWithDot) }
                tokens.append(Token(start: start, end: i, lower: lower, text: text, classes: wordClasses, number: nil, kind: .word,
                    capitalized: hasUpper && isUpperStart(u, start, text), inQuote: inQuote, leadByte: u[start]))
                continue
            }
            // Punctuation: one scalar (multi-byte symbols kept whole).
            let len = b < 0x80 ? 1 : scalarLength(b)
            i = min(to, i + len)
            let text = i - start == 1 && b < 0x80 ? table.characters[Int(b)] : Self.string(u, start, i)
            var punctClasses = classes(u, start, i, lower: text)
            if b == UInt8(ascii: "-") { punctClasses.insert(.hyphenated) }
            // A closing quote belongs to the quotation; an opening one starts it.
            let quote = b == UInt8(ascii: "\"")
            tokens.append(Token(start: start, end: i, lower: text, text: text, classes: punctClasses, number: nil, kind: .punct,
                capitalized: false, inQuote: quote || inQuote, leadByte: b))
            if quote { inQuote.toggle() }
        }
        return tokens
    }

    @inline(__always) func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
    @inline(__always) func isASCIILetter(_ c: UInt8) -> Bool { (c | 0x20) >= 97 && (c | 0x20) <= 122 }

    func scalarLength(_ lead: UInt8) -> Int {
        if lead >= 0xF0 { return 4 }
        if lead >= 0xE0 { return 3 }
        if lead >= 0xC0 { return 2 }
        return 1
    }

    /// Whether the scalar at `i` is a letter (ASCII inline; others decoded).
    @inline(__always) func isLetterStart(_ u: [UInt8], _ i: Int, _ to: Int) -> Bool {
        let c = u[i]
        if c < 0x80 { return isASCIILetter(c) }
        return isNonASCIILetterStart(u, i, to)
    }

    /// Decodes the scalar at `i` (non-ASCII) and asks whether it is a letter.
    func isNonASCIILetterStart(_ u: [UInt8], _ i: Int, _ to: Int) -> Bool {
        let c = u[i]
        let len = scalarLength(c)
        guard i + len <= to else { return false }
        var it = u[i..<(i + len)].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let s) = decoder.decode(&it) { return s.properties.isAlphabetic }
        return false
    }

    func isUpperStart(_ u: [UInt8], _ start: Int, _ text: String) -> Bool {
        let c = u[start]
        if c < 0x80 { return c >= 65 && c <= 90 }
        return text.unicodeScalars.first?.properties.isUppercase ?? false
    }

    func lowered(_ u: [UInt8], _ s: Int, _ e: Int, _ text: String) -> String {
        var ascii = true
        var upper = false
        for k in s..<e {
            let c = u[k]
            if c >= 0x80 { ascii = false; break }
            if c >= 65 && c <= 90 { upper = true }
        }
        if !ascii { return text.lowercased() }
        if !upper { return text }
        return String(unsafeUninitializedCapacity: e - s) { buf in
            for k in s..<e { let c = u[k]; buf[k - s] = c >= 65 && c <= 90 ? c | 0x20 : c }
            return e - s
        }
    }
}
