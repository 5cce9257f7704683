/// One sentence: a token range of its block and its byte range in the cleaned text.
public struct Sentence: Sendable {
    public var start: Int
    public var end: Int
    public var tokens: [Token]
    /// The kind of the block it came from.
    public var kind: Block.Kind
    public var blockIndex: Int
}

/// Stage: a block's tokens -> sentences.
///
/// A sentence ends at `.`, `!` or `?` (with any closing quote) when the next token starts a new
/// sentence (capitalised word, number or opening quote) and the period is not part of an
/// abbreviation: a title ("Mr.", "Dr.", "Gen."), a month before a number ("Dec. 12"), or a
/// single initial ("J. Smith"). A dotted abbreviation such as "U.S." ends a sentence only when
/// a typical sentence opener follows. Run-on text without a space ("July 2024.John") splits too.
public struct SentenceSplitter: Sendable {
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "gen", "gov", "sen", "rep", "st", "jr", "sr", "lt", "col", "capt", "sgt",
        "no", "vs", "etc", "inc", "co", "corp", "ltd", "rev", "hon", "adm", "maj", "cmdr", "pres", "approx", "dept", "est",
    ]
    static let openers: Set<String> = [
        "the", "a", "an", "he", "she", "it", "they", "we", "i", "in", "on", "at", "but", "and", "this", "that", "these",
        "those", "his", "her", "their", "its", "there", "after", "before", "as", "for", "when", "while", "meanwhile",
        "however", "some", "many", "most", "officials",
    ]
    /// After this many tokens a sentence ends at the next comma, semicolon or colon.
    static let softLimit = 120
    /// No sentence is longer than this many tokens.
    static let hardLimit = 200
    let lexicon: Lexicon
    public init(lexicon: Lexicon = .standard) { self.lexicon = lexicon }

    public func split(_ tokens: [Token], kind: Block.Kind, blockIndex: Int) -> [Sentence] {
        ranges(tokens).map { sentence(tokens, $0, kind: kind, blockIndex: blockIndex) }
    }

    /// The sentence of `tokens` over `r` (one of `ranges(tokens)`).
    func sentence(_ tokens: [Token], _ r: Range<Int>, kind: Block.Kind, blockIndex: Int) -> Sentence {
        // (A block that is one sentence shares its token array: no copy.)
        let slice = r.lowerBound == 0 && r.upperBound == tokens.count ? tokens : Array(tokens[r])
        return Sentence(start: slice[0].start, end: slice[slice.count - 1].end, tokens: slice, kind: kind, blockIndex: blockIndex)
    }

    /// A token that owns nothing (empty immortal strings), left where a token was moved out.
    static let placeholder = Token(start: 0, end: 0, lower: "", text: "", classes: [], number: nil, kind: .punct, capitalized: false, inQuote: false)

    /// `sentence(tokens, r, ...)`, its tokens moved out of `tokens` rather than copied (copying
    /// retains two strings per token, and freeing the block's array releases them again); the
    /// moved-from places hold `placeholder`. For a caller that reads each range once.
    func takeSentence(_ tokens: inout [Token], _ r: Range<Int>, kind: Block.Kind, blockIndex: Int) -> Sentence {
        if r.lowerBound == 0 && r.upperBound == tokens.count { return sentence(tokens, r, kind: kind, blockIndex: blockIndex) }
        guard r.lowerBound >= 0, r.upperBound <= tokens.count, !r.isEmpty else { return sentence(tokens, r, kind: kind, blockIndex: blockIndex) }
        let n = r.count
        let moved = tokens.withUnsafeMutableBufferPointer { buf -> [Token] in
            guard let base = buf.baseAddress else { return [] }
            let src = base + r.lowerBound
            let out = [Token](unsafeUninitializedCapacity: n) { dst, count in
                if let d = dst.baseAddress { d.moveInitialize(from: src, count: n) }
                count = n
            }
            src.initialize(repeating: Self.placeholder, count: n)
            return out
        }
        return Sentence(start: moved[0].start, end: moved[n - 1].end, tokens: moved, kind: kind, blockIndex: blockIndex)
    }

    /// The sentences of a block as token ranges (non-empty, in order). A caller that reads
    /// sentences one at a time builds each one's tokens only when it gets to it, so a huge
    /// block never holds a second copy of all its tokens.
    func ranges(_ tokens: [Token]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var s = 0
        var i = 0
        func emit(_ e: Int) {
            if e > s { out.append(s..<e) }
            s = e
        }
        while i < tokens.count {
            // (The token is read in place, not copied: this runs for every token.)
            let kind = tokens[i].kind
            var boundary = false
            if kind == .punct, tokens[i].isMark(UInt8(ascii: ".")) || tokens[i].isMark(UInt8(ascii: "!")) || tokens[i].isMark(UInt8(ascii: "?")) {
                boundary = endsSentence(tokens, at: i)
            } else if kind == .word, tokens[i].has(.endsWithDot), tokens[i].text.count > 2, i + 1 < tokens.count {
                // "U.S." at the end of a sentence.
                let next = tokens[i + 1]
                boundary = next.capitalized && next.has(.sentenceOpener)
            }
            // Run-on "sentences" (a 10 MB line, a list without punctuation) are cut into pieces:
            // the later stages scan a sentence once per trigger, so an unbounded sentence would
            // make extraction quadratic. Real sentences are far shorter than either limit.
            if !boundary, i - s >= Self.softLimit, kind == .punct, tokens[i].isMark(UInt8(ascii: ",")) || tokens[i].isMark(UInt8(ascii: ";")) || tokens[i].isMark(UInt8(ascii: ":")) {
                boundary = true
            }
            if !boundary, i - s >= Self.hardLimit - 1 { boundary = true }
            if boundary {
                var e = i + 1
                // Closing quotes and brackets stay with the sentence they close.
                while e < tokens.count, tokens[e].isMark(UInt8(ascii: "\"")) || tokens[e].isMark(UInt8(ascii: ")")) || tokens[e].isMark(UInt8(ascii: "'")),
                    tokens[e].start == tokens[e - 1].end
                {
                    e += 1
                }
                emit(e)
                i = e
                continue
            }
            i += 1
        }
        emit(tokens.count)
        return out
    }

    func endsSentence(_ tokens: [Token], at i: Int) -> Bool {
        guard i + 1 < tokens.count else { return true }
        var n = i + 1
        while n < tokens.count, tokens[n].isMark(UInt8(ascii: "\"")) || tokens[n].isMark(UInt8(ascii: ")")) || tokens[n].isMark(UInt8(ascii: "'")) { n += 1 }
        guard n < tokens.count else { return true }
        let next = tokens[n]
        let startsNew = next.capitalized || next.kind == .number || tokens[i + 1].isMark(UInt8(ascii: "\"")) || next.isMark(UInt8(ascii: "\""))
            || (next.kind == .punct && !next.isMark(UInt8(ascii: ",")) && !next.isMark(UInt8(ascii: ".")) && !next.isMark(UInt8(ascii: ";")))
        guard startsNew else { return false }
        guard tokens[i].isMark(UInt8(ascii: ".")), i > 0 else { return true }
        let prev = tokens[i - 1]
        guard prev.end == tokens[i].start else { return true }
        if prev.kind == .word {
            if prev.has(.abbreviation) { return false }
            if prev.has(.month), prev.text.count <= 4, next.kind == .number { return false }
            if prev.text.count == 1, prev.capitalized { return false }  // an initial
        }
        return true
    }
}
