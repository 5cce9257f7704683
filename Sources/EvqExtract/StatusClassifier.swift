import EvqModel

/// Decides occurred / expected / hypothetical / denied from cue words before the trigger in
/// its clause (`hedges.tsv`, `negations.txt`), and whether the clause is habitual
/// (`habituals.txt`: "has been repeatedly sanctioned" is not one happening).
struct StatusClassifier {
    let lexicon: Lexicon

    /// "is due to", "are scheduled to" after the trigger: still to come.
    static let scheduledWords: Set<String> = ["due", "scheduled", "expected", "set", "planned", "likely"]
    static let finiteBe: Set<String> = ["is", "are", "was", "were", "has", "have", "had"]
    static let dueVerbs: Set<String> = ["be", "take", "begin", "start", "resume", "happen", "occur", "meet", "visit", "hold"]
    /// A modal right after the trigger's phrase makes it hypothetical ...
    static let modals: Set<String> = ["could", "may", "might"]
    /// ... unless one of these comes first.
    static let modalStops: Set<String> = ["was", "were", "is", "are", "has", "have", "had", ","]

    /// `finiteBe.contains(w.lower)`: `finiteBe` is `modalStops` without the comma, so its
    /// class bit less the mark (a bit test where the set hashed the word).
    @inline(__always) static func isFiniteBe(_ w: Token) -> Bool { w.has(.modalStop) && !w.isMark(UInt8(ascii: ",")) }

    func status(_ t: [Token], trigger: Int, clause: Range<Int>, meeting: Bool = false) -> Status {
        let from = clause.lowerBound
        var i = from
        var denied = false, hypothetical = false, expected = false
        while i < trigger {
            if !t[i].has(.cueFirst) { i += 1; continue }
            // (The word's cues looked up once for the three tests below.)
            let negations = lexicon.negationsByFirst[t[i].lower], hedges = lexicon.hedgesByFirst[t[i].lower]
            // "had not ruled out an exchange": a denial denied leaves it possible.
            if let len = negatedDenial(t, at: i, negations: negations, hedges: hedges) { hypothetical = true; i += len; continue }
            if let len = lexicon.matchPhrase(negations ?? [], at: i, in: t) {
                let word = t[i].lower
                let strong = word == "denied" || word == "denies" || word == "deny" || word == "refused" || word == "rejected" || word == "ruled"
                if strong || (trigger - i <= 4 && (word != "no" || trigger - i <= 2)) { denied = true }
                i += len
                continue
            }
            // "In May, Tehran freed ...": capitalised "May" is the month, not the modal.
            if t[i].lowerIs("may"), t[i].capitalized { i += 1; continue }
            for h in hedges ?? [] {
                guard lexicon.matchOne(h.words, at: i, in: t) else { continue }
                // ("discussed the possibility of an exchange": a topic is only possible; the
                // talks themselves took place.)
                if h.status == "hypothetical" || (h.status == "topic" && !meeting) { hypothetical = true }
                if h.status == "expected", trigger - i <= 6 { expected = true }
                // "a planned meeting", "the proposed exchange": only right before the noun.
                if h.status == "planned", trigger - i == 1 { expected = true }
            }
            i += 1
        }
        // "easing U.S. sanctions could lead to ...": a modal right after the trigger's phrase.
        var k = trigger + 1
        while k < min(clause.upperBound, trigger + 5) {
            // (`modals` and `modalStops` as the token's class bits.)
            if t[k].has(.modal), !t[k].capitalized { hypothetical = true; break }
            // "border talks would resume in December": the happening is still to come.
            if t[k].lowerIs("would") || t[k].lowerIs("will") { expected = true; break }
            if t[k].has(.modalStop) || t[k].isMark(UInt8(ascii: ",")) { break }
            k += 1
        }
        // "A second exchange, of about 250 prisoners, is due to take place next month": the first
        // auxiliary after the trigger (past a parenthesis) says it is still to come.
        var a = trigger + 1
        while a < min(clause.upperBound, trigger + 12), a + 2 < t.count {
            if Self.isFiniteBe(t[a]) {
                // ("was due to pressure" is a cause: "due" needs "to be", "to take" ...)
                // ("His release was postponed": it is still to come.)
                if lexicon.hedgesByFirst[t[a + 1].lower]?.contains(where: { $0.status == "postponed" && $0.words.count == 1 }) == true { expected = true }
                // ("more exchanges were planned": no infinitive needed.)
                if ["planned", "scheduled", "expected"].contains(t[a + 1].lower), t[a + 2].kind == .punct { expected = true }
                if Self.scheduledWords.contains(t[a + 1].lower), t[a + 2].lower == "to",
                    t[a + 1].lower != "due" || (a + 3 < t.count && Self.dueVerbs.contains(t[a + 3].lower))
                {
                    expected = true
                }
                break
            }
            if t[a].has(.trigger) { break }
            a += 1
        }
        // "... to be released": an infinitive after the trigger's auxiliaries is not a report.
        if trigger >= 2, t[trigger - 1].lowerIs("be"), t[trigger - 2].lowerIs("to") { expected = expected || !hypothetical }
        // "she would pardon them if parliament did not pass the law": a condition after the
        // trigger makes what would happen hypothetical.
        if expected, !hypothetical {
            var k = trigger + 1
            while k < min(t.count, trigger + 16) {
                if t[k].isMark(UInt8(ascii: ";")) || t[k].isMark(UInt8(ascii: ".")) { break }
                if t[k].lowerIs("if") || t[k].lowerIs("unless"), !t[k].inQuote { hypothetical = true; break }
                k += 1
            }
        }
        if denied { return .denied }
        if hypothetical { return .hypothetical }
        if expected { return .expected }
        return .occurred
    }

    /// Whether the trigger is merely negated ("have not been arrested", "no prisoners were
    /// freed") with no one denying it: nothing happened, so there is no event. An explicit
    /// denial ("denied that ... would be freed", "refused to release") is a `denied` event.
    /// The length of a negated denial at `i` ("not ruled out", "did not rule out": `hedges.tsv`
    /// hypothetical cues that open with a negation word), else nil.
    func negatedDenial(_ t: [Token], at i: Int) -> Int? {
        negatedDenial(t, at: i, negations: lexicon.negationsByFirst[t[i].lower], hedges: lexicon.hedgesByFirst[t[i].lower])
    }

    /// `negatedDenial` with the word's negations and hedges already looked up.
    func negatedDenial(_ t: [Token], at i: Int, negations: [[String]]?, hedges: [(words: [String], status: String)]?) -> Int? {
        guard negations != nil else { return nil }
        for h in hedges ?? [] where h.status == "hypothetical" && h.words.count > 1 && lexicon.matchOne(h.words, at: i, in: t) {
            return h.words.count
        }
        return nil
    }

    func isPlainNegation(_ t: [Token], trigger: Int, clause: Range<Int>) -> Bool {
        var plain = false
        var i = clause.lowerBound
        while i < trigger {
            guard t[i].has(.cueFirst) else { i += 1; continue }
            // (Only the negations that start with this word can match: `negationsByFirst` keeps
            // them in file order, so the first match is the same. Looked up once for both tests.)
            let negations = lexicon.negationsByFirst[t[i].lower]
            if let len = negatedDenial(t, at: i, negations: negations, hedges: negations == nil ? nil : lexicon.hedgesByFirst[t[i].lower]) { i += len; continue }
            if let len = lexicon.matchPhrase(negations ?? [], at: i, in: t) {
                let word = t[i].lower
                if word == "denied" || word == "denies" || word == "deny" || word == "refused" || word == "rejected" || word == "ruled" { return false }
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
        if Self.endsWithIng(t[trigger].lower) {
            var k = triggerEnd
            while k < min(clause.upperBound, triggerEnd + 6) {
                if Self.isClaimModal(t[k]), !t[k].capitalized { return true }
                // (The stops are `modalStops`: its class bit.)
                if t[k].has(.modalStop) { break }
                k += 1
            }
        }
        let lo = max(clause.lowerBound, trigger - 5)
        if lo + 2 < trigger {
            for k in lo..<(trigger - 2) where Self.isClaimModal(t[k]) && (t[k + 1].lowerIs("lead") || t[k + 1].lowerIs("contribute") || t[k + 1].lowerIs("pave")) {
                return true
            }
        }
        return false
    }

    // (Modals "could", "may", "might", "would", "can"; stops: the comma and the finite forms of
    // "be" and "have", which are `modalStops`; consequence verbs "lead", "contribute", "pave".)
    /// `w.hasSuffix("ing")`, on bytes (`hasASCIISuffix`).
    static func endsWithIng(_ w: String) -> Bool { hasASCIISuffix(w, "ing") }

    /// Whether the word is one of the claim modals, as byte compares.
    @inline(__always) static func isClaimModal(_ w: Token) -> Bool {
        // ("could", "may", "might" are `modals`: their class bit.)
        w.has(.modal) || w.lowerIs("would") || w.lowerIs("can")
    }

    /// A demand cue (`hedges.tsv` status `demand`: "urged", "called on", "demanded") within six
    /// tokens before the trigger in its clause: someone asks for the happening, which is no
    /// event; likewise an open question (status `question`: "did not say whether", "it was
    /// unclear when") within twelve.
    func isDemand(_ t: [Token], trigger: Int, clause: Range<Int>) -> Bool {
        let lo = max(clause.lowerBound, trigger - 12)
        guard lo < trigger else { return false }
        for i in lo..<trigger where t[i].has(.cueFirst) {
            for h in lexicon.hedgesByFirst[t[i].lower] ?? []
            where (h.status == "demand" && trigger - i <= 6 || h.status == "question" && trigger - i <= 12)
                && lexicon.matchOne(h.words, at: i, in: t)
            {
                return true
            }
        }
        return false
    }

    /// "The meeting was cancelled", "talks were called off": the first auxiliary after the
    /// trigger followed by a `hedges.tsv` cancelled cue; nothing happened, so no event.
    func isCalledOff(_ t: [Token], trigger: Int, clause: Range<Int>) -> Bool {
        var a = trigger + 1
        while a + 1 < min(clause.upperBound, trigger + 12) {
            if Self.isFiniteBe(t[a]) {
                var b = a + 1
                if t[b].lower == "been", b + 1 < t.count { b += 1 }
                return lexicon.hedgesByFirst[t[b].lower]?.contains(where: { $0.status == "cancelled" && lexicon.matchOne($0.words, at: b, in: t) }) == true
            }
            if t[a].has(.trigger) { return false }
            a += 1
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
