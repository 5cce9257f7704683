/// Stage: finds date expressions in a sentence's tokens (see `TemporalExpression`).
///
/// Token patterns, tried left to right, longest first; month and weekday names come from
/// `months.txt` and `weekdays.txt`, number words from `numbers.tsv`.
public struct TemporalTagger: Sendable {
    let lexicon: Lexicon
    public init(lexicon: Lexicon = .standard) { self.lexicon = lexicon }

    static let yearPrepositions: Set<String> = [
        "in", "since", "until", "till", "by", "from", "of", "during", "before", "after", "early", "late", "mid",
        "around", "through", "to", "and", "between", "end", "spring", "summer", "autumn", "fall", "winter", ",",
    ]

    static let seasons: [String: (Int, Int)] = ["spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)]

    public func tag(_ t: [Token]) -> [DateMention] {
        var out: [DateMention] = []
        var i = 0
        while i < t.count {
            if let (expr, end) = parse(t, i) {
                var lo = i, hi = end, e = expr
                // "since X" and "X and Y" combinations.
                if lo > 0, t[lo - 1].lower == "since" || (lo > 1 && t[lo - 1].lower == "the" && t[lo - 2].lower == "since") {
                    lo -= t[lo - 1].lower == "since" ? 1 : 2
                    e = .since(expr)
                } else if let s = (max(0, lo - 5)..<lo).last(where: { t[$0].lower == "since" }),
                    !t[s..<lo].contains(where: { $0.kind == .punct }), !t[s..<lo].contains(where: { $0.kind == .number })
                {
                    // "since protests began last November": from that date on.
                    e = .since(expr)
                } else if hi + 1 < t.count, t[hi].lower == "and" || t[hi].lower == "to" || t[hi].isMark(UInt8(ascii: "-")) || t[hi].lower == "through",
                    let (second, end2) = parse(t, hi + 1), compatibleRange(expr, second)
                {
                    e = .range(expr, second)
                    hi = end2
                }
                out.append(DateMention(lo: lo, hi: hi, expression: e, text: words(t, lo, hi)))
                i = hi
                continue
            }
            i += 1
        }
        return out
    }

    func compatibleRange(_ a: TemporalExpression, _ b: TemporalExpression) -> Bool {
        switch (a, b) {
        case (.weekday, .weekday), (.monthDay, .monthDay), (.absolute, .absolute), (.monthDay, .absolute), (.month, .month): return true
        default: return false
        }
    }

    func words(_ t: [Token], _ lo: Int, _ hi: Int) -> String { Self.words(t, lo, hi) }

    /// The text of tokens `lo..<hi` as written (one space where the text had space). Static so
    /// that callers need no tagger (constructing one copies the whole lexicon).
    static func words(_ t: [Token], _ lo: Int, _ hi: Int) -> String {
        if hi - lo == 1 { return t[lo].text }  // (one word: its own string, nothing to build)
        // (Written once into a string of the phrase's length: appending word by word regrew
        // the string several times.)
        var n = 0
        for k in lo..<hi {
            if k > lo, t[k].start > t[k - 1].end { n += 1 }
            n += t[k].text.utf8.count
        }
        return String(unsafeUninitializedCapacity: n) { buf in
            var o = 0
            for k in lo..<hi {
                if k > lo, t[k].start > t[k - 1].end { buf[o] = 0x20; o += 1 }
                var w = t[k].text
                w.withUTF8 { p in
                    for b in p { buf[o] = b; o += 1 }
                }
            }
            return o
        }
    }

    func month(_ tok: Token) -> Int? {
        // (The class bits first: most capitalised words are no month, and "Dec." is looked up
        // without its dot.)
        guard tok.kind == .word, tok.capitalized, tok.has([.month, .endsWithDot]), let m = lexicon.months[tok.lower.hasSuffix(".") ? String(tok.lower.dropLast()) : tok.lower] else { return nil }
        return m
    }

    func isYear(_ tok: Token) -> Int? {
        // (A number token is ASCII: its byte count is its character count.)
        guard tok.kind == .number, tok.text.utf8.count == 4, let v = tok.number, (1900...2100).contains(v) else { return nil }
        return v
    }

    func dayNumber(_ tok: Token) -> Int? {
        guard tok.kind == .number, let v = tok.number, (1...31).contains(v), tok.text.utf8.count <= 4 else { return nil }
        return v
    }

    func skipDot(_ t: [Token], _ j: Int) -> Int { j < t.count && t[j].isMark(UInt8(ascii: ".")) && t[j].start == t[j - 1].end ? j + 1 : j }
    func skipComma(_ t: [Token], _ j: Int) -> Int { j < t.count && t[j].isMark(UInt8(ascii: ",")) ? j + 1 : j }

    func unit(_ w: String) -> TemporalExpression.Unit? {
        switch w {
        case "day", "days": return .day
        case "week", "weeks": return .week
        case "month", "months": return .month
        case "year", "years": return .year
        default: return nil
        }
    }

    /// Lowercase words that can start a date expression (besides numbers and capitalised names).
    static let starters: Set<String> = [
        "yesterday", "today", "tomorrow", "last", "this", "next", "past", "earlier", "over", "recent", "a", "an",
        "spring", "summer", "autumn", "fall", "winter",
    ]

    /// The lowercase words `parse` reads by name (the seasons and the `switch` below); any
    /// other lowercase word can only start "<number> <unit> ago".
    static let relativeWords: Set<String> = Set(seasons.keys).union([
        "yesterday", "today", "tomorrow", "last", "this", "next", "past", "earlier", "over", "recent",
    ])

    /// Parses one expression starting at `i`; returns it and the index after it.
    func parse(_ t: [Token], _ i: Int) -> (TemporalExpression, Int)? {
        // Quick reject: most tokens cannot start a date. (Read in place, before the token is
        // copied: this runs for every token of every sentence.)
        if t[i].kind == .punct { return nil }
        if t[i].kind == .word {
            if !t[i].capitalized {
                if !t[i].has(.dateStarter) { return nil }
                // ("a", "an" and number words: only "a year ago"; "ago" starts with an "a".)
                if !t[i].has(.dateRelative),
                    !(i + 2 < t.count && (t[i + 2].leadByte == 0 || t[i + 2].leadByte | 0x20 == UInt8(ascii: "a")) && t[i + 2].lower == "ago")
                {
                    return nil
                }
            } else if !t[i].has([.dateWord, .endsWithDot]) {
                // A capitalised word starts a date only as a month, weekday or starter ("Dec." too).
                return nil
            }
        }
        let tok = t[i]
        // Weekday, possibly followed by a full date: "Friday, Dec. 12, 2025".
        if tok.kind == .word, tok.capitalized, tok.has(.weekday), let w = lexicon.weekdays[tok.lower], tok.text.count >= 3 {
            let j = skipComma(t, skipDot(t, i + 1))
            if j < t.count, let (full, end) = parseCalendar(t, j) { return (full, end) }
            var offset = 0
            if i > 0 {
                switch t[i - 1].lower {
                case "last", "previous": offset = -1
                case "next", "coming": offset = 1
                default: break
                }
            }
            if tok.text.count <= 4, tok.lower.count <= 4, j == i + 1 { return nil }  // "Sat" alone is too ambiguous
            return (.weekday(w, offset: offset), i + 1)
        }
        if let cal = parseCalendar(t, i) { return cal }
        let lw = tok.lower
        // "the summer of 2024", "spring 2025": a season of a year.
        if let months = Self.seasons[lw] {
            var j = i + 1
            if j < t.count, t[j].lower == "of" { j += 1 }
            if j < t.count, let y = isYear(t[j]) {
                let endYear = months.1 < months.0 ? y + 1 : y
                return (.range(.absolute(year: y, month: months.0, day: nil), .absolute(year: endYear, month: months.1, day: nil)), j + 1)
            }
        }
        switch lw {
        case "yesterday": return (.dayOffset(-1), i + 1)
        case "today": return (.dayOffset(0), i + 1)
        case "tomorrow": return (.dayOffset(1), i + 1)
        case "last", "this", "next", "past":
            guard i + 1 < t.count else { return nil }
            let nx = t[i + 1].lower
            if nx == "weekend" { return (.weekend(offset: lw == "next" ? 1 : 0), i + 2) }
            if let u = unit(nx), u != .day, !nx.hasSuffix("s") {
                let off = lw == "last" || lw == "past" ? -1 : lw == "next" ? 1 : 0
                return (.period(u, offset: off), i + 2)
            }
            return nil
        case "earlier":
            if i + 2 < t.count, t[i + 1].lower == "this", let u = unit(t[i + 2].lower) { return (.earlierThis(u), i + 3) }
            return nil
        case "over":
            if i + 2 < t.count, t[i + 1].lower == "the", t[i + 2].lower == "weekend" { return (.weekend(offset: 0), i + 3) }
            return nil
        case "recent":
            if i + 1 < t.count, let u = unit(t[i + 1].lower), t[i + 1].lower.hasSuffix("s") { return (.recent(u), i + 2) }
            return nil
        default: break
        }
        // "two weeks ago", "3 days ago", "a year ago".
        var n: Int?
        if tok.kind == .number { n = tok.number } else if let w = lexicon.numbers[lw], w.kind != "magnitude" && w.kind != "scale" { n = w.value } else if lw == "a" || lw == "an" { n = 1 }
        if let n, n <= 10_000, i + 2 < t.count, let u = unit(t[i + 1].lower), t[i + 2].lower == "ago" { return (.ago(n, u), i + 3) }
        // A bare year in a date context: "in 2022", "the 2020 protests".
        if let y = isYear(tok) {
            let prevOK = i == 0 || t[i - 1].has(.yearPreposition) || month(t[i - 1]) != nil
            let nextIsCount = i + 1 < t.count && t[i + 1].has(.captive)
            if prevOK && !nextIsCount { return (.absolute(year: y, month: nil, day: nil), i + 1) }
        }
        return nil
    }

    /// "December 13, 2025", "Dec. 12", "13 December 2025", "September 2025", "in September".
    func parseCalendar(_ t: [Token], _ i: Int) -> (TemporalExpression, Int)? {
        let tok = t[i]
        if let m = month(tok) {
            // "May" and "March" are also verbs: the month reading needs a number after it or a
            // preposition before it.
            var j = skipDot(t, i + 1)
            if j < t.count, let d = dayNumber(t[j]), !(j + 1 < t.count && t[j + 1].isMark(UInt8(ascii: ":"))) {
                let k = skipComma(t, j + 1)
                if k < t.count, let y = isYear(t[k]) { return (.absolute(year: y, month: m, day: d), k + 1) }
                return (.monthDay(month: m, day: d), j + 1)
            }
            // "August last year", "March this year": the month of the year the words name
            // (without them, "in August" would be read as the latest August, and "last year"
            // as a date of its own).
            if tok.capitalized, j + 1 < t.count, t[j + 1].lowerIs("year") {
                switch t[j].lower {
                case "last": return (.monthInYear(m, yearOffset: -1), j + 2)
                case "this": return (.monthInYear(m, yearOffset: 0), j + 2)
                case "next": return (.monthInYear(m, yearOffset: 1), j + 2)
                default: break
                }
            }
            j = skipComma(t, j)
            if j < t.count, let y = isYear(t[j]) { return (.absolute(year: y, month: m, day: nil), j + 1) }
            if i > 0, ["in", "since", "until", "by", "early", "late", "mid", "last", "during", "from", "of", "through"].contains(t[i - 1].lower),
                tok.text.count >= 3, tok.lower != "may" || t[i - 1].lower != "by"
            {
                return (.month(m), i + 1)
            }
            return nil
        }
        if let d = dayNumber(tok), i + 1 < t.count, let m = month(t[i + 1]) {
            let j = skipComma(t, skipDot(t, i + 2))
            if j < t.count, let y = isYear(t[j]) { return (.absolute(year: y, month: m, day: d), j + 1) }
            return (.monthDay(month: m, day: d), i + 2)
        }
        // ISO date "2025-12-13" arrives as one number token with hyphens? It does not: digits
        // stop at "-", so "2025", "-", "12", "-", "13".
        if let y = isYear(tok), i + 4 < t.count, t[i + 1].isMark(UInt8(ascii: "-")), let m = t[i + 2].number, (1...12).contains(m),
            t[i + 3].isMark(UInt8(ascii: "-")), let d = dayNumber(t[i + 4]), t[i + 1].start == tok.end
        {
            return (.absolute(year: y, month: m, day: d), i + 5)
        }
        return nil
    }
}
