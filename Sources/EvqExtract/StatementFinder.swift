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
            guard let entries = lexicon.triggers[t[i].lower], entries.contains(where: { $0.type == "statement" }) else { continue }
            if t[i].lower.hasSuffix("ing") {
                if let prev = out.last { out.append(Found(speaker: prev.speaker, trigger: i)) }
                continue
            }
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
        if w == "they" || w == "it" || w == "who" { return .some(nil) }
        if lexicon.unnamed.contains(w) || (k > 0 && lexicon.unnamed.contains("\(t[k - 1].lower) \(w)")) { return .some(nil) }
        if let n = m.names.first(where: { $0.hi == k + 1 }) { return .some(accept(n)) }
        if lexicon.titles.contains(w), k > 0 {
            // "the U.S. envoy said"
            var j = k - 1
            while j >= 0, j >= k - 4, t[j].lower != "the" { j -= 1 }
            if j >= 0, t[j].lower == "the" { return .some(.role(w)) }
        }
        // Across an appositive: "NAME, ..., said".
        if w == ",", let n = m.names.last(where: { n in
            n.hi < k && n.hi < t.count && t[n.hi].lower == "," && !t[(n.hi + 1)..<k].contains { $0.lower == "\"" }
        }) {
            let between = t[(n.hi + 1)..<k]
            let opener = between.first?.lower ?? ""
            if ["who", "the", "a", "an", "which", "whose"].contains(opener) || between.first.map({ lexicon.titles.contains($0.lower) }) == true {
                return .some(accept(n))
            }
        }
        return nil
    }

    func accept(_ n: NameMention) -> Speaker? {
        switch n.kind {
        case .person, .organization, .unknown: return .name(n.text)
        default: return nil
        }
    }
}
