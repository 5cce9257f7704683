import EvqModel

/// Everything found in one sentence, as input to `EventFinder`.
struct SentenceMentions {
    var tokens: [Token]
    var dates: [DateMention]
    var quantities: [QuantityMention]
    var names: [NameMention]
    var clauses: Clauses
    /// Tokens before this index belong to a dateline prefix ("VILNIUS, LITHUANIA:").
    var datelineEnd: Int
}

/// Stage: one sentence's mentions -> event candidates.
///
/// A trigger from `triggers.tsv` outside quotation marks, whose constraint holds, opens a
/// candidate; its arguments come from the trigger's clause (count, places, status cues), its
/// date from the clause or else the sentence, its actors from the clause plus the sentence's
/// subject. Cumulative phrasing ("since July 2024", "overall", "in total") with a count marks a
/// total. Statements are found by `StatementFinder`.
struct EventFinder {
    let lexicon: Lexicon
    /// Built once (it holds a copy of the lexicon) rather than per sentence.
    let status: StatusClassifier

    init(lexicon: Lexicon) {
        self.lexicon = lexicon
        status = StatusClassifier(lexicon: lexicon)
    }

    static let prisonNouns: Set<String> = ["prison", "prisons", "jail", "jails", "colony", "colonies", "custody", "detention"]
    static let placeNouns: Set<String> = ["prison", "prisons", "capital", "border", "territory", "soil", "side", "jails", "city"]
    /// "U.S. officials met ...": the country acts through them.
    static let agentNouns: Set<String> = ["officials", "authorities", "government", "delegation", "diplomats", "negotiators", "envoy"]
    /// Adverbs that may stand between an auxiliary and its participle ("was first detained").
    static let adverbs = StringSet(["first", "later", "also", "again", "briefly", "subsequently", "initially", "reportedly", "allegedly", "eventually", "previously", "twice", "since"])
    /// Verbs of a trip whose purpose ("for talks") is a meeting that took place.
    static let travelVerbs = StringSet(["arrived", "arrives", "came", "travelled", "traveled", "flew", "went", "headed", "landed", "was in", "visited"])
    static let totalCues: [[String]] = [["overall"], ["in", "total"], ["in", "all"], ["altogether"], ["a", "total", "of"], ["so", "far"], ["to", "date"]]
    static let totalCueFirstWords: Set<String> = Set(totalCues.compactMap(\.first))

    func find(_ m: SentenceMentions, sentence: Int, supporting: Bool, speakers: Set<Int> = []) -> [Candidate] {
        let t = m.tokens
        var out: [Candidate] = []
        // Per candidate of `out`: its clause and trigger token (kept beside it rather than as
        // attributes, which would cost a dictionary entry and a number printed and parsed back).
        var where_: [(clause: Int, at: Int)] = []
        var usedSanctionToken = Set<Int>()
        var claimed: [(type: String, clause: Int)] = []  // one candidate per type per clause (few)
        var i = 0
        while i < t.count {
            guard !t[i].inQuote, t[i].kind == .word, t[i].has(.trigger), let entries = lexicon.triggers[t[i].lower] else { i += 1; continue }
            // "in exchange for" introduces what was given, not an exchange of prisoners.
            if t[i].lower == "exchange", i > 0, t[i - 1].lower == "in", i + 1 < t.count, t[i + 1].lower == "for" { i += 1; continue }
            var hit: Lexicon.Trigger?
            for e in entries where lexicon.matchOne(e.words, at: i, in: t) {
                if e.type == "statement" { continue }
                if constraintHolds(e, at: i, m, usedSanctionToken: &usedSanctionToken) { hit = e; break }
            }
            guard let trig = hit else { i += 1; continue }
            // "released from hospital", "met with criticism" (vetoes.txt), and trigger words
            // inside a name ("the Free Press Forum", "Freedom Prize") report no event.
            if lexicon.isVetoed(at: i, in: t)
                || m.names.contains(where: { $0.lo <= i && i < $0.hi && ($0.kind == .organization || $0.kind == .award || $0.kind == .agency) })
            {
                i += trig.words.count; continue
            }
            // "were met at the airport by relatives": a passive "met" is a greeting, not talks.
            if trig.type == "meeting", t[i].lower == "met", i > 0, ["was", "were", "been", "being", "be"].contains(t[i - 1].lower) {
                i += 1; continue
            }
            let clause = m.clauses.range(of: i)
            let key = (type: trig.type, clause: m.clauses.clauseOf[i])
            let next = i + trig.words.count
            if claimed.contains(where: { $0.clause == key.clause && $0.type == key.type }) || status.isHabitual(t, trigger: i, clause: clause) { i = next; continue }
            // "asked for a pardon", "calls for the release": a request, not a happening.
            // ("arrived in Minsk on Tuesday for talks with ..." is the purpose of a trip that
            // happened: the meeting took place.)
            let trip = trig.type == "meeting" && t[max(0, i - 8)..<i].contains { Self.travelVerbs.contains($0.lower) }
            if i >= 1, t[i - 1].lower == "for" || (i >= 2 && t[i - 2].lower == "for" && ["a", "the", "an"].contains(t[i - 1].lower)),
                !(i >= 3 && t[i - 3].lower == "exchange") && !(i >= 2 && t[i - 2].lower == "exchange"), !trip
            {
                i = next; continue
            }
            // "jailed journalist", "those convicted of": participles used as adjectives.
            // ("detained 37 people", "detained at least 16": a count right after makes it a verb.)
            // ("was first detained", "were later arrested": an adverb may sit after the auxiliary.)
            let aux = i > 0 ? (Self.adverbs.contains(t[i - 1].lower) && i > 1 ? t[i - 2].lower : t[i - 1].lower) : ""
            if ["jailed", "convicted", "detained", "arrested", "imprisoned"].contains(t[i].lower),
                !["was", "were", "been", "is", "are", "be", "has", "have", "had", "being"].contains(aux),
                !m.quantities.contains(where: { $0.lo > i && $0.lo <= i + 3 && $0.noun != nil }),
                !(i > 0 && (m.names.contains { $0.hi == i && $0.kind != .place } || t[i - 1].lower == "police" || t[i - 1].lower == "court" || t[i - 1].lower == "authorities"))
            {
                i = next; continue
            }
            // "urged Georgia to release", "demanded the release of": a demand, not a happening.
            if status.isDemand(t, trigger: i, clause: clause) || status.isPlainNegation(t, trigger: i, clause: clause)
                || status.isGenericClaim(t, trigger: i, triggerEnd: next, clause: clause)
            {
                i = next; continue
            }
            claimed.append(key)
            var c = Candidate(type: EventType(trig.type), status: status.status(t, trigger: i, clause: clause), total: false,
                actors: [], places: [], attributes: [:], sentence: sentence, supporting: supporting)
            fillArguments(&c, trigger: i, triggerEnd: next, clause: clause, m, speakers: speakers)
            if c.type == .sentencing, c.dateMention == nil, !c.hasNamedActor { i = next; continue }
            out.append(c)
            where_.append((m.clauses.clauseOf[i], i))
            i = next
        }
        // "freed N prisoners into <neighbouring country>": freed straight across a
        // border, which is a deportation beside the release.
        if !out.contains(where: { $0.type == .deportation }) {
            for (k, c) in out.enumerated() where c.type == .release && !c.supporting {
                let at = where_[k].at
                let clause = m.clauses.range(of: at)
                guard let into = (at..<clause.upperBound).first(where: { t[$0].lower == "into" }),
                    let dest = m.names.first(where: { $0.lo == into + 1 && ($0.kind == .place || $0.kind == .demonym) })
                else { continue }
                var d = c
                d.type = .deportation
                d.places = [dest.country ?? dest.canonical]
                d.attributes = [:]
                out.append(d)
                where_.append(where_[k])
                break
            }
        }
        // "a similar amnesty freed about 1,100": the amnesty is the happening; the release verb
        // only tells what it did.
        for a in out.indices where out[a].type == .amnesty || out[a].type == .pardon {
            let at = where_[a].at
            if let r = out.indices.first(where: { k in
                let rat = where_[k].at
                return out[k].type == .release && out[k].status == out[a].status && where_[k].clause == where_[a].clause
                    && rat > at && rat - at <= 4
            })
            {
                if out[a].count == nil { out[a].count = out[r].count; for (k, v) in out[r].attributes where out[a].attributes[k] == nil { out[a].attributes[k] = v } }
                if out[a].dateMention == nil { out[a].dateMention = out[r].dateMention }
                out[a].attributes["also_type"] = "release"
                out[r].type = EventType("_drop")
            }
        }
        out.removeAll { $0.type.rawValue == "_drop" }
        // An exchange: the releases in it are not events of their own, and its count is
        // everyone moved both ways.
        // "freed eight Americans in exchange for 27 Venezuelans": people given for people is a
        // prisoner exchange (for "sanctions relief" it stays an attribute of the release).
        if !out.contains(where: { $0.type == .exchange }), let span = exchangeForSpan(t), !t[span.lowerBound].inQuote {
            let given = m.quantities.filter { span.contains($0.lo) && !$0.isStock && $0.noun != nil }
            let person = m.names.contains { span.contains($0.lo) && $0.kind == .person }
            let people = !given.isEmpty || person || t[span].contains(where: { lexicon.captives.contains($0.lower) })
            // "Moldova handed over two Russian soldiers in return for 12 Moldovan citizens": no
            // release verb, but people went both ways.
            if people, !out.contains(where: { DocumentMerger.family($0.type) == "release" || $0.type == .deportation }),
                let k = (0..<(span.lowerBound - 3)).last(where: { Self.handOverVerbs.contains(t[$0].lower) }), !t[k].inQuote
            {
                let clause = m.clauses.range(of: k)
                var c = Candidate(type: .release, status: status.status(t, trigger: k, clause: clause), total: false,
                    actors: [], places: [], attributes: [:], sentence: sentence, supporting: supporting)
                fillArguments(&c, trigger: k, triggerEnd: k + 1, clause: clause, m, speakers: speakers)
                if c.attributes["in_exchange_for"] == nil { c.attributes["in_exchange_for"] = TemporalTagger.words(t, span.lowerBound, span.upperBound) }
                out.append(c)
            }
            if people, let r = out.firstIndex(where: { DocumentMerger.family($0.type) == "release" && $0.attributes["in_exchange_for"] != nil }) {
                out[r].type = .exchange
                if let own = out[r].count?.value, given.count == 1, let v = given[0].quantity.value {
                    out[r].count = Quantity(value: min(QuantityFinder.limit, own + v),
                        qualifier: out[r].count?.qualifier == .exact && given[0].quantity.qualifier == .exact ? .exact : .atLeast,
                        text: (out[r].count?.text ?? "") + " + " + (given[0].quantity.text ?? ""))
                } else if let own = out[r].count?.value, given.isEmpty, person, out[r].count?.qualifier == .exact {
                    out[r].count = Quantity(value: own + 1, qualifier: .exact, text: (out[r].count?.text ?? "") + " + 1")
                } else {
                    out[r].count = nil
                }
                let status = out[r].status
                out = out.enumerated().filter { $0.offset == r || !(DocumentMerger.family($0.element.type) == "release" && $0.element.status == status) }.map(\.element)
            }
        }
        let moved = m.quantities.filter { !$0.isStock && $0.noun != nil && $0.quantity.value != nil }
        if moved.count >= 2, !out.contains(where: { $0.type == .exchange }) {
            // "handed over five ..., while Tajikistan freed three ...": the legs of an exchange
            // told in the sentence before; DocumentMerger gives the sum to that exchange.
            let sum = moved.reduce(0) { min(QuantityFinder.limit, $0 + ($1.quantity.value ?? 0)) }
            for k in out.indices where DocumentMerger.family(out[k].type) == "release" || out[k].type == .deportation { out[k].attributes["_moved"] = String(sum) }
        }
        if let x = out.firstIndex(where: { $0.type == .exchange }) {
            if moved.count >= 2 {
                let sum = moved.reduce(0) { min(QuantityFinder.limit, $0 + ($1.quantity.value ?? 0)) }
                out[x].count = Quantity(value: sum, qualifier: moved.allSatisfy { $0.quantity.qualifier == .exact } ? .exact : .atLeast,
                    text: moved.map { $0.quantity.text ?? "" }.joined(separator: " + "))
            }
            // "exchanged 95 prisoners of war each": that many went each way.
            if moved.count == 1, let v = moved[0].quantity.value,
                t[moved[0].hi..<min(t.count, moved[0].hi + 4)].contains(where: { $0.lower == "each" })
            {
                out[x].count = Quantity(value: min(QuantityFinder.limit, 2 * v), qualifier: moved[0].quantity.qualifier, text: (moved[0].quantity.text ?? "") + " each")
            }
            let status = out[x].status
            out.removeAll { DocumentMerger.family($0.type) == "release" && $0.status == status }
        }
        return out
    }

    /// Whether the trigger's constraint (see triggers.tsv) holds at `i`.
    func constraintHolds(_ e: Lexicon.Trigger, at i: Int, _ m: SentenceMentions, usedSanctionToken: inout Set<Int>) -> Bool {
        let t = m.tokens
        let clause = m.clauses.range(of: i)
        let after = i + e.words.count
        switch e.constraint {
        case "captive":
            // "photo released by ...": an agent right after the verb needs a captive before it.
            if after < t.count, t[after].lower == "by" {
                let lo = max(clause.lowerBound, i - 5)
                return t[lo..<i].contains { $0.has(.captive) } || m.names.contains { $0.kind == .person && $0.hi <= i && $0.hi >= lo }
            }
            if t[clause].contains(where: { $0.has(.captive) }) { return true }
            if m.quantities.contains(where: { clause.contains($0.lo) && ($0.noun != nil || Self.isSubjectOf(t, $0, trigger: i)) }) { return true }
            // "A third American ... could be pardoned".
            if m.names.contains(where: { n in
                n.kind == .demonym && clause.contains(n.lo)
                    && (n.hi >= t.count || t[n.hi].kind == .punct || ["was", "is", "were", "who", "has", "had"].contains(t[n.hi].lower))
            }) {
                return true
            }
            // (An exchange needs captives or a known person: "exchange my device" is a return.)
            if m.names.contains(where: { ($0.kind == .person || ($0.kind == .unknown && $0.lo > 0 && e.type != "exchange")) && clause.contains($0.lo) }) { return true }
            // "Kaval, 34, was arrested": a sentence-initial single word followed by an age
            // appositive or an auxiliary is the subject's name.
            if let n = m.names.first(where: { $0.kind == .unknown && $0.lo == 0 && $0.hi < i }), n.hi + 1 < t.count,
                (t[n.hi].lower == "," && t[n.hi + 1].kind == .number) || ["was", "were", "had", "has"].contains(t[n.hi].lower),
                i > 0, ["was", "were", "been", "is", "are"].contains(t[i - 1].lower)
                    || (i > 1 && Self.adverbs.contains(t[i - 1].lower) && ["was", "were", "been", "is", "are"].contains(t[i - 2].lower))
            {
                return true
            }
            // "Kaval, 34, was arrested": a clause opening with an auxiliary continues a subject
            // named before the appositive.
            if clause.lowerBound > 0, startsWithAuxiliary(clause, t) {
                if m.names.contains(where: { ($0.kind == .person || $0.kind == .unknown) && $0.lo < clause.lowerBound && $0.lo >= m.datelineEnd }) { return true }
            }
            // A relative clause ("Poczobut, who was arrested in March 2021") refers back to a person.
            if clause.lowerBound > 0, Self.isRelative(clause, t) {
                let prev = m.clauses.range(of: clause.lowerBound - 1)
                return m.names.contains { ($0.kind == .person || $0.kind == .unknown) && prev.contains($0.lo) }
            }
            return false
        case "prison":
            return t[after..<min(t.count, after + 4)].contains { $0.has(.prisonNoun) }
        case "sanctions":
            let lo = max(0, i - 8), hi = min(t.count, after + 8)
            for k in lo..<hi where (t[k].lowerHasPrefix("sanction") || lexicon.matchPhrase(lexicon.sanctionPhrases, at: k, in: t) != nil)
                && !usedSanctionToken.contains(k)
            {
                usedSanctionToken.insert(k)
                return true
            }
            return false
        case "prize":
            // "won the Sakharov Prize"; passive "Last year's prize was awarded to ..." names it first.
            let passive = i > 0 && ["was", "were", "been", "is"].contains(t[i - 1].lower) || ["went", "go", "goes"].contains(t[i].lower)
            return m.names.contains { $0.kind == .award && clause.contains($0.lo) && ($0.lo >= i || passive) }
                || t[after..<max(after, clause.upperBound)].contains { ["prize", "award", "medal"].contains($0.lower) }
                || (passive && t[clause.lowerBound..<i].contains { ["prize", "award", "medal"].contains($0.lower) })
        case "meet":
            // A participant in the trigger's clause or before it (the subject), not a name in a
            // later clause about something else.
            // ("visited the protest camp" is no meeting: a visit is to a named place or person.)
            if t[i].lower == "visited" || t[i].lower == "visiting" {
                let hi = min(t.count, after + 3)
                if !m.names.contains(where: { $0.lo >= after && $0.lo < hi && $0.kind != .agency }) { return false }
            }
            // (A capitalised common noun opening the sentence is no name: "(AP) - Protesters".)
            return m.names.contains { n in
                (n.kind == .person || n.kind == .organization || (n.kind == .unknown && !(n.hi == n.lo + 1 && isCommonNoun(t[n.lo].lower))))
                    && n.lo >= m.datelineEnd && (n.lo < i || clause.contains(n.lo))
            }
        case "border":
            let hi = min(t.count, after + 7)
            return t[after..<hi].contains { ["border", "abroad", "across", "frontier", "exile"].contains($0.lower) }
        default:
            if e.type == "sanctions_imposed" {
                // "easing some of the sanctions on <country>" is an easing, not an imposition.
                let lo = max(0, i - 5)
                for k in lo..<min(t.count, i + 9) where k != i && t[k].has(.sanctionsEasedTrigger) { return false }
                if usedSanctionToken.contains(i) { return false }
                usedSanctionToken.insert(i)
            }
            return true
        }
    }

    static let placePrepositions: Set<String> = ["in", "at", "into", "to", "from", "across", "near", "outside", "inside", "toward", "towards"]

    /// A word of the lexicons' common nouns (captives, unnamed sources, organisation words).
    func isCommonNoun(_ w: String) -> Bool {
        lexicon.captives.contains(w) || lexicon.unnamed.contains(w) || lexicon.organizationWords.contains(w)
    }

    /// "in exchange for" / "in return for" at `k`.
    static func isExchangeFor(_ t: [Token], _ k: Int) -> Bool {
        k + 2 < t.count && t[k].lower == "in" && (t[k + 1].lower == "exchange" || t[k + 1].lower == "return") && t[k + 2].lower == "for"
    }

    /// Verbs of handing people over that, with "in return for" people, make an exchange.
    static let handOverVerbs = StringSet(["handed", "handing", "hands", "transferred", "returned", "sent", "gave", "delivered"])

    /// The words after "in exchange for" up to the next comma or the sentence's end.
    func exchangeForSpan(_ t: [Token]) -> Range<Int>? {
        guard t.count >= 3 else { return nil }
        for k in 0..<(t.count - 2) where Self.isExchangeFor(t, k) {
            var e = k + 3
            while e < t.count, t[e].lower != ",", t[e].lower != "." { e += 1 }
            return e > k + 3 ? (k + 3)..<e : nil
        }
        return nil
    }

    /// "..., was arrested": the clause (after its comma) opens with an auxiliary verb.
    func startsWithAuxiliary(_ r: Range<Int>, _ t: [Token]) -> Bool {
        guard r.lowerBound < t.count else { return false }
        let first = t[r.lowerBound].lower == "," && r.lowerBound + 1 < t.count ? t[r.lowerBound + 1].lower : t[r.lowerBound].lower
        return ["was", "were", "had", "has", "is"].contains(first)
    }

    static func isRelative(_ r: Range<Int>, _ t: [Token]) -> Bool {
        guard r.lowerBound < t.count else { return false }
        let first = t[r.lowerBound].lower == "," && r.lowerBound + 1 < t.count ? t[r.lowerBound + 1].lower : t[r.lowerBound].lower
        return ["who", "which", "whose", "whom"].contains(first)
    }

    func fillArguments(_ c: inout Candidate, trigger i: Int, triggerEnd: Int, clause: Range<Int>, _ m: SentenceMentions, speakers: Set<Int>) {
        let t = m.tokens
        // "in exchange for ...": kept as an attribute, and its words are not this event's arguments.
        var exchangeSpan = 0..<0
        for k in clause where k + 2 < t.count && Self.isExchangeFor(t, k) {
            var e = k + 3
            while e < clause.upperBound, t[e].lower != "," { e += 1 }
            exchangeSpan = k..<e
            if e > k + 3 { c.attributes["in_exchange_for"] = TemporalTagger.words(t, k + 3, e) }
            break
        }
        // Date: nearest in the clause; else, for a reported happening, nearest in the sentence.
        // (Not a word inside a name: "the outlet Meydan Today".)
        let dates = m.dates.filter { d in !m.names.contains { $0.kind != .place && $0.lo < d.lo && d.lo < $0.hi } }
        let inClause = dates.filter { clause.contains($0.lo) && $0.lo >= m.datelineEnd }
        // (Not from a relative clause about someone: "who won the prize in 2022".)
        // A date attached to a speech verb ("said on Friday that the releases ...") dates the
        // saying, not the events reported after it.
        func speechDate(_ d: DateMention) -> Bool {
            for s in max(0, d.lo - 6)..<d.lo where s < i {
                if t[s].has(.statementTrigger),
                    !t[(s + 1)..<d.lo].contains(where: { ["that", "\"", ",", "he", "she", "they", "it", "would", "will"].contains($0.lower) }),
                    !(s < i && i < d.lo)  // "said he would meet diplomats next week": the date is the meeting's
                {
                    return true
                }
            }
            return false
        }
        // (Nor a date told before the speech verb that introduces the event: "Delaney, named
        // envoy in March, told reporters that more could be released".)
        func beforeSpeech(_ d: DateMention) -> Bool {
            guard c.status != .occurred, d.hi < i else { return false }
            return t[d.hi..<i].contains { $0.has(.statementTrigger) && !$0.inQuote && !$0.lower.hasSuffix("ing") }
        }
        // (Nor from a later clause about what is still to come: "... and that talks would
        // resume in December".)
        func futureClauseDate(_ d: DateMention) -> Bool {
            return c.status == .occurred && d.lo > triggerEnd && t[triggerEnd..<d.lo].contains { ["would", "will", "could", "may", "might"].contains($0.lower) }
        }
        let pool = (!inClause.isEmpty ? inClause
            : (c.status == .occurred ? dates.filter { $0.lo >= m.datelineEnd && !Self.isRelative(m.clauses.range(of: $0.lo), t) } : []))
            .filter { !speechDate($0) && !futureClauseDate($0) && !beforeSpeech($0) }
        c.dateMention = pool.min { abs($0.lo - i) < abs($1.lo - i) }
        // "awarded its 2024 prize to ...": a year naming the prize dates the award.
        if c.type == .award, c.dateMention == nil {
            for k in clause where k + 1 < t.count && t[k].kind == .number
                && (["prize", "award", "medal", "edition"].contains(t[k + 1].lower) || m.names.contains { $0.lo == k + 1 && $0.kind == .award })
            {
                if let y = Int(t[k].lower), y >= 1900, y <= 2100 {
                    c.dateMention = DateMention(lo: k, hi: k + 1, expression: .absolute(year: y, month: nil, day: nil), text: t[k].text)
                    break
                }
            }
        }
        // "since Russia's full-scale invasion of Ukraine in February 2022": a long "since" phrase
        // still starts the stretch at its date.
        if let d = c.dateMention, case .absolute = d.expression, d.lo >= 2,
            let s = (max(0, d.lo - 10)..<d.lo).last(where: { t[$0].lower == "since" }),
            !t[(s + 1)..<d.lo].contains(where: { [",", "when", "after", "and", "but"].contains($0.lower) || $0.has(.trigger) })
        {
            c.dateMention = DateMention(lo: d.lo, hi: d.hi, expression: .since(d.expression), text: "since " + d.text)
        }
        // "... third since September, when he held talks": the "when" clause tells what happened
        // at that date, not since it.
        if let d = c.dateMention, case .since(let inner) = d.expression, d.hi < i,
            t[d.hi..<min(i, d.hi + 3)].contains(where: { $0.lower == "when" })
        {
            c.dateMention = DateMention(lo: d.lo, hi: d.hi, expression: inner, text: d.text)
        }
        if let d = c.dateMention {
            switch d.expression {
            case .since, .recent: c.total = true  // cumulative over a stretch of time
            default: break
            }
        }
        // Count: the nearest counted quantity in the clause that is not a stock.
        // "Those pardoned include 38 women": an anaphoric mention; the numbers are subsets.
        let anaphoric = i > 0 && ["those", "them", "whom"].contains(t[i - 1].lower)
        // "The freed prisoners included three journalists", "Among the 14 released were two
        // Lithuanians": a count after a subset cue is part of the group, not its size.
        let subsetCue = clause.first { k in k < t.count && (t[k].lower == "among" || t[k].lowerHasPrefix("includ")) }
        func isSubset(_ q: QuantityMention) -> Bool {
            guard let s = subsetCue else { return false }
            return q.lo > s && q.lo > i
        }
        let qs = anaphoric ? [] : m.quantities.filter {
            clause.contains($0.lo) && !$0.isStock && !exchangeSpan.contains($0.lo) && !isSubset($0)
                && ($0.noun != nil || $0.lo == triggerEnd || Self.isSubjectOf(t, $0, trigger: i))
        }
        let valued = qs.filter { $0.quantity.value != nil }
        if let q = (valued.isEmpty ? qs : valued).min(by: { abs($0.lo - i) < abs($1.lo - i) }), c.type != .meeting, c.type != .award,
            c.type.category != .sanctions || (q.lo > i && q.noun != nil)
        {
            c.count = q.quantity
            for (k, v) in q.parts { c.attributes[k] = String(v) }
        }
        if c.count != nil, m.clauses.ranges.indices.contains(m.clauses.clauseOf[i]) {
            for k in t.indices where (k < 3 || clause.contains(k)) && t[k].has(.totalCueFirst) {
                for cue in Self.totalCues where t[k].lower == cue[0] && lexicon.matchOne(cue, at: k, in: t) {
                    // ("so far this year" is cumulative; "the largest group so far in 2025" is not.)
                    var soFarThis = false
                    if let d = c.dateMention, case .period(let unit, offset: 0) = d.expression {
                        soFarThis = true
                        // It runs from the period's start to publication, like "earlier this year".
                        c.dateMention = DateMention(lo: d.lo, hi: d.hi, expression: .earlierThis(unit), text: d.text)
                    }
                    if cue != ["so", "far"] || c.dateMention == nil || soFarThis { c.total = true }
                }
            }
        }
        // (A meeting is never a cumulative figure without a number: "the visit was his third
        // since September" is this visit.)
        if c.total && c.count == nil && (c.type == .meeting || c.dateMention.map({ if case .since = $0.expression { return false } else { return true } }) ?? true) {
            c.total = false
        }
        // Names in the clause (and the sentence subject when the clause has none before the trigger).
        // (Names are handled by their index in `m.names`: filtering copies of mentions, each
        // with four strings, was a large part of this stage's cost.)
        let names = m.names
        let category = c.type.category
        let skip = category == .sanctions ? 0..<0 : exchangeSpan
        let usable = names.indices.filter {
            names[$0].lo >= m.datelineEnd && !skip.contains(names[$0].lo) && !t[names[$0].lo].inQuote && !speakers.contains(names[$0].lo)
        }
        var inC = usable.filter { clause.contains(names[$0].lo) && !Self.isAfterAccordingTo(t, names[$0].lo, clause) }
        if clause.lowerBound > 0, ["who", "which"].contains(t[clause.lowerBound].lower) || (clause.lowerBound + 1 < t.count && ["who", "which"].contains(t[clause.lowerBound + 1].lower)) {
            // A relative clause: the names it refers back to.
            let prev = m.clauses.range(of: clause.lowerBound - 1)
            let persons = names.indices.filter {
                prev.contains(names[$0].lo) && (names[$0].kind == .person || names[$0].kind == .unknown) && !t[names[$0].lo].inQuote
            }
            inC += persons.suffix(2)
        }
        if c.status == .occurred,
            !inC.contains(where: { names[$0].lo < i && (names[$0].kind == .person || names[$0].kind == .organization || names[$0].kind == .unknown) }),
            let subject = usable.first(where: { (names[$0].kind == .person || names[$0].kind == .unknown) && names[$0].lo < clause.lowerBound && names[$0].lo < i })
        {
            inC.insert(subject, at: 0)
        }
        var subjectStates: [String] = []
        for idx in inC {
            let n = names[idx]
            switch n.kind {
            case .person, .organization, .unknown:
                if category != .sanctions || n.kind == .organization { c.actors.append(n.text) }
            case .place, .demonym:
                let isPlaceNoun = n.hi < t.count && t[n.hi].has(.placeNoun)
                let prep = n.lo > 0 ? t[n.lo - 1].lower : ""
                let ofCapital = prep == "of" && n.lo > 1 && ["capital", "city", "town"].contains(t[n.lo - 2].lower)
                if category != .sanctions, n.hi < t.count, t[n.hi].has(.agentNoun), n.lo < i || clause.contains(n.lo) {
                    c.actors.append(n.country ?? n.canonical)
                } else if c.type.category != .sanctions, n.kind == .place, n.hi <= i, !Self.placePrepositions.contains(prep), prep != "of",
                    t[n.hi..<i].allSatisfy({ ["has", "have", "had", "was", "were", "also", "on"].contains($0.lower) || $0.kind == .number })
                {
                    // "Managua has freed ...": the capital or country as subject names the state
                    // where it happened (kept as a place, so that actors still tie reports together).
                    c.places.append(n.country ?? n.canonical)
                    subjectStates.append(n.country ?? n.canonical)
                } else if c.type.category == .sanctions {
                    if prep == "against" || prep == "on" { c.attributes["target"] = n.canonical }
                } else if n.kind == .place && ((n.lo > 0 && t[n.lo - 1].has(.placePreposition)) || ofCapital) {
                    c.places.append(n.canonical)
                } else if isPlaceNoun && (n.lo == 0 || t[n.lo - 1].lower != "'") {
                    c.places.append(n.canonical)
                }
            case .award:
                if c.type == .award { c.attributes["prize"] = n.text }
            case .agency:
                break
            }
        }
        if category == .sanctions {
            // Who imposes or lifts: "U.S. sanctions", "sanctions imposed by the EU", or the
            // clause's subject ("Washington announced easing ...").
            let sanctionWord = (max(0, i - 5)..<min(t.count, triggerEnd + 6)).first { t[$0].lowerHasPrefix("sanction") } ?? i
            var who = usable.filter { k in
                let n = names[k]
                return (n.kind == .place || n.kind == .demonym) && n.hi <= sanctionWord && n.hi >= sanctionWord - 3
            }
            who += usable.filter { k in
                let lo = names[k].lo
                return lo > triggerEnd && lo <= triggerEnd + 3 && lo > 0 && (t[lo - 1].lower == "by" || (lo > 1 && t[lo - 2].lower == "by"))
            }
            if who.isEmpty, let s = usable.first(where: { k in
                let n = names[k]
                return n.kind == .place && n.lo < i && clause.contains(n.lo) && n.lo > 0 ? !["against", "on", "of", "in"].contains(t[n.lo - 1].lower) : true
            }), names[s].lo < i {
                who = [s]
            }
            for k in who { c.actors.append(names[k].country ?? names[k].canonical) }
            if c.actors.isEmpty, let org = usable.first(where: { names[$0].kind == .organization && clause.contains(names[$0].lo) }) { c.actors.append(names[org].text) }
        }
        if c.type == .deportation {
            // Destinations: places after "to", "into", "across".
            let dest = usable.filter { k in clause.contains(names[k].lo) && names[k].lo > i && (names[k].kind == .place || names[k].kind == .demonym) }
            if !dest.isEmpty { c.places = dest.map { names[$0].country ?? names[$0].canonical }.reduce(into: []) { if !$0.contains($1) { $0.append($1) } } }
        }
        // ("Azerbaijan released 31 prisoners in Baku": Baku already places it.)
        let named = c.places
        c.places.removeAll { st in subjectStates.contains(st) && named.contains { lexicon.places[$0]?.country == st } }
        c.actors = Self.unique(c.actors)
        let places = lexicon.places
        c.hasNamedActor = c.actors.contains { places[$0] == nil }
        c.places = Self.unique(c.places)
    }

    /// "Hundreds were detained": a number right before the trigger's auxiliaries is its subject.
    static func isSubjectOf(_ t: [Token], _ q: QuantityMention, trigger i: Int) -> Bool {
        var k = q.hi
        while k < i, ["were", "was", "have", "has", "had", "been", "being", "are", "is"].contains(t[k].lower) { k += 1 }
        return k == i && q.hi < i
    }

    static func isAfterAccordingTo(_ t: [Token], _ k: Int, _ clause: Range<Int>) -> Bool {
        k >= 2 && t[k - 1].lower == "to" && t[k - 2].lower == "according"
            || k >= 3 && t[k - 2].lower == "to" && t[k - 3].lower == "according"
    }

    static func unique(_ xs: [String]) -> [String] {
        // (A linear scan: a candidate has a handful of names, where hashing each costs more.
        // Most lists have no repeat and are returned as they are, without a new array.)
        var repeated = false
        for k in xs.indices where !repeated { for j in 0..<k where xs[j] == xs[k] { repeated = true; break } }
        if !repeated { return xs }
        var out: [String] = []
        out.reserveCapacity(xs.count)
        for x in xs where !out.contains(x) { out.append(x) }
        return out
    }
}
