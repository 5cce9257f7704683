/// A name found in a sentence.
public struct NameMention: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case person, organization, place, demonym, agency, award, unknown }
    public var lo: Int
    public var hi: Int
    /// As written ("Alexander Lukashenko", "Belarusian").
    public var text: String
    public var kind: Kind
    /// For places and demonyms: the canonical place; for others the text.
    public var canonical: String
    /// For a capital or city: its country (used when the city stands for its government).
    public var country: String?
    /// A title or role written just before it ("President", "opposition leader").
    public var role: String?
}

/// Stage: capitalised word runs -> names. Each run is cut at gazetteer names (countries,
/// cities, demonyms), titles and news agencies; what is left is a person, or an organisation
/// when it contains an organisation word ("Union", "Committee"), or a prize ("... Prize").
/// A single unknown capitalised word is kept as `unknown`: the document stage decides whether
/// it is a surname seen in full elsewhere, a misspelt place, or nothing.
public struct NameFinder: Sendable {
    let lexicon: Lexicon
    public init(lexicon: Lexicon = .standard) { self.lexicon = lexicon }

    static let connectors: Set<String> = ["of", "de", "van", "von", "der", "al", "bin", "la", "du", "for"]

    public func find(_ t: [Token]) -> [NameMention] {
        var out: [NameMention] = []
        var i = 0
        while i < t.count {
            guard isNameToken(t, i) else { i += 1; continue }
            var j = i + 1
            while j < t.count {
                if isNameToken(t, j) && t[j].start - t[j - 1].end <= 1 { j += 1; continue }
                if t[j].has(.connector), j + 1 < t.count, isNameToken(t, j + 1), !t[j].capitalized { j += 1; continue }
                break
            }
            // Trim trailing connectors.
            while j > i + 1, t[j - 1].has(.connector) { j -= 1 }
            // (Room for a few names at once: a sentence with one usually has more, and growing
            // the array one by one moved every mention each time.)
            if out.capacity == 0 { out.reserveCapacity(4) }
            classify(t, i, j, into: &out)
            i = j
        }
        return out
    }

    static let particles: Set<String> = ["al", "el", "ad", "as", "ash", "an", "at", "ar", "az"]
    /// "al-Murtada", "el-Sisi": a lowercase particle joined to a capitalised name.
    static func particleName(_ w: String) -> Bool {
        let u = Array(w.utf8.prefix(5))
        guard let dash = u.firstIndex(of: 0x2D), dash >= 2, dash <= 3, dash + 1 < u.count else { return false }
        let head = String(decoding: u[0..<dash], as: UTF8.self)
        return particles.contains(head) && u[dash + 1] >= 0x41 && u[dash + 1] <= 0x5A
    }

    func isNameToken(_ t: [Token], _ i: Int) -> Bool {
        // (Read in place: this runs for every token.)
        guard t[i].kind == .word, t[i].capitalized || (t[i].has(.hyphenated) && Self.particleName(t[i].text)) else { return false }
        if t[i].text == "I" { return false }
        // Months (but "May"), weekdays and number words, in one lookup.
        return !t[i].has(.nonName)
    }

    /// Appends the names of the capitalised run `t[lo..<hi]` to `out` (in place: returning
    /// an array to append copied every mention).
    func classify(_ t: [Token], _ lo: Int, _ hi: Int, into out: inout [NameMention]) {
        // An organisation spelled with its country ("Belarusian Association of Journalists").
        if hi - lo >= 2, t[hi - 1].has(.organization)
            || t[lo..<(hi - 1)].indices.contains(where: { t[$0].has(.organization) && t[$0 + 1].lower == "of" }),
            case let whole = TemporalTagger.words(t, lo, hi),
            lexicon.places[whole] == nil, !lexicon.agencies.contains(whole.lowercased())
        {
            var s = lo
            while s < hi, t[s].has(.stopword) { s += 1 }
            if s < hi {
                let text = TemporalTagger.words(t, s, hi)
                out.append(NameMention(lo: s, hi: hi, text: text, kind: .organization, canonical: text, role: role(t, s)))
                return
            }
        }
        var i = lo
        var chunkStart = lo
        func flushChunk(_ end: Int) {
            var s = chunkStart
            while s < end, t[s].has([.stopword, .title]) { s += 1 }
            guard s < end else { return }
            let text = TemporalTagger.words(t, s, end)
            // (One word: its class says it; `lower` is its lowercase.)
            if end - s == 1 ? t[s].has(.stopword) : lexicon.stopwords.contains(text.lowercased()) { return }
            var kind: NameMention.Kind = .person
            // (Compared as bytes and by the word's class bit: the same answers as the strings
            // and the set, without building an array and hashing.)
            let last = t[end - 1]
            if last.lowerIs("prize") || last.lowerIs("award") || last.lowerIs("medal") || last.lowerIs("prizes") { kind = .award } else if last.has(.organization) { kind = .organization } else if end - s == 1 { kind = .unknown }
            out.append(NameMention(lo: s, hi: end, text: text, kind: kind, canonical: text, role: role(t, s)))
        }
        while i < hi {
            // Longest gazetteer or agency match at i (only if some entry starts with this word).
            if !t[i].has(.nameFirst) {
                i += 1
                continue
            }
            var matched = false
            let maxLen = min(hi - i, max(lexicon.placeMaxWords, lexicon.agencyMaxWords))
            var len = maxLen
            while len >= 1 {
                // Quick reject before building the phrase: one word must be an entry itself;
                // words written apart must each be a word of some entry.
                if len == 1 ? !t[i].has(.nameEntry)
                    : ((i + 1)..<(i + len)).allSatisfy({ t[$0].start > t[$0 - 1].end }) && !(i..<(i + len)).allSatisfy({ t[$0].has(.namePart) })
                {
                    len -= 1
                    continue
                }
                let text = TemporalTagger.words(t, i, i + len)
                // (One word: its lowercase is the token's `lower`, and its class bits say what
                // the sets would: `nameEntry` passed above, `agency` and `title` below.)
                let lower = len == 1 ? t[i].lower : text.lowercased()
                // One lookup rules out every kind of entry (most word runs match none).
                if len > 1, !lexicon.nameEntries.contains(lower) { len -= 1; continue }
                if len == 1 ? t[i].has(.agency) : lexicon.agencies.contains(lower) {
                    flushChunk(i)
                    out.append(NameMention(lo: i, hi: i + len, text: text, kind: .agency, canonical: text, role: nil))
                    matched = true
                } else if let p = lexicon.places[text] ?? (t[i].text.count > 3 || len > 1 ? lexicon.placesLower[lower] : nil) {
                    flushChunk(i)
                    let kind: NameMention.Kind = p.kind == "demonym" ? .demonym : .place
                    out.append(NameMention(lo: i, hi: i + len, text: text, kind: kind, canonical: p.canonical,
                        country: p.country ?? (p.kind == "country" ? p.canonical : nil), role: nil))
                    matched = true
                } else if len == 1 ? t[i].has(.title) : len <= 3 && lexicon.titles.contains(lower) {
                    flushChunk(i)
                    matched = true
                }
                if matched { i += len; chunkStart = i; break }
                len -= 1
            }
            if !matched { i += 1 }
        }
        flushChunk(hi)
    }

    /// A title or role just before a name: "President", "opposition leader", "U.S. special envoy".
    func role(_ t: [Token], _ at: Int) -> String? {
        var best: String?
        for len in 1...3 where at - len >= 0 {
            // Every word of a title is a title word: most names have none before them.
            guard t[at - len].has(.titlePart) else { break }
            // (One word: its class bit says whether it is a title, and its lowercase is the
            // title; no string is joined.)
            if len == 1 {
                if t[at - 1].has(.title) { best = t[at - 1].lower }
                continue
            }
            let words = t[(at - len)..<at].map(\.lower).joined(separator: " ")
            if lexicon.titles.contains(words) { best = words }
        }
        return best
    }
}
