import EvqModel

/// Who said something in a sentence: a speech verb ("said", "told", "described", ...) outside
/// quotation marks and its speaker. The speaker is the name right before the verb (possibly
/// across an appositive or relative clause set off by commas: "Bialacki, who won ..., told"),
/// or right after it ("... ," said Volha Sharko"); a pronoun ("he said") or a role ("the U.S.
/// envoy said") is left for the document stage to resolve. News agencies, places and unnamed
/// sources ("officials said") are never speakers; a participle ("saying") belongs to the
/// sentence's earlier speaker.
struct StatementFinder {
    let lexicon: Lexicon

    /// A speaker as found in the sentence.
    enum Speaker: Equatable {
        case name(String)
        case pronoun
        case role(String)
    }

    struct Found {
        var speaker: Speaker
        var trigger: Int
    }

    func find(_ m: SentenceMentions) -> [Found] {
        let t = m.tokens
        var out: [Found] = []
        for i in t.indices where !t[i].inQuote && t[i].kind == .word {
            // "The State Department released a statement ...", "Amnesty International
            // published a report ...": the publisher speaks (`triggers.tsv` type publication).
            if !t[i].has(.statementTrigger) {
                guard t[i].has(.trigger), let entries = lexicon.triggers[t[i].lower],
                    entries.contains(where: { $0.type == "publication" && lexicon.matchOne($0.words, at: i, in: t) }),
                    case .some(.some(let s)) = speaker(before: i, m)
                else { continue }
                out.append(Found(speaker: s, trigger: i))
                continue
            }
            if t[i].lower.hasSuffix("ing") {
                if let prev = out.last { out.append(Found(speaker: prev.speaker, trigger: i)) }
                continue
            }
            // "added 40 people to its list", "called the decision ...": only speech when what
            // follows is speech (a quote, "that", a colon) or, for "called", a quote soon after.
            let after = i + 1 < t.count ? t[i + 1].lower : "."
            if t[i].lower == "added", ![":", ",", "\"", "that", ".", "on", "in"].contains(after) { continue }
            // ("called for the release of ..." is a call someone made: speech.)
            if t[i].lower == "called", after != "on", after != "for", !t[(i + 1)..<min(t.count, i + 6)].contains(where: { $0.lower == "\"" }) { continue }
            if t[i].lower == "announced" || t[i].lower == "confirmed", !["that", ":", ",", "."].contains(after) { continue }
            if let s = speaker(before: i, m) {
                if let s { out.append(Found(speaker: s, trigger: i)) }
                continue
            }
            // Inverted: `..." said Coale` / `, said the envoy`.
            if i > 0, t[i - 1].lower == "\"" || t[i - 1].lower == ",",
                let n = m.names.first(where: { $0.lo == i + 1 })
            {
                if let s = accept(n) { out.append(Found(speaker: s, trigger: i)) }
            }
        }
        return out
    }

    /// `nil` = nothing before the verb; `.some(nil)` = something that is not a statement speaker.
    func speaker(before i: Int, _ m: SentenceMentions) -> Speaker?? {
        let t = m.tokens
        var k = i - 1
        while k >= 0, ["also", "later", "then", "has", "have", "had", "previously", "earlier", "again", "further"].contains(t[k].lower) { k -= 1 }
        guard k >= 0 else { return nil }
        let w = t[k].lower
        if w == "he" || w == "she" { return .some(.pronoun) }
        // "Nguyen Van Duc, ..., accepted the award ... and said": the subject of the first verb
        // speaks, when no other person or organisation is named in between.
        if w == "and", let n = m.names.first(where: { $0.kind == .person && $0.lo >= m.datelineEnd && $0.hi < k }),
            !m.names.contains(where: { $0.lo > n.lo && $0.lo < k && ($0.kind == .person || $0.kind == .organization || $0.kind == .unknown) }),
            !t[n.hi..<k].contains(where: { $0.lower == "\"" || $0.lower == "who" || $0.lower == "that" })
        {
            return .some(accept(n))
        }
        // "the Viasna human rights center, which says ...": the relative pronoun speaks for the
        // name before its comma.
        if w == "which" || w == "who", k >= 2, t[k - 1].lower == ",", case .some(.some(let s)) = speaker(before: k - 1, m) { return .some(s) }
        if w == "they" || w == "it" || w == "who" { return .some(nil) }
        if t[k].has(.unnamed) || (k > 0 && lexicon.unnamed.contains("\(t[k - 1].lower) \(w)")) { return .some(nil) }
        if let n = m.names.first(where: { $0.hi == k + 1 }) {
            // "the Russian embassy in London said": the organisation before "in PLACE" speaks.
            if n.kind == .place, n.lo >= 2, t[n.lo - 1].lower == "in", lexicon.organizationWords.contains(t[n.lo - 2].lower) {
                if case .some(.some(.name(let org))) = speaker(before: n.lo - 1, m) { return .some(.name(org + " in " + n.text)) }
                return .some(nil)
            }
            // "Transparency International Georgia said": an organisation named with its country.
            if let o = orgWithCountry(n, m) { return .some(.name(o)) }
            return .some(accept(n))
        }
        // "Belarus's foreign ministry said", "the Belarusian presidential press service said".
        if t[k].has(.organization), !t[k].capitalized {
            var j = k
            while j > 0, j > k - 4, !t[j - 1].capitalized, t[j - 1].kind == .word, !["the", "his", "her", "its", "their", "a", "'", "s"].contains(t[j - 1].lower) { j -= 1 }
            let phrase = t[j...k].map { $0.lower.prefix(1).uppercased() + $0.lower.dropFirst() }.joined(separator: " ")
            var p = j - 1
            if p >= 1, t[p].lower == "s", t[p - 1].lower == "'" { p -= 2 }
            if p >= 0, let n = m.names.first(where: { $0.hi == p + 1 && ($0.kind == .place || $0.kind == .demonym) }) {
                let demonym = n.kind == .demonym ? n.text : (lexicon.demonymOf[n.canonical] ?? n.canonical)
                return .some(.name(demonym + " " + phrase))
            }
            // "The U.N. human rights office said": the body it belongs to names it.
            if p >= 0, let n = m.names.first(where: { $0.hi == p + 1 && ($0.kind == .organization || $0.kind == .unknown) }) {
                // "the Georgian Dream party said": a proper name with a one-word descriptor is
                // the name itself (with a demonym that starts it).
                if n.kind == .unknown, j == k {
                    let lead = m.names.first { $0.hi == n.lo && $0.kind == .demonym }
                    return .some(.name((lead.map { $0.text + " " } ?? "") + n.text))
                }
                return .some(.name(n.text + " " + phrase))
            }
            return .some(nil)
        }
        if t[k].has(.title), k > 0 {
            // "the U.S. envoy said"
            var j = k - 1
            while j >= 0, j >= k - 4, t[j].lower != "the" { j -= 1 }
            if j >= 0, t[j].lower == "the" { return .some(.role(w)) }
        }
        // Across an appositive: "NAME, ..., said", "NAME, speaking in Vilnius, said".
        if w == "," {
            // "..., her lawyer, Tran Quoc Hung, said": the name is itself the appositive.
            if let n = m.names.first(where: { $0.hi == k && $0.lo > 0 && t[$0.lo - 1].lower == "," }), n.kind == .person {
                return .some(accept(n))
            }
            for n in m.names.reversed() where n.hi < k && n.hi < t.count && t[n.hi].lower == "," {
                let withCountry = orgWithCountry(n, m)
                guard n.kind == .person || n.kind == .organization || n.kind == .unknown || withCountry != nil else { continue }
                let between = t[(n.hi + 1)..<k]
                if between.contains(where: { $0.lower == "\"" }) { break }
                let opener = between.first?.lower ?? ""
                if ["who", "the", "a", "an", "which", "whose", "his", "her", "its", "their"].contains(opener) || opener.hasSuffix("ing")
                    || between.first?.kind == .number  // "Volha Sharko, 52, said"
                    || between.first.map({ $0.has(.title) }) == true
                {
                    if let o = withCountry { return .some(.name(o)) }
                    return .some(accept(n))
                }
                break
            }
        }
        return nil
    }

    /// "Transparency International" + "Georgia": an organisation's name ending in its country.
    func orgWithCountry(_ n: NameMention, _ m: SentenceMentions) -> String? {
        guard n.kind == .place, let o = m.names.first(where: { $0.hi == n.lo && ($0.kind == .organization || $0.kind == .unknown) }) else { return nil }
        return o.text + " " + n.text
    }

    func accept(_ n: NameMention) -> Speaker? {
        switch n.kind {
        case .person, .organization, .unknown: return .name(n.text)
        case .place:
            // A bloc or a seat of government is an organisation that speaks ("the European Union
            // said", "the Kremlin said"); a country or city is not a speaker.
            let kind = lexicon.places[n.text]?.kind
            return kind == "bloc" || kind == "institution" ? .name(n.text) : nil
        default: return nil
        }
    }
}
