/// Clause boundaries inside a sentence: where one event's arguments stop and another's begin.
///
/// A clause ends at `;`, at a colon, at an opening quote, and at a comma followed by a
/// subordinating word ("while", "but", "who", "which", "saying", "according", ...). Events take
/// their count, places and status cues from their own clause; the date may come from the
/// whole sentence.
struct Clauses {
    static let openers: Set<String> = [
        "while", "but", "whereas", "who", "which", "saying", "although", "though", "as", "where", "when", "according",
        "adding", "after", "because", "since", "so", "and", "then", "describing", "calling", "whom", "whose",
    ]
    static let relativeOpeners: Set<String> = ["who", "whose", "whom"]

    @inline(__always) static func isWhile(_ w: String) -> Bool {
        let n = w.utf8.count
        return n == 5 && w == "while" || n == 7 && w == "whereas"
    }

    /// Clause number of every token.
    var clauseOf: [Int]
    /// Token range of every clause.
    var ranges: [Range<Int>]

    init(_ t: [Token]) {
        clauseOf = [Int](repeating: 0, count: t.count)
        ranges = []
        var c = 0
        var start = 0
        var inRelative = false
        for i in 0..<t.count {
            var boundary = false
            // Only punctuation ends a clause, except before "while"/"whereas" (checked by
            // length first: this runs for every token).
            if t[i].kind == .punct {
                // (The mark's byte, not its string: this runs for every mark.)
                let comma = t[i].isMark(UInt8(ascii: ","))
                // A relative clause set off by commas ends at the next comma.
                if comma, inRelative { boundary = true; inRelative = false }
                if comma, i + 1 < t.count, t[i + 1].has(.relativeOpener) { inRelative = true }
                if t[i].isMark(UInt8(ascii: ";")) || t[i].isMark(UInt8(ascii: ":")) { boundary = true }
                if comma, i + 1 < t.count, t[i + 1].has(.clauseOpener) { boundary = true }
                if t[i].isMark(UInt8(ascii: "-")), i > 0, t[i].start > t[i - 1].end, i + 1 < t.count, t[i + 1].has(.clauseOpener) { boundary = true }
            }
            // "while" and "whereas" open a new clause even without a comma.
            if i + 1 < t.count, t[i + 1].kind == .word, Self.isWhile(t[i + 1].lower), !t[i].isMark(UInt8(ascii: ",")) { boundary = true }
            clauseOf[i] = c
            if boundary {
                ranges.append(start..<(i + 1))
                start = i + 1
                c += 1
            }
        }
        ranges.append(start..<t.count)
    }

    func range(of token: Int) -> Range<Int> {
        guard token >= 0, token < clauseOf.count else { return 0..<0 }
        return ranges[clauseOf[token]]
    }
}
