import EvqModel

/// Decides occurred / expected / hypothetical / denied from cue words before the trigger in
/// its clause (`hedges.tsv`, `negations.txt`), and whether the clause is habitual
/// (`habituals.txt`: "has been repeatedly sanctioned" is not one happening).
struct StatusClassifier {
    let lexicon: Lexicon

    /// A modal right after the trigger's phrase makes it hypothetical ...
    static let modals: Set<String> = ["could", "may", "might"]
    /// ... unless one of these comes first.
    static let modalStops: Set<String> = ["was", "were", "is", "are", "has", "have", "had", ","]

    func status(_ t: [Token], trigger: Int, clause: Range<Int>) -> Status {
        let from = clause.lowerBound
        var i = from
        var denied = false, hypothetical = false, expected = false
        while i < trigger {
            if !t[i].has(.cueFirst) { i += 1; continue }
            if let len = lexicon.matchPhrase(lexicon.negationsByFirst[t[i].lower] ?? [], at: i, in: t) {
                let word = t[i].lower
                let strong = word == "denied" || word == "denies" || word == "deny" || word == "refused" || word == "rejected" || word == "ruled"
                if strong || (trigger - i <= 4 && (word != "no" || trigger - i <= 2)) { denied = true }
                i += len
                continue
            }
            // "In May, Tehran freed ...": capitalised "May" is the month, not the modal.
            if t[i].lower == "may", t[i].capitalized { i += 1; continue }
            for h in lexicon.hedgesByFirst[t[i].lower] ?? [] {
                guard lexicon.matchOne(h.words, at: i, in: t) else { continue }
                if h.status == "hypothetical" { hypothetical = true }
                if h.status == "expected", trigger - i <= 6 { expected = true }
            }
            i += 1
        }
        // "easing U.S. sanctions could lead to ...": a modal right after the trigger's phrase.
        var k = trigger + 1
        while k < min(clause.upperBound, trigger + 5) {
            // (`modals` and `modalStops` as the token's class bits.)
            if t[k].has(.modal), !t[k].capitalized { hypothetical = true; break }
            // "border talks would resume in December": the happening is still to come.
            let w = t[k].lower
            if w == "would" || w == "will" { expected = true; break }
            if t[k].has(.modalStop) { break }
            k += 1
        }
        // "... to be released": an infinitive after the trigger's auxiliaries is not a report.
        if trigger >= 2, t[trigger - 1].lower == "be", t[trigger - 2].lower == "to" { expected = expected || !hypothetical }
        if denied { return .denied }
        if hypothetical { return .hypothetical }
        if expected { return .expected }
        return .occurred
    }

    /// Whether the trigger is merely negated ("have not been arrested", "no prisoners were
    /// freed") with no one denying it: nothing happened, so there is no event. An explicit
    /// denial ("denied that ... would be freed", "refused to release") is a `denied` event.
    func isPlainNegation(_ t: [Token], trigger: Int, clause: Range<Int>) -> Bool {
        var plain = false
        var i = clause.lowerBound
        while i < trigger {
            if t[i].has(.cueFirst), let len = lexicon.matchPhrase(lexicon.negations, at: i, in: t) {
                let word = t[i].lower
                if ["denied", "denies", "deny", "refused", "rejected", "ruled"].contains(word) { return false }
                // ("no prisoners were freed": "no" before the captives it denies.)
                let noCaptives = word == "no" && t[(i + 1)..<trigger].contains { $0.has(.captive) || $0.lower == "one" }
                // (Distance from the cue's last word: "had not been allowed to visit".)
                let gap = trigger - (i + len - 1)
                if gap <= 4 && (word != "no" || gap <= 2 || noCaptives) { plain = true }
                i += len
                continue
            }
            i += 1
        }
        return plain
    }

    /// A generic claim about what something would bring: a gerund subject with a modal
    /// ("easing U.S. sanctions could lead to ...") or a speculated consequence ("could lead to
    /// the release of ..."). Neither reports nor predicts a particular happening.
    func isGenericClaim(_ t: [Token], trigger: Int, triggerEnd: Int, clause: Range<Int>) -> Bool {
        if t[trigger].lower.hasSuffix("ing") {
            var k = triggerEnd
            while k < min(clause.upperBound, triggerEnd + 6) {
                if Self.claimModals.contains(t[k].lower), !t[k].capitalized { return true }
                if Self.claimStops.contains(t[k].lower) { break }
                k += 1
            }
        }
        let lo = max(clause.lowerBound, trigger - 5)
        if lo + 2 < trigger {
            for k in lo..<(trigger - 2) where Self.claimModals.contains(t[k].lower) && Self.consequenceVerbs.contains(t[k + 1].lower) { return true }
        }
        return false
    }

    // Built once (this runs for every trigger): the words `isGenericClaim` looks for.
    static let claimModals = StringSet(["could", "may", "might", "would", "can"])
    static let claimStops = StringSet([",", "was", "were", "is", "are", "has", "have", "had"])
    static let consequenceVerbs = StringSet(["lead", "contribute", "pave"])

    /// A demand cue (`hedges.tsv` status `demand`: "urged", "called on", "demanded") within six
    /// tokens before the trigger in its clause: someone asks for the happening, which is no
    /// event; likewise an open question (status `question`: "did not say whether", "it was
    /// unclear when") within eight.
    func isDemand(_ t: [Token], trigger: Int, clause: Range<Int>) -> Bool {
        let lo = max(clause.lowerBound, trigger - 8)
        guard lo < trigger else { return false }
        for i in lo..<trigger where t[i].has(.cueFirst) {
            for h in lexicon.hedgesByFirst[t[i].lower] ?? [] where (h.status == "demand" && trigger - i <= 6 || h.status == "question")
                && lexicon.matchOne(h.words, at: i, in: t)
            {
                return true
            }
        }
        return false
    }

    func isHabitual(_ t: [Token], trigger: Int, clause: Range<Int>) -> Bool {
        // Only cues starting within four tokens of the trigger count, so only those are read.
        let lo = max(clause.lowerBound, trigger - 4), hi = min(clause.upperBound, trigger + 5)
        guard lo < hi else { return false }
        for i in lo..<hi where t[i].has(.habitualFirst) && lexicon.matchPhrase(lexicon.habituals, at: i, in: t) != nil {
            return true
        }
        return false
    }
}
