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
    static let agentNouns: Set<String> = [
        "officials", "authorities", "government", "delegation", "diplomats", "negotiators", "envoy",
        "ministers", "delegations", "envoys", "leaders", "counterparts",
    ]
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
        // (A few positions: an array, not a hashed set.)
        var usedSanctionToken: [Int] = []
        // Where the sentence says "in exchange for" / "in return for" (every candidate's
        // arguments skip that span: found once here rather than per candidate).
        let exchangeFor = Self.exchangeForPositions(t)
        var claimed: [(type: String, clause: Int, anaphoric: Bool)] = []  // one candidate per type per clause (few)
        var i = 0
        while i < t.count {
            guard !t[i].inQuote, t[i].kind == .word, t[i].has(.trigger), let entries = lexicon.triggers[t[i].lower] else { i += 1; continue }
            i = candidate(at: i, entries, m, sentence: sentence, supporting: supporting, speakers: speakers, exchangeFor: exchangeFor,
                usedSanctionToken: &usedSanctionToken, claimed: &claimed, &out, &where_)
        }
        // (The passes below are functions of their own: in one very large function the
        // optimiser stopped inlining, and every `t[k]` became a call that copied the token.)
        deportationAcrossBorder(&out, &where_, m)
        relinkAnaphoricAndAmnesties(&out, &where_, m)
        exchangeForPeople(&out, &where_, m, sentence: sentence, supporting: supporting, speakers: speakers, exchangeFor: exchangeFor)
        // Groups moved (not a subset of another: "among them three women").
        let moved = m.quantities.filter { q in
            !q.isStock && q.noun != nil && q.quantity.value != nil
                && !t[max(0, q.lo - 2)..<q.lo].contains { $0.lower == "among" || $0.lower == "including" || $0.lower == "included" }
        }
        exchangeEachOrInReturn(&out, &where_, m, moved: moved)
        exchangeBetweenStates(&out, &where_, m, moved: moved, sentence: sentence, supporting: supporting, speakers: speakers, exchangeFor: exchangeFor)
        movedLegs(&out, &where_, m, moved: moved, sentence: sentence, supporting: supporting, speakers: speakers, exchangeFor: exchangeFor)
        exchangeCount(&out, where_, m, moved: moved, speakers: speakers)
        refine(&out, &where_, m, sentence: sentence, supporting: supporting, speakers: speakers)  // SentenceRefinements.swift
        return out
    }

    /// The candidate of the trigger word at `i` (whose entries are `entries`), if any, appended
    /// to `out`; returns where to look for the next trigger.
    func candidate(at i: Int, _ entries: [Lexicon.Trigger], _ m: SentenceMentions, sentence: Int, supporting: Bool, speakers: Set<Int>, exchangeFor: [Int],
        usedSanctionToken: inout [Int], claimed: inout [(type: String, clause: Int, anaphoric: Bool)], _ out: inout [Candidate], _ where_: inout [(clause: Int, at: Int)]) -> Int
    {
        let t = m.tokens
        // "in exchange for" introduces what was given, not an exchange of prisoners.
        if t[i].lowerIs("exchange"), i > 0, t[i - 1].lowerIs("in"), i + 1 < t.count, t[i + 1].lowerIs("for") { return i + 1 }
        // (By index: iterating the entries copied each, five strings and arrays retained.)
        var hit: Int?
        for e in entries.indices where lexicon.matchOne(entries[e].words, at: i, in: t) {
            // (Speech and publishing verbs are StatementFinder's.)
            if entries[e].isStatement { continue }
            if constraintHolds(entries[e], at: i, m, usedSanctionToken: &usedSanctionToken) { hit = e; break }
        }
        guard let h = hit else { return i + 1 }
        let trig = entries[h]
        // "released from hospital", "met with criticism" (vetoes.txt), and trigger words
        // inside a name ("the Free Press Forum", "Freedom Prize") report no event.
        if lexicon.isVetoed(at: i, in: t)
            || m.names.containsMention(where: { $0.lo <= i && i < $0.hi && ($0.kind == .organization || $0.kind == .award || $0.kind == .agency) })
            || isCapitalisedName(at: i, m)
        {
            return i + trig.words.count
        }
        // ("We released version 2.4", "I met him in 2010": a report does not speak in the first
        // person outside quotes; such text is not news.)
        if t[max(0, i - 3)..<i].contains(where: { ($0.lowerIs("i") || $0.lowerIs("we")) && !$0.inQuote }) {
            return i + trig.words.count
        }
        // "were met at the airport by relatives": a passive "met" is a greeting, not talks.
        // (So is a passive "were received by Guatemalan officials".)
        if trig.type == "meeting", Self.isAny(t[i], ["met", "received", "hosted"]), i > 0, Self.isAny(t[i - 1], ["was", "were", "been", "being", "be"]) {
            return i + 1
        }
        let clause = m.clauses.range(of: i)
        let key = (type: trig.type, clause: m.clauses.clauseOf[i], anaphoric: false)
        let next = i + trig.words.count
        if (claimed.contains(where: { $0.clause == key.clause && $0.type == key.type && !$0.anaphoric }) && !isLaterHappening(out, where_, type: trig.type, trigger: i, clause: clause, m))
            || status.isHabitual(t, trigger: i, clause: clause) { return next }
        // "asked for a pardon", "calls for the release": a request, not a happening.
        // ("arrived in Minsk on Tuesday for talks with ..." is the purpose of a trip that
        // happened: the meeting took place.)
        let trip = trig.type == "meeting" && t[max(0, i - 8)..<i].contains { Self.travelVerbs.contains($0.lower) }
        // ("pressing for their release", "called for the immediate release": a determiner or
        // possessive and one adjective may stand between.)
        if let f = Self.forBefore(t, i), !(f >= 1 && (t[f - 1].lower == "exchange" || t[f - 1].lower == "return")), !trip {
            return next
        }
        // "jailed journalist", "those convicted of": participles used as adjectives.
        // ("detained 37 people", "detained at least 16": a count right after makes it a verb.)
        // ("was first detained", "were later arrested": an adverb may sit after the auxiliary.)
        let aux = i > 0 ? (Self.adverbs.contains(t[i - 1].lower) && i > 1 ? t[i - 2].lower : t[i - 1].lower) : ""
        // ("raided the offices and detained their directors", "arrested a blogger": an object
        // right after makes it a verb.)
        if Self.isAny(t[i], ["jailed", "convicted", "detained", "arrested", "imprisoned"]),
            !["was", "were", "been", "is", "are", "be", "has", "have", "had", "being"].contains(aux),
            !m.quantities.contains(where: { $0.lo > i && $0.lo <= i + 3 && $0.noun != nil }),
            !(i + 1 < t.count && Self.isObjectOpener(t[i + 1])),
            // ("a Russian convicted of fraud": a demonym is no subject.)
            !(i > 0 && (m.names.containsMention { $0.hi == i && $0.kind != .place && $0.kind != .demonym } || t[i - 1].lower == "police" || t[i - 1].lower == "court" || t[i - 1].lower == "authorities"))
        {
            return next
        }
        // "urged Georgia to release", "demanded the release of": a demand, not a happening.
        if status.isDemand(t, trigger: i, clause: clause) || status.isPlainNegation(t, trigger: i, clause: clause)
            || status.isGenericClaim(t, trigger: i, triggerEnd: next, clause: clause)
            || status.isCalledOff(t, trigger: i, clause: clause)
        {
            return next
        }
        var c = Candidate(type: trig.eventType, status: status.status(t, trigger: i, clause: clause, meeting: trig.type == "meeting"), total: false,
            actors: [], places: [], attributes: [:], sentence: sentence, supporting: supporting)
        fillArguments(&c, trigger: i, triggerEnd: next, clause: clause, m, speakers: speakers, exchangeFor: exchangeFor)
        if Self.isType(c.type, .sentencing), c.dateMention == nil, !c.hasNamedActor { return next }
        // "who had been jailed since 2020", "has been detained since March": a state lasting
        // since a date, not a happening.
        if Self.isType(c.type, .sentencing) || Self.isType(c.type, .arrest), next < t.count, t[next].lower == "since", i > 0, t[i - 1].lower == "been" { return next }
        // ("the exchange had been prepared for months", "after the meeting", "his release")
        // (A date right after the noun makes it a report of its own: "the swap in Ankara
        // last year", "the release on Saturday".)
        if i > 0, Self.isAnaphoricDeterminer(t[i - 1]), c.count?.value == nil,
            !m.dates.contains(where: { d in
                d.lo >= next && d.lo <= next + 4 && !t[next..<d.lo].contains { Self.isAuxiliary($0) }  // ("those pardoned were freed on Friday")
            }),
            // ("the lifting of some US sanctions", "the release of the prisoners" say what.)
            next >= t.count || t[next].lower != "of",
            !m.names.containsMention(where: { $0.lo >= next && $0.lo <= next + 2 && ($0.kind == .person || $0.kind == .organization || $0.kind == .unknown) })
        {
            c.anaphoric = true
        }
        c.nominal = i > 0 && Self.isDeterminer(t[i - 1])
        // ("We released Tessera 2.4 on Monday": when only a lone unknown capitalised word made
        // the clause name a captive, the document stage keeps the event only if that word
        // turns out to be someone's name.)
        if trig.rule == .captive, onlyUnknownNameNamesCaptive(trigger: i, clause: clause, m) { c.attributes["_needsPerson"] = "1" }
        // (A mention of a happening told elsewhere leaves the clause to a new one: "after
        // the meeting ... had agreed to meet again".)
        claimed.append((key.type, key.clause, c.anaphoric))
        out.append(consume c)
        where_.append((m.clauses.clauseOf[i], i))
        return next
    }

    /// "freed N prisoners into <neighbouring country>": a deportation beside the release.
    func deportationAcrossBorder(_ out: inout [Candidate], _ where_: inout [(clause: Int, at: Int)], _ m: SentenceMentions) {
        let t = m.tokens
        // "freed N prisoners into <neighbouring country>": freed straight across a
        // border, which is a deportation beside the release.
        if !Self.has(out, .deportation) {
            for k in out.indices where Self.isType(out[k].type, .release) && !out[k].supporting {
                let at = where_[k].at
                let clause = m.clauses.range(of: at)
                guard let into = (at..<clause.upperBound).first(where: { t[$0].lower == "into" }),
                    let dest = m.names.first(where: { $0.lo == into + 1 && ($0.kind == .place || $0.kind == .demonym) })
                else { continue }
                var d = out[k]
                d.type = .deportation
                d.places = [dest.country ?? dest.canonical]
                d.attributes = [:]
                out.append(d)
                where_.append(where_[k])
                break
            }
        }
    }

    /// Releases that refer back to a pardon, and amnesties that are how a release happens.
    func relinkAnaphoricAndAmnesties(_ out: inout [Candidate], _ where_: inout [(clause: Int, at: Int)], _ m: SentenceMentions) {
        let t = m.tokens
        // "Most of those pardoned were freed on Friday": the release is the pardon told before.
        for k in out.indices where Self.isType(out[k].type, .release) && !out[k].anaphoric {
            let at = where_[k].at
            let clause = m.clauses.range(of: at)
            if at >= 2, clause.lowerBound < at - 1, (clause.lowerBound..<(at - 1)).contains(where: { j in
                t[j + 1].has(.trigger) && Self.isAnaphoricDeterminer(t[j])
                    && lexicon.triggers[t[j + 1].lower]?.contains(where: { $0.family == "release" }) == true
            }) {
                out[k].anaphoric = true
            }
        }
        // "began releasing 5,864 prisoners under an amnesty", "plans to release 2,000 inmates
        // under the amnesty": the amnesty is how they are freed, one happening with the
        // release's status, date and count.
        for a in out.indices where (Self.isType(out[a].type, .amnesty) || Self.isType(out[a].type, .pardon)) && where_[a].at >= 2 {
            let at = where_[a].at
            let det = Self.isDeterminer(t[at - 1]) ? at - 2 : at - 1
            guard det >= 0, t[det].lower == "under" || t[det].lower == "through" else { continue }
            if let r = out.indices.first(where: { k in
                Self.isType(out[k].type, .release) && where_[k].clause == where_[a].clause && where_[k].at < at && at - where_[k].at <= 10
            }) {
                out[r].attributes["also_type"] = out[a].type.rawValue
                out[a].type = EventType("_drop")
            }
        }
        // "a similar amnesty freed about 1,100": the amnesty is the happening; the release verb
        // only tells what it did.
        for a in out.indices where Self.isType(out[a].type, .amnesty) || Self.isType(out[a].type, .pardon) {
            let at = where_[a].at
            if let r = out.indices.first(where: { k in
                let rat = where_[k].at
                return Self.isType(out[k].type, .release) && out[k].status == out[a].status && where_[k].clause == where_[a].clause
                    && rat > at && rat - at <= 4
            })
            {
                if out[a].count == nil { out[a].count = out[r].count; for (k, v) in out[r].attributes where out[a].attributes[k] == nil { out[a].attributes[k] = v } }
                if out[a].dateMention == nil { out[a].dateMention = out[r].dateMention }
                out[a].attributes["also_type"] = "release"
                out[r].type = EventType("_drop")
            }
        }
        if out.indices.contains(where: { out[$0].type.rawValue == "_drop" }) {
            let keep = out.indices.filter { out[$0].type.rawValue != "_drop" }
            out = keep.map { out[$0] }
            where_ = keep.map { where_[$0] }
        }
    }

    /// "in exchange for" people: a prisoner exchange.
    func exchangeForPeople(_ out: inout [Candidate], _ where_: inout [(clause: Int, at: Int)], _ m: SentenceMentions, sentence: Int, supporting: Bool, speakers: Set<Int>, exchangeFor: [Int]) {
        let t = m.tokens
        // An exchange: the releases in it are not events of their own, and its count is
        // everyone moved both ways.
        // "freed eight Americans in exchange for 27 Venezuelans": people given for people is a
        // prisoner exchange (for "sanctions relief" it stays an attribute of the release).
        if !Self.has(out, .exchange), let span = exchangeForSpan(t, exchangeFor), !t[span.lowerBound].inQuote {
            let given = m.quantities.filter { span.contains($0.lo) && !$0.isStock && $0.noun != nil }
            let person = m.names.containsMention { span.contains($0.lo) && $0.kind == .person }
            let people = !given.isEmpty || person || t[span].contains(where: { lexicon.captives.contains($0.lower) })
            // "Moldova handed over two Russian soldiers in return for 12 Moldovan citizens": no
            // release verb, but people went both ways.
            if people, !out.indices.contains(where: { Self.isReleaseFamily(out[$0].type) || Self.isType(out[$0].type, .deportation) }),
                let k = (0..<(span.lowerBound - 3)).last(where: { Self.isHandOver(t[$0]) }), !t[k].inQuote
            {
                let clause = m.clauses.range(of: k)
                var c = Candidate(type: .release, status: status.status(t, trigger: k, clause: clause), total: false,
                    actors: [], places: [], attributes: [:], sentence: sentence, supporting: supporting)
                fillArguments(&c, trigger: k, triggerEnd: k + 1, clause: clause, m, speakers: speakers, exchangeFor: exchangeFor)
                if c.attributes["in_exchange_for"] == nil { c.attributes["in_exchange_for"] = TemporalTagger.words(t, span.lowerBound, span.upperBound) }
                out.append(c)
                where_.append((m.clauses.clauseOf[k], k))
            }
            if people, let r = out.indices.first(where: { Self.isReleaseFamily(out[$0].type) && out[$0].attributes["in_exchange_for"] != nil }) {
                out[r].type = .exchange
                if let own = out[r].count?.value, given.count == 1, let v = given[0].quantity.value {
                    out[r].count = Quantity(value: min(QuantityFinder.limit, own + v),
                        qualifier: out[r].count?.qualifier == .exact && given[0].quantity.qualifier == .exact ? .exact : .atLeast,
                        text: (out[r].count?.text ?? "") + " + " + (given[0].quantity.text ?? ""))
                } else if let own = out[r].count?.value, given.isEmpty, person, out[r].count?.qualifier == .exact {
                    out[r].count = Quantity(value: own + 1, qualifier: .exact, text: (out[r].count?.text ?? "") + " + 1")
                } else if out[r].count?.value == nil, given.isEmpty, person, let at = where_.indices.contains(r) ? where_[r].at : nil,
                    m.names.containsMention(where: { $0.kind == .person && $0.lo > at && $0.lo <= at + 5 && $0.hi <= span.lowerBound })
                {
                    // "freed teacher Marc Fogel in exchange for Alexander Vinnik": one each way.
                    out[r].count = Quantity(value: 2, qualifier: .exact, text: "one for one")
                } else {
                    out[r].count = nil
                }
                let status = out[r].status
                let keep = out.indices.filter { $0 == r || !(DocumentMerger.family(out[$0].type) == "release" && out[$0].status == status) }
                out = keep.map { out[$0] }
                where_ = keep.map { where_[$0] }
            }
        }
    }

    /// "each released 150 prisoners", "released 183 prisoners in return": exchanges.
    func exchangeEachOrInReturn(_ out: inout [Candidate], _ where_: inout [(clause: Int, at: Int)], _ m: SentenceMentions, moved: [QuantityMention]) {
        let t = m.tokens
        // "Russia and Ukraine each released 150 prisoners": the same number went each way.
        if !Self.has(out, .exchange), let r = out.indices.first(where: { k in
            Self.isType(out[k].type, .release) && where_[k].at > 0 && t[where_[k].at - 1].lower == "each" && out[k].count?.value != nil
        }) {
            let at = where_[r].at
            let parties = m.names.filter { n in
                n.hi <= at && m.clauses.range(of: at).contains(n.lo) && (n.kind == .place || n.kind == .demonym || n.kind == .person)
            }
            if parties.count >= 2, let q = out[r].count, let v = q.value {
                out[r].type = .exchange
                out[r].count = Quantity(value: min(QuantityFinder.limit, 2 * v), qualifier: q.qualifier, text: "each " + (q.text ?? ""))
            }
        }
        // "Israel released 183 prisoners in return", "... freed three hostages and released 30
        // fighters in exchange": "in return" / "in exchange" without "for" makes the release one
        // side of an exchange, the other told in the same sentence or the one before.
        if !Self.has(out, .exchange), let r = out.indices.first(where: { Self.isType(out[$0].type, .release) }),
            t.indices.contains(where: { k in
                // ("in" is a place preposition: its class bit first.)
                k + 1 < t.count && t[k].has(.placePreposition) && t[k].lowerIs("in") && (t[k + 1].lowerIs("return") || t[k + 1].lowerIs("exchange")) && !t[k].inQuote
                    && (k + 2 >= t.count || !t[k + 2].lowerIs("for"))
            })
        {
            if moved.count >= 2 {
                let sum = moved.reduce(0) { min(QuantityFinder.limit, $0 + ($1.quantity.value ?? 0)) }
                out[r].type = .exchange
                out[r].count = Quantity(value: sum, qualifier: moved.allSatisfy { $0.quantity.qualifier == .exact } ? .exact : .atLeast,
                    text: moved.map { $0.quantity.text ?? "" }.joined(separator: " + "))
                let keep = out.indices.filter { $0 == r || DocumentMerger.family(out[$0].type) != "release" }
                out = keep.map { out[$0] }
                where_ = keep.map { where_[$0] }
            } else {
                out[r].attributes["_inReturn"] = "1"
            }
        }
    }

    /// Two states each freeing or handing over people in one sentence: an exchange.
    func exchangeBetweenStates(_ out: inout [Candidate], _ where_: inout [(clause: Int, at: Int)], _ m: SentenceMentions, moved: [QuantityMention], sentence: Int, supporting: Bool, speakers: Set<Int>, exchangeFor: [Int]) {
        let t = m.tokens
        // "Belarus released Andrzej Poczobut and Poland freed two Belarusian agents": two states
        // each freeing people in one sentence is a prisoner exchange.
        // ("Azerbaijan returned two Armenian soldiers, and Armenia handed back a serviceman": so
        // are hand-overs.)
        // (Only where people are freed or a group is moved: the scan is per token.)
        if !Self.has(out, .exchange), !out.indices.contains(where: { out[$0].anaphoric && Self.isType(out[$0].type, .release) }),
            !moved.isEmpty || Self.has(out, .release)
        {
            var sides: [(state: String, at: Int)] = []
            for k in t.indices where (t[k].has(.trigger) || Self.isHandOver(t[k])) && !t[k].inQuote && k > 0 {
                // (The state named before the verb first: the veto test costs more.)
                guard let ni = m.names.indices.first(where: { m.names[$0].kind == .place || m.names[$0].kind == .demonym || m.names[$0].kind == .organization ? m.names[$0].hi == k || (m.names[$0].hi == k - 1 && Self.isAny(t[k - 1], ["has", "had", "also"])) : false }),
                    Self.isHandOver(t[k])
                        || lexicon.triggers[t[k].lower]?.contains(where: { $0.type == "release" && $0.words.count == 1 }) == true,
                    !lexicon.isVetoed(at: k, in: t)
                else { continue }
                let n = m.names[ni]
                let state = n.country ?? n.canonical
                if !sides.contains(where: { $0.state == state }) { sides.append((state, k)) }
            }
            var total = 0
            for (j, side) in sides.enumerated() {
                let end = j + 1 < sides.count ? sides[j + 1].at : t.count
                let n = sideCount((side.at + 1)..<end, m, speakers: speakers, afterVerb: true)
                total = n > 0 && total >= 0 ? min(QuantityFinder.limit, total + n) : -1
            }
            // (Hand-overs alone need people on both sides.)
            if sides.count >= 2, !Self.has(out, .release), total > 0, !supporting {
                let k = sides[0].at
                let clause = m.clauses.range(of: k)
                var c = Candidate(type: .release, status: status.status(t, trigger: k, clause: clause), total: false,
                    actors: [], places: [], attributes: [:], sentence: sentence, supporting: supporting)
                fillArguments(&c, trigger: k, triggerEnd: k + 1, clause: clause, m, speakers: speakers, exchangeFor: exchangeFor)
                out.append(c)
                where_.append((m.clauses.clauseOf[k], k))
            }
            // (Both sides must move people: "returned the bodies of two soldiers" does not.)
            if sides.count >= 2, total > 0, let r = out.indices.first(where: { Self.isType(out[$0].type, .release) }) {
                out[r].type = .exchange
                out[r].count = Quantity(value: total, qualifier: .exact, text: "both sides")
                let keep = out.indices.filter { $0 == r || DocumentMerger.family(out[$0].type) != "release" }
                out = keep.map { out[$0] }
                where_ = keep.map { where_[$0] }
            }
        }
    }

    /// Groups moved both ways without an exchange told: legs of one told before.
    func movedLegs(_ out: inout [Candidate], _ where_: inout [(clause: Int, at: Int)], _ m: SentenceMentions, moved: [QuantityMention], sentence: Int, supporting: Bool, speakers: Set<Int>, exchangeFor: [Int]) {
        let t = m.tokens
        if moved.count >= 2, !Self.has(out, .exchange) {
            // "handed over five ..., while Tajikistan freed three ...": the legs of an exchange
            // told in the sentence before; DocumentMerger gives the sum to that exchange.
            let sum = moved.reduce(0) { min(QuantityFinder.limit, $0 + ($1.quantity.value ?? 0)) }
            let parts = moved.map { String($0.quantity.value ?? 0) }.joined(separator: ",")
            for k in out.indices where DocumentMerger.family(out[k].type) == "release" || Self.isType(out[k].type, .deportation) {
                out[k].attributes["_moved"] = String(sum)
                out[k].attributes["_parts"] = parts
            }
            // "Pakistan handed over 22 fishermen, while India sent back 15 civilians": legs told
            // with hand-over verbs only. The mark is dropped unless an exchange claims it.
            if !out.indices.contains(where: { Self.isReleaseFamily(out[$0].type) || Self.isType(out[$0].type, .deportation) }),
                let k = t.indices.first(where: { Self.isHandOver(t[$0]) && !t[$0].inQuote })
            {
                let clause = m.clauses.range(of: k)
                var c = Candidate(type: .release, status: status.status(t, trigger: k, clause: clause), total: false,
                    actors: [], places: [], attributes: ["_moved": String(sum), "_parts": parts, "_leg": "1"], sentence: sentence, supporting: supporting)
                fillArguments(&c, trigger: k, triggerEnd: k + 1, clause: clause, m, speakers: speakers, exchangeFor: exchangeFor)
                c.count = nil
                out.append(c)
                where_.append((m.clauses.clauseOf[k], k))
            }
        }
    }

    /// The count of the sentence's exchange, and the releases it absorbs.
    func exchangeCount(_ out: inout [Candidate], _ where_: [(clause: Int, at: Int)], _ m: SentenceMentions, moved: [QuantityMention], speakers: Set<Int>) {
        let t = m.tokens
        if let x = out.indices.first(where: { Self.isType(out[$0].type, .exchange) }) {
            // (Both sides counted with named people as well keep their larger figure.)
            let sum = moved.reduce(0) { min(QuantityFinder.limit, $0 + ($1.quantity.value ?? 0)) }
            if moved.count >= 2, out[x].count?.text != "both sides" || (out[x].count?.value ?? 0) < sum {
                out[x].count = Quantity(value: sum, qualifier: moved.allSatisfy { $0.quantity.qualifier == .exact } ? .exact : .atLeast,
                    text: moved.map { $0.quantity.text ?? "" }.joined(separator: " + "))
            }
            // "exchanged 95 prisoners of war each": that many went each way.
            if moved.count == 1, let v = moved[0].quantity.value,
                t[moved[0].hi..<min(t.count, moved[0].hi + 4)].contains(where: { $0.lower == "each" })
            {
                out[x].count = Quantity(value: min(QuantityFinder.limit, 2 * v), qualifier: moved[0].quantity.qualifier, text: (moved[0].quantity.text ?? "") + " each")
            }
            // "a 1,000-for-1,000 prisoner exchange": both sides written as one word.
            for y in out.indices where Self.isType(out[y].type, .exchange) {
                let at = where_[y].at
                for k in max(1, at - 6)..<max(1, at) where t[k].lower == "for" || t[k].lower.hasPrefix("for-") || t[k].lower.contains("-for-") {
                    var sides: [Int?]
                    if t[k].lower.hasPrefix("for-") {
                        // ("10-for-10" is read as "10" "-" "for-10".)
                        let a = t[k - 1].lower == "-" && k >= 2 ? k - 2 : k - 1
                        guard t[a].kind == .number else { continue }
                        // ("1,000-for-1,000": "for-1" "," "000".)
                        var tail = String(t[k].lower.dropFirst(4).filter(\.isNumber))
                        var j = k + 1
                        while j + 1 < at, t[j].lower == ",", t[j].start == t[j - 1].end, t[j + 1].kind == .number, t[j + 1].start == t[j].end,
                            t[j + 1].text.count == 3
                        {
                            tail += t[j + 1].text
                            j += 2
                        }
                        sides = [Int(t[a].text.filter(\.isNumber)), Int(tail)]
                    } else if t[k].lower == "for" {
                        // (Written apart by the tokenizer: "1,000" "-" "for" "-" "1,000".)
                        var a = k - 1, b = k + 1
                        if t[a].lower == "-", a > 0 { a -= 1 }
                        if b < t.count, t[b].lower == "-" { b += 1 }
                        guard b < at, t[a].kind == .number, t[b].kind == .number, t[a].end + 6 >= t[b].start else { continue }
                        sides = [Int(t[a].text.filter(\.isNumber)), Int(t[b].text.filter(\.isNumber))]
                    } else {
                        sides = t[k].lower.components(separatedBy: "-for-").map { Int($0.filter(\.isNumber)) }
                    }
                    if sides.count == 2, let a = sides[0], let b = sides[1], a > 0, b > 0, a < QuantityFinder.limit, b < QuantityFinder.limit {
                        out[y].count = Quantity(value: a + b, qualifier: .exact, text: "\(a) for \(b)")
                    }
                }
            }
            // "Two Americans were swapped for a Russian": each side counted (a number, a named
            // person, or "a"/"one" + a demonym or captive noun is one).
            for y in out.indices where Self.isType(out[y].type, .exchange) && moved.count < 2 {
                let at = where_[y].at
                let clause = m.clauses.range(of: at)
                guard let f = (at + 1..<min(clause.upperBound, at + 8)).first(where: { t[$0].lower == "for" }) else { continue }
                let left = sideCount(clause.lowerBound..<f, m, speakers: speakers), right = sideCount((f + 1)..<clause.upperBound, m, speakers: speakers)
                if left > 0, right > 0 { out[y].count = Quantity(value: min(QuantityFinder.limit, left + right), qualifier: .exact, text: "both sides") }
            }
            // "Griner was exchanged for Bout": one person each way.
            for y in out.indices where Self.isType(out[y].type, .exchange) && out[y].count == nil {
                let at = where_[y].at
                if at + 1 < t.count, t[at + 1].lower == "for",
                    m.names.containsMention(where: { $0.kind == .person && $0.lo > at + 1 && $0.lo <= at + 5 }),
                    m.names.containsMention(where: { $0.kind == .person && $0.hi <= at && m.clauses.range(of: at).contains($0.lo) })
                {
                    out[y].count = Quantity(value: 2, qualifier: .exact, text: "one for one")
                }
            }
            let status = out[x].status
            // "Moscow freed 16 people in a prisoner swap": the count is one side's; the other
            // side told in the next sentences adds to it (DocumentMerger).
            if moved.count == 1, out[x].count?.value == moved[0].quantity.value,
                out.indices.contains(where: { Self.isReleaseFamily(out[$0].type) && out[$0].status == status && out[$0].count?.value == moved[0].quantity.value })
            {
                out[x].attributes["_oneSide"] = "1"
            }
            out.removeAll { DocumentMerger.family($0.type) == "release" && $0.status == status }
        }
    }

    /// Whether a candidate of `out` has type `type` (by index: `contains(where:)` copied every
    /// candidate it looked at).
    static func has(_ out: [Candidate], _ type: EventType) -> Bool {
        for k in out.indices where isType(out[k].type, type) { return true }
        return false
    }

    /// `words.contains(w.lower)` for lowercase ASCII words, as byte compares with the length
    /// first (a `String` compare of two unequal strings takes the slow path every time).
    @inline(__always) static func isAny(_ w: Token, _ words: [StaticString]) -> Bool {
        for x in words where w.lowerIs(x) { return true }
        return false
    }

    /// `t.category`: the first of `EventType.known` with this type, read by index with `isType`
    /// (the model's names are ASCII) instead of copying each entry with its summary.
    static func category(of t: EventType) -> EvqModel.Category {
        let known = EventType.known
        for k in known.indices where isType(t, known[k].type) { return known[k].category }
        return .other
    }

    /// `DocumentMerger.family(t) == "release"`, without building the family's string.
    @inline(__always) static func isReleaseFamily(_ t: EventType) -> Bool { isType(t, .release) || isType(t, .pardon) || isType(t, .amnesty) }

    /// `t == known` for one of `EventType`'s own types (ASCII letters and "_"), with the lengths
    /// compared first: a string equal to such a name has its bytes (`Lexicon.lengthSafe`), and a
    /// compare of unequal strings takes the slow path.
    @inline(__always) static func isType(_ t: EventType, _ known: EventType) -> Bool {
        t.rawValue.utf8.count == known.rawValue.utf8.count && t == known
    }

    /// Whether the trigger's constraint (see triggers.tsv) holds at `i`.
    func constraintHolds(_ e: Lexicon.Trigger, at i: Int, _ m: SentenceMentions, usedSanctionToken: inout [Int]) -> Bool {
        let t = m.tokens
        let clause = m.clauses.range(of: i)
        let after = i + e.words.count
        switch e.rule {
        case .captive:
            // "photo released by ...": an agent right after the verb needs a captive before it.
            if after < t.count, t[after].lowerIs("by") {
                let lo = max(clause.lowerBound, i - 5)
                return t[lo..<i].contains { $0.has(.captive) } || m.names.containsMention { $0.kind == .person && $0.hi <= i && $0.hi >= lo }
            }
            if t[clause].contains(where: { $0.has(.captive) }) { return true }
            // "He was detained in November": a personal pronoun before the auxiliary is a person.
            if i >= 2, Self.isAny(t[i - 1], ["was", "has", "had"]) || (i >= 3 && t[i - 1].lower == "been"),
                (max(0, i - 3)..<i).contains(where: { Self.isAny(t[$0], ["he", "she"]) })
            {
                return true
            }
            // "since his arrest", "her release": a possessive pronoun names the person.
            if i > 0, Self.isPersonalPossessive(t[i - 1]) { return true }
            if m.quantities.contains(where: { clause.contains($0.lo) && ($0.noun != nil || Self.isSubjectOf(t, $0, trigger: i) || Self.namesTheNumberOf(t, $0)) }) { return true }
            if demonymObject(after: after, m) { return true }  // SentenceRefinements.swift
            // "A third American ... could be pardoned".
            if m.names.containsMention(where: { n in
                n.kind == .demonym && clause.contains(n.lo)
                    && (n.hi >= t.count || t[n.hi].kind == .punct || Self.isAny(t[n.hi], ["was", "is", "were", "who", "has", "had"]))
            }) {
                return true
            }
            // (An exchange needs captives or a known person: "exchange my device" is a return.)
            if m.names.containsMention(where: { ($0.kind == .person || ($0.kind == .unknown && $0.lo > 0 && !e.isExchange)) && clause.contains($0.lo) }) { return true }
            // "Kaval, 34, was arrested": a sentence-initial single word followed by an age
            // appositive or an auxiliary is the subject's name.
            if let n = m.names.first(where: { $0.kind == .unknown && $0.lo == 0 && $0.hi < i }), n.hi + 1 < t.count,
                (t[n.hi].lower == "," && t[n.hi + 1].kind == .number) || Self.isAny(t[n.hi], ["was", "were", "had", "has"]),
                i > 0, Self.isAny(t[i - 1], ["was", "were", "been", "is", "are"])
                    || (i > 1 && Self.adverbs.contains(t[i - 1].lower) && Self.isAny(t[i - 2], ["was", "were", "been", "is", "are"]))
            {
                return true
            }
            // "Kaval, 34, was arrested": a clause opening with an auxiliary continues a subject
            // named before the appositive.
            if clause.lowerBound > 0, startsWithAuxiliary(clause, t) {
                if m.names.containsMention(where: { ($0.kind == .person || $0.kind == .unknown) && $0.lo < clause.lowerBound && $0.lo >= m.datelineEnd }) { return true }
            }
            // A relative clause ("Poczobut, who was arrested in March 2021") refers back to a person.
            if clause.lowerBound > 0, Self.isRelative(clause, t) {
                let prev = m.clauses.range(of: clause.lowerBound - 1)
                return m.names.containsMention { ($0.kind == .person || $0.kind == .unknown) && prev.contains($0.lo) }
            }
            return false
        case .prison:
            return t[after..<min(t.count, after + 4)].contains { $0.has(.prisonNoun) }
        case .sanctions:
            let lo = max(0, i - 8), hi = min(t.count, after + 8)
            // (A phrase only where the word can start one: its class bit; the prefix test only
            // for words that may start with "s".)
            for k in lo..<hi where ((Self.mayStartWith(t[k], UInt8(ascii: "s")) && t[k].lowerHasPrefix("sanction"))
                || (t[k].has(.sanctionPhraseFirst) && lexicon.matchPhrase(lexicon.sanctionPhrases, at: k, in: t) != nil))
                && !usedSanctionToken.contains(k)
            {
                usedSanctionToken.append(k)
                return true
            }
            return false
        case .prize:
            // "won the Sakharov Prize"; passive "Last year's prize was awarded to ..." names it first.
            let passive = i > 0 && Self.isAny(t[i - 1], ["was", "were", "been", "is"]) || Self.isAny(t[i], ["went", "go", "goes"])
            return m.names.containsMention { $0.kind == .award && clause.contains($0.lo) && ($0.lo >= i || passive) }
                || t[after..<max(after, clause.upperBound)].contains { Self.isAny($0, ["prize", "award", "medal"]) }
                || (passive && t[clause.lowerBound..<i].contains { Self.isAny($0, ["prize", "award", "medal"]) })
        case .meet:
            // A participant in the trigger's clause or before it (the subject), not a name in a
            // later clause about something else.
            // ("visited the protest camp" is no meeting: a visit is to a named place or person.)
            if t[i].lower == "visited" || t[i].lower == "visiting" || t[i].lower == "visits" {
                let hi = min(t.count, after + 3)
                if !m.names.containsMention(where: { $0.lo >= after && $0.lo < hi && $0.kind != .agency }) { return false }
            }
            // (A capitalised common noun opening the sentence is no name: "(AP) - Protesters".)
            return m.names.containsMention { n in
                (n.kind == .person || n.kind == .organization || (n.kind == .unknown && !(n.hi == n.lo + 1 && isCommonNoun(t[n.lo].lower)))
                    || Self.isStateParty(n, t))
                    && n.lo >= m.datelineEnd && (n.lo < i || clause.contains(n.lo))
            }
        case .host:
            // "Cassis received Bayramov", "hosted Armenia's Ararat Mirzoyan": a person or
            // organisation named right after the verb is the guest.
            let hi = min(t.count, after + 4)
            return !t[after..<hi].contains { Self.isAny($0, ["prize", "award", "medal", "call", "calls", "letter", "threats"]) }
                && m.names.containsMention { n in
                    (n.kind == .person || n.kind == .organization || (n.kind == .unknown && !isCommonNoun(t[n.lo].lower))) && n.lo >= after && n.lo < hi
                }
        case .sentence:
            // "handed the journalist a nine-year prison sentence", "was given a 10-year term".
            let hi = min(t.count, after + 8)
            // (A "term" only in prison: "handed Lukashenko a sixth term" is an election.)
            return (after..<hi).contains { k in t[k].lower == "sentence" || (t[k].lower == "term" && k > 0 && Self.isAny(t[k - 1], ["prison", "jail"])) }
        case .border:
            let hi = min(t.count, after + 7)
            return t[after..<hi].contains { Self.isAny($0, ["border", "abroad", "across", "frontier", "exile"]) }
        default:
            if e.imposesSanctions {
                // "easing some of the sanctions on <country>" is an easing, not an imposition.
                let lo = max(0, i - 5)
                for k in lo..<min(t.count, i + 9) where k != i && t[k].has(.sanctionsEasedTrigger) { return false }
                if usedSanctionToken.contains(i) { return false }
                usedSanctionToken.append(i)
            }
            return true
        }
    }

    /// Determiners and possessives that may stand between "for" and a trigger noun.
    static let determiners: Set<String> = ["a", "an", "the", "his", "her", "their", "its", "our", "my", "your", "this", "that", "these", "those"]
    /// `determiners.contains(w.lower)`, as byte compares.
    @inline(__always) static func isDeterminer(_ w: Token) -> Bool { isAny(w, ["a", "an", "the", "his", "her", "their", "its", "our", "my", "your", "this", "that", "these", "those"]) }

    /// "for the release", "for their release", "for the immediate release": the index of "for"
    /// when the trigger at `i` is the object of "for" (a request or a purpose), else nil.
    static func forBefore(_ t: [Token], _ i: Int) -> Int? {
        if i >= 1, t[i - 1].lower == "for" { return i - 1 }
        if i >= 2, t[i - 2].lower == "for", Self.isDeterminer(t[i - 1]) { return i - 2 }
        // One adjective after the determiner: a lowercase word that is no trigger or number.
        if i >= 3, t[i - 3].lower == "for", Self.isDeterminer(t[i - 2]), t[i - 1].kind == .word, !t[i - 1].capitalized,
            !t[i - 1].has(.trigger), !t[i - 1].has(.number)
        {
            return i - 3
        }
        return nil
    }

    /// A capitalised trigger word that is part of a name: inside a name of several words
    /// ("Amnesty International", "Freedom House") or, alone, in mid-sentence after a word
    /// ("according to Amnesty"). A sentence's first word ("Freed prisoners ...") is no name.
    func isCapitalisedName(at i: Int, _ m: SentenceMentions) -> Bool {
        let t = m.tokens
        guard t[i].capitalized else { return false }
        if m.names.containsMention(where: { $0.lo <= i && i < $0.hi && $0.hi - $0.lo >= 2 && $0.kind != .place && $0.kind != .demonym }) { return true }
        return i > m.datelineEnd && t[i - 1].kind == .word && !t[i - 1].capitalized
    }

    static let personalPossessives: Set<String> = ["his", "her", "their"]
    /// `personalPossessives.contains(w.lower)`, as byte compares.
    @inline(__always) static func isPersonalPossessive(_ w: Token) -> Bool { isAny(w, ["his", "her", "their"]) }
    /// Words that open a verb's object ("detained their directors", "arrested a blogger").
    static let objectOpeners: Set<String> = ["a", "an", "the", "their", "his", "her", "its", "two", "three", "several", "dozens", "hundreds", "scores"]
    /// `objectOpeners.contains(w.lower)`, as byte compares.
    @inline(__always) static func isObjectOpener(_ w: Token) -> Bool { isAny(w, ["a", "an", "the", "their", "his", "her", "its", "two", "three", "several", "dozens", "hundreds", "scores"]) }
    /// Participles of being held: "held since 2022" dates the holding, not a release told before.
    static let heldWords: Set<String> = ["held", "detained", "jailed", "imprisoned", "missing", "kidnapped", "abducted", "captive", "behind"]
    static let auxiliaries: Set<String> = ["was", "were", "is", "are", "has", "have", "had", "been", "be", "will", "would"]
    /// `auxiliaries.contains(w.lower)`, as byte compares.
    @inline(__always) static func isAuxiliary(_ w: Token) -> Bool { isAny(w, ["was", "were", "is", "are", "has", "have", "had", "been", "be", "will", "would"]) }
    static let anaphoricDeterminers: Set<String> = ["the", "this", "these", "those", "his", "her", "their", "its"]
    /// `anaphoricDeterminers.contains(w.lower)`, as byte compares.
    @inline(__always) static func isAnaphoricDeterminer(_ w: Token) -> Bool { isAny(w, ["the", "this", "these", "those", "his", "her", "their", "its"]) }

    /// A state taking part through its representatives: "Armenian officials", "the foreign
    /// ministers of Armenia and Azerbaijan".
    static func isStateParty(_ n: NameSpan, _ t: [Token]) -> Bool {
        guard n.kind == .place || n.kind == .demonym else { return false }
        if n.hi < t.count, t[n.hi].has(.agentNoun) { return true }
        var k = n.lo - 1
        // (Back over "Armenia and" to "ministers of".)
        while k >= 2, t[k].lower == "and" || t[k].lower == "," || t[k].capitalized { k -= 1 }
        return k >= 1 && t[k].lower == "of" && t[k - 1].has(.agentNoun)
    }

    /// "NOUN, freed after ..., VERB": a past participle right after a comma whose phrase closes
    /// with another comma before the sentence goes on; the index of that closing comma.
    static func appositive(around i: Int, _ t: [Token]) -> (Int, Int)? {
        for p in stride(from: i, through: max(0, i - 12), by: -1) {
            if let close = appositiveEnd(t, p) { return close > i ? (p, close) : nil }
            if t[p].isMark(UInt8(ascii: ",")) && p < i { return nil }
        }
        return nil
    }

    /// `w.hasSuffix("ed")`, on bytes (`hasASCIISuffix`).
    static func endsWithEd(_ w: String) -> Bool { hasASCIISuffix(w, "ed") }

    static func appositiveEnd(_ t: [Token], _ i: Int) -> Int? {
        guard i > 1, t[i - 1].isMark(UInt8(ascii: ",")), endsWithEd(t[i].lower), t[i - 2].kind == .word else { return nil }
        var j = i + 1
        while j < min(t.count, i + 16) {
            if t[j].isMark(UInt8(ascii: ",")) { return j + 2 < t.count && t[j + 1].kind == .word ? j : nil }
            if t[j].kind == .punct && !t[j].isMark(UInt8(ascii: "'")) && !t[j].isMark(UInt8(ascii: "-")) { return nil }
            j += 1
        }
        return nil
    }

    /// How many people a stretch of an exchange sentence moves: its counted groups, or else its
    /// named persons and "a"/"an"/"one" + demonym or captive noun (one each). 0 when unknown.
    func sideCount(_ r: Range<Int>, _ m: SentenceMentions, speakers: Set<Int> = [], afterVerb: Bool = false) -> Int {
        let t = m.tokens
        // ("the bodies of two soldiers" moves no one alive: a group after "of" is not counted.)
        // (Nor a subset: "among them three women".)
        let groups = m.quantities.filter { q in
            r.contains(q.lo) && !q.isStock && q.noun != nil && q.quantity.value != nil && (q.lo == 0 || t[q.lo - 1].lower != "of")
                && !t[max(0, q.lo - 2)..<q.lo].contains { $0.lower == "among" || $0.lower == "including" || $0.lower == "included" }
        }
        // ("released Poczobut and four other Polish citizens": a named person and a group.)
        var n = groups.reduce(0) { min(QuantityFinder.limit, $0 + ($1.quantity.value ?? 0)) }
        // (Not the one who tells it: "..., Polish Foreign Minister Radoslaw Sikorski said"; a
        // single unknown name counts right after the verb: "released Poczobut".)
        n += m.names.filter { p in
            r.contains(p.lo) && (p.kind == .person || (afterVerb && p.kind == .unknown && p.lo == r.lowerBound)) && !speakers.contains(p.lo)
                && !groups.contains { $0.lo <= p.lo && p.lo < $0.hi }
        }.count
        for k in r where k + 1 < r.upperBound && Self.isAny(t[k], ["a", "an", "one"]) {
            // (Up to two words before the noun: "a captured Azerbaijani serviceman".)
            for j in (k + 1)..<min(r.upperBound, k + 4) {
                let w = t[j].lower
                if t[j].has(.captive) || lexicon.captives.contains(w + "s") || (w.hasSuffix("man") && lexicon.captives.contains(String(w.dropLast(3)) + "men"))
                    || m.names.containsMention(where: { $0.lo == j && $0.kind == .demonym })
                {
                    n += 1
                    break
                }
                if t[j].kind != .word { break }
            }
        }
        return n
    }

    /// A day-precise expression moved by `days` ("a day after Friday" is Thursday); nil for
    /// coarser ones.
    static func shift(_ e: TemporalExpression, by days: Int) -> TemporalExpression? {
        switch e {
        case .dayOffset(let k): return .dayOffset(k + days)
        case .weekday(let w, let offset) where abs(days) < 7:
            // (The weekday before Monday is last week's Sunday.)
            let v = w + days
            if v >= 1 && v <= 7 { return .weekday(v, offset: offset) }
            return nil
        case .absolute(let y, let m?, let d?):
            guard let day = Day(year: y, month: m, day: d) else { return nil }
            let x = Day(number: day.number + days)
            return .absolute(year: x.year, month: x.month, day: x.day)
        default: return nil
        }
    }

    /// Whether the captive constraint at `i` held only through a single unknown capitalised word
    /// (no captive noun, counted group, person, demonym or pronoun subject in the clause).
    func onlyUnknownNameNamesCaptive(trigger i: Int, clause: Range<Int>, _ m: SentenceMentions) -> Bool {
        let t = m.tokens
        guard m.names.containsMention(where: { $0.kind == .unknown && clause.contains($0.lo) }) else { return false }
        if t[clause].contains(where: { $0.has(.captive) }) { return false }
        if m.quantities.contains(where: { clause.contains($0.lo) && $0.noun != nil }) { return false }
        if m.names.containsMention(where: { ($0.kind == .person || $0.kind == .demonym || $0.kind == .organization) && clause.contains($0.lo) }) { return false }
        if i > 0, Self.isPersonalPossessive(t[i - 1]) { return false }
        if t[max(0, i - 3)..<i].contains(where: { Self.isAny($0, ["he", "she"]) }) { return false }
        // ("detained their directors": people as the object.)
        if i + 1 < t.count, Self.isPersonalPossessive(t[i + 1]) { return false }
        // ("Kaval, 34, was arrested", "Amaglobeli was first detained": a sentence's subject with an
        // age or an auxiliary is a person named by surname.)
        if let n = m.names.first(where: { $0.kind == .unknown && ($0.lo == 0 || $0.lo == m.datelineEnd) && $0.hi < i }), n.hi + 1 < t.count,
            (t[n.hi].lower == "," && t[n.hi + 1].kind == .number) || Self.isAny(t[n.hi], ["was", "were", "had", "has", "is"])
        {
            return false
        }
        // (A relative or auxiliary clause continues a person named before it.)
        if clause.lowerBound > 0, m.names.containsMention(where: { ($0.kind == .person || $0.kind == .unknown) && $0.lo < clause.lowerBound }) { return false }
        return true
    }

    static let placePrepositions: Set<String> = ["in", "at", "into", "to", "from", "across", "near", "outside", "inside", "toward", "towards"]

    /// A word of the lexicons' common nouns (captives, unnamed sources, organisation words).
    func isCommonNoun(_ w: String) -> Bool {
        lexicon.captives.contains(w) || lexicon.unnamed.contains(w) || lexicon.organizationWords.contains(w)
    }

    /// "in exchange for" / "in return for" at `k`.
    static func isExchangeFor(_ t: [Token], _ k: Int) -> Bool {
        k + 2 < t.count && t[k].lowerIs("in") && (t[k + 1].lowerIs("exchange") || t[k + 1].lowerIs("return")) && t[k + 2].lowerIs("for")
    }

    /// Verbs of handing people over that, with "in return for" people, make an exchange.
    /// ("handed", "handing", "hands", "transferred", "returned", "sent", "gave", "delivered": byte
    /// compares, since this is asked of every token of a sentence with a release.)
    @inline(__always) static func isHandOver(_ w: Token) -> Bool {
        // (By length first, then the words of that length.)
        switch w.lower.utf8.count {
        case 4: return w.lowerIs("sent") || w.lowerIs("gave")
        case 5: return w.lowerIs("hands")
        case 6: return w.lowerIs("handed")
        case 7: return w.lowerIs("handing")
        case 8: return w.lowerIs("returned")
        case 9: return w.lowerIs("delivered")
        case 11: return w.lowerIs("transferred")
        default: return false
        }
    }

    /// Every `k` where `isExchangeFor(t, k)`, in order (usually none).
    static func exchangeForPositions(_ t: [Token]) -> [Int] {
        var out: [Int] = []
        guard t.count >= 3 else { return out }
        // ("in" is a place preposition: its class bit first.)
        for k in 0..<(t.count - 2) where t[k].has(.placePreposition) && t[k].lowerIs("in") && isExchangeFor(t, k) { out.append(k) }
        return out
    }

    /// The words after "in exchange for" up to the next comma or the sentence's end
    /// (`exchangeFor`: `exchangeForPositions(t)`).
    func exchangeForSpan(_ t: [Token], _ exchangeFor: [Int]) -> Range<Int>? {
        for k in exchangeFor {
            var e = k + 3
            while e < t.count, !t[e].isMark(UInt8(ascii: ",")), !t[e].isMark(UInt8(ascii: ".")) { e += 1 }
            return e > k + 3 ? (k + 3)..<e : nil
        }
        return nil
    }

    /// "..., was arrested": the clause (after its comma) opens with an auxiliary verb.
    func startsWithAuxiliary(_ r: Range<Int>, _ t: [Token]) -> Bool {
        guard r.lowerBound < t.count else { return false }
        let first = t[r.lowerBound].isMark(UInt8(ascii: ",")) && r.lowerBound + 1 < t.count ? r.lowerBound + 1 : r.lowerBound
        return Self.isAny(t[first], ["was", "were", "had", "has", "is"])
    }

    static func isRelative(_ r: Range<Int>, _ t: [Token]) -> Bool {
        guard r.lowerBound < t.count else { return false }
        let first = t[r.lowerBound].isMark(UInt8(ascii: ",")) && r.lowerBound + 1 < t.count ? r.lowerBound + 1 : r.lowerBound
        return isAny(t[first], ["who", "which", "whose", "whom"])
    }

    func fillArguments(_ c: inout Candidate, trigger i: Int, triggerEnd: Int, clause: Range<Int>, _ m: SentenceMentions, speakers: Set<Int>, exchangeFor: [Int]) {
        let t = m.tokens
        // (`EventType.category` scans the known types, copying each entry: read once, by index.)
        let category = Self.category(of: c.type)
        // "in exchange for ...": kept as an attribute, and its words are not this event's arguments.
        // (`exchangeFor`: where the sentence says "in exchange/return for", found once per sentence.)
        var exchangeSpan = 0..<0
        for k in exchangeFor where clause.contains(k) {
            var e = k + 3
            while e < clause.upperBound, !t[e].isMark(UInt8(ascii: ",")) { e += 1 }
            exchangeSpan = k..<e
            if e > k + 3 { c.attributes["in_exchange_for"] = TemporalTagger.words(t, k + 3, e) }
            break
        }
        // (Each part is a function of its own: in one very large function the optimiser stopped
        // inlining, and every `t[k]` and `names[k]` became a call that copied the element.)
        c.dateMention = dateMention(status: c.status, trigger: i, triggerEnd: triggerEnd, clause: clause, m)
        adjustDate(&c, trigger: i, clause: clause, m)
        fillCount(&c, trigger: i, triggerEnd: triggerEnd, clause: clause, m, exchangeSpan: exchangeSpan, category: category)
        fillNames(&c, trigger: i, triggerEnd: triggerEnd, clause: clause, m, exchangeSpan: exchangeSpan, category: category, speakers: speakers)
    }

    /// The date of an event with status `status` whose trigger is at `i`.
    func dateMention(status: Status, trigger i: Int, triggerEnd: Int, clause: Range<Int>, _ m: SentenceMentions) -> DateMention? {
        let t = m.tokens
        // (The mentions as locals, and loops instead of `filter` chains and nested functions:
        // closures over `m` copied the whole `SentenceMentions` for every candidate, and each
        // `filter` built a temporary array.)
        let names = m.names
        let allDates = m.dates
        let datelineEnd = m.datelineEnd
        // Date: nearest in the clause; else, for a reported happening, nearest in the sentence.
        // (Not a word inside a name: "the outlet Meydan Today".)
        func outsideName(_ d: DateMention) -> Bool {
            for n in names.indices where names[n].kind != .place && names[n].lo < d.lo && d.lo < names[n].hi { return false }
            return true
        }
        var anyInClause = false
        for d in allDates.indices where clause.contains(allDates[d].lo) && allDates[d].lo >= datelineEnd && outsideName(allDates[d]) {
            anyInClause = true
            break
        }
        // (Not from a relative clause about someone: "who won the prize in 2022".)
        // A date attached to a speech verb ("said on Friday that the releases ...") dates the
        // saying, not the events reported after it.
        func speechDate(_ d: DateMention) -> Bool {
            // ("The release of six Americans has raised hopes, advocates said on Monday": for a
            // nominal mention, a date right after a later speech verb dates the saying. A verb
            // keeps it: "... has pardoned 123 prisoners, Belta said Saturday".)
            if d.lo > triggerEnd, d.lo >= 2, i > 0, Self.isDeterminer(t[i - 1]),
                i - 1 == clause.lowerBound || i - 1 == datelineEnd,  // (the sentence's subject)
                (d.lo - 2..<d.lo).contains(where: { $0 >= triggerEnd && t[$0].has(.statementTrigger) && !t[$0].inQuote }) {
                return true
            }
            for s in max(0, d.lo - 6)..<d.lo where s < i && t[s].has(.statementTrigger) {
                var open = true
                for k in (s + 1)..<d.lo where Self.isSpeechStop(t[k]) { open = false; break }
                if open, !(s < i && i < d.lo) {  // "said he would meet diplomats next week": the date is the meeting's
                    return true
                }
            }
            return false
        }
        // (Nor a date told before the speech verb that introduces the event: "Delaney, named
        // envoy in March, told reporters that more could be released".)
        func beforeSpeech(_ d: DateMention) -> Bool {
            guard status != .occurred, d.hi < i else { return false }
            return t[d.hi..<i].contains { $0.has(.statementTrigger) && !$0.inQuote && !$0.lower.hasSuffix("ing") }
        }
        // (Nor from a later clause about what is still to come: "... and that talks would
        // resume in December".)
        func futureClauseDate(_ d: DateMention) -> Bool {
            guard status == .occurred, d.lo > triggerEnd else { return false }
            for k in triggerEnd..<d.lo where Self.isFutureModal(t[k]) { return true }
            return false
        }
        // ("freed a German priest held since 2022": the stretch belongs to the holding.)
        func heldSince(_ d: DateMention) -> Bool {
            guard d.lo >= 1, d.lo > triggerEnd else { return false }
            // (The mention may start at "since" or just after it.)
            guard let at = (max(triggerEnd, d.lo - 2)...d.lo).last(where: { t[$0].lowerIs("since") }), at > triggerEnd else { return false }
            return Self.heldWords.contains(t[at - 1].lower)
        }
        // "The six men, freed after the talks, were reunited with relatives over the weekend": a
        // participle set off by commas takes only a date of its own.
        // (Also a trigger inside such a phrase: "freed after Grenell's talks with Maduro".)
        // (Looked for only once a date gets this far.)
        var appositive: (Int, Int)?? = nil
        // The dates the event may take, by index in `allDates`.
        var pool: [Int] = []
        for di in allDates.indices {
            let d = allDates[di]
            guard outsideName(d) else { continue }
            if anyInClause {
                guard clause.contains(d.lo) && d.lo >= datelineEnd else { continue }
            } else {
                guard status == .occurred, d.lo >= datelineEnd, !Self.isRelative(m.clauses.range(of: d.lo), t) else { continue }
            }
            guard !speechDate(d) && !futureClauseDate(d) && !beforeSpeech(d) && !heldSince(d) else { continue }
            if appositive == nil { appositive = .some(Self.appositive(around: i, t)) }
            if let (open, close) = appositive!, !(d.lo > open && d.lo < close) { continue }
            // ("released four Russians, including an arms dealer convicted in 2019": a date inside
            // the subset dates that member's story.)
            if d.lo > triggerEnd, t[triggerEnd..<d.lo].contains(where: { $0.lowerIs("including") || $0.lowerIs("among") || $0.lowerIs("included") }) { continue }
            pool.append(di)
        }
        // ("pardoned 25 prisoners in September and freed 14 others in June": a date before an
        // "and" that joins a second verb belongs to the first, when the second has its own.)
        let secondVerbDated = pool.contains { di in
            let d = allDates[di]
            return d.lo > i && d.lo - i <= 10 && !t[i..<d.lo].contains { $0.isMark(UInt8(ascii: ",")) }
        }
        // (The nearest; the first of equally near ones.)
        var best: Int? = nil
        for di in pool {
            let d = allDates[di]
            if secondVerbDated, d.hi <= i, t[d.hi..<i].contains(where: { $0.lowerIs("and") }) { continue }
            if let b = best, abs(allDates[b].lo - i) <= abs(d.lo - i) { continue }
            best = di
        }
        return best.map { allDates[$0] }
    }

    /// Date refinements: a prize's year, "since" stretches, "a day after".
    func adjustDate(_ c: inout Candidate, trigger i: Int, clause: Range<Int>, _ m: SentenceMentions) {
        let t = m.tokens
        let names = m.names
        // "awarded its 2024 prize to ...": a year naming the prize dates the award.
        if Self.isType(c.type, .award), c.dateMention == nil {
            for k in clause where k + 1 < t.count && t[k].kind == .number
                && (Self.isAny(t[k + 1], ["prize", "award", "medal", "edition"]) || names.containsMention { $0.lo == k + 1 && $0.kind == .award })
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
        // "freed 16 prisoners on Friday, a day after Coale held talks": the talks took place the
        // day before the date told for the main verb.
        if let d = c.dateMention, d.hi <= i, let p = (d.hi..<i).last(where: { t[$0].lower == "after" || t[$0].lower == "before" }), p >= 2,
            t[p - 1].lower == "day" || t[p - 1].lower == "days", let n = t[p - 2].lower == "a" || t[p - 2].lower == "one" ? 1 : t[p - 2].number ?? lexicon.numbers[t[p - 2].lower].map(\.value),
            n > 0, n < 32, let shifted = Self.shift(d.expression, by: t[p].lower == "after" ? -n : n)
        {
            c.dateMention = DateMention(lo: d.lo, hi: d.hi, expression: shifted, text: d.text + " (" + TemporalTagger.words(t, p - 2, p + 1) + ")")
        }
        // "... third since September, when he held talks": the "when" clause tells what happened
        // at that date, not since it.
        if let d = c.dateMention, case .since(let inner) = d.expression, d.hi < i,
            t[d.hi..<min(i, d.hi + 3)].contains(where: { $0.lower == "when" })
        {
            c.dateMention = DateMention(lo: d.lo, hi: d.hi, expression: inner, text: d.text)
        }
        // "since his arrest in March 2023": the trigger is the happening that starts the stretch,
        // so it took place at that date.
        if let d = c.dateMention, case .since(let inner) = d.expression, d.lo > i, max(0, d.lo - 5) < i,
            (max(0, d.lo - 5)..<i).contains(where: { t[$0].lower == "since" })
        {
            c.dateMention = DateMention(lo: d.lo, hi: d.hi, expression: inner, text: d.text)
        }
        if let d = c.dateMention {
            switch d.expression {
            case .since, .recent: c.total = true  // cumulative over a stretch of time
            default: break
            }
        }
    }

    /// The count (and whether it is a total).
    func fillCount(_ c: inout Candidate, trigger i: Int, triggerEnd: Int, clause: Range<Int>, _ m: SentenceMentions, exchangeSpan: Range<Int>, category: EvqModel.Category) {
        let t = m.tokens
        let names = m.names
        // Count: the nearest counted quantity in the clause that is not a stock.
        // "Those pardoned include 38 women": an anaphoric mention; the numbers are subsets.
        let anaphoric = i > 0 && (t[i - 1].lowerIs("those") || t[i - 1].lowerIs("them") || t[i - 1].lowerIs("whom"))
        // "The freed prisoners included three journalists", "Among the 14 released were two
        // Lithuanians": a count after a subset cue is part of the group, not its size.
        // (The first byte first: the prefix test walks the string.)
        // (Looked for only once a quantity after the trigger asks, and then once.)
        var subsetCueFound: Int?? = nil
        func subsetCue() -> Int? {
            if let s = subsetCueFound { return s }
            let s = clause.first { k in
                k < t.count && ((Self.mayStartWith(t[k], UInt8(ascii: "a")) && t[k].lowerIs("among"))
                    || (Self.mayStartWith(t[k], UInt8(ascii: "i")) && t[k].lowerHasPrefix("includ")))
            }
            subsetCueFound = .some(s)
            return s
        }
        // "brings to more than 400 the number of political prisoners freed", "bringing the total
        // released to 84": a running total named by its idiom (anywhere in the sentence).
        func runningTotal(_ q: QuantityMention) -> Bool {
            (q.hi + 2 < t.count && t[q.hi].lowerIs("the") && t[q.hi + 1].lowerIs("number") && t[q.hi + 2].lowerIs("of"))
                || (q.lo >= 2 && t[q.lo - 1].lowerIs("to") && (max(0, q.lo - 5)..<(q.lo - 1)).contains { t[$0].lowerIs("total") || t[$0].lowerIs("number") })
        }
        // ("The release came a day after the Treasury imposed sanctions on 21 officials": a count
        // past another event's trigger is that event's.)
        let family = DocumentMerger.family(c.type)
        func behindOtherTrigger(_ q: QuantityMention) -> Bool {
            let r = q.lo > i ? triggerEnd..<max(triggerEnd, q.lo) : min(q.hi, i)..<i
            return r.contains { k in
                t[k].has(.trigger) && !t[k].has(.statementTrigger) && !lexicon.isVetoed(at: k, in: t)
                    && lexicon.triggers[t[k].lower]?.contains(where: { e in
                        !e.isStatement && e.family != family
                            && e.words.count == 1 && !["meet", "host", "prize", "speech", "sentence"].contains(e.constraint)
                    }) == true
            }
        }
        func countable(_ q: QuantityMention) -> Bool {
            clause.contains(q.lo) && !q.isStock && !exchangeSpan.contains(q.lo) && !(q.lo > i && (subsetCue().map { q.lo > $0 } ?? false))
                && (q.noun != nil || q.lo == triggerEnd || Self.isSubjectOf(t, q, trigger: i)) && !behindOtherTrigger(q)
        }
        // The nearest countable quantity, preferring those with a value (the first of equally
        // near ones), by index in `quantities`.
        let quantities = m.quantities
        var nearest: Int? = nil, nearestValued: Int? = nil
        if !anaphoric {
            for qi in quantities.indices where countable(quantities[qi]) {
                let lo = quantities[qi].lo
                if nearest.map({ abs(quantities[$0].lo - i) > abs(lo - i) }) ?? true { nearest = qi }
                if quantities[qi].quantity.value != nil, nearestValued.map({ abs(quantities[$0].lo - i) > abs(lo - i) }) ?? true { nearestValued = qi }
            }
        }
        var running = false
        if nearest == nil, category != .sanctions, !Self.isType(c.type, .meeting), let qi = quantities.indices.first(where: { !quantities[$0].isStock && runningTotal(quantities[$0]) }) {
            nearest = qi
            running = true
        }
        if let qi = nearestValued ?? nearest, !Self.isType(c.type, .meeting), !Self.isType(c.type, .award),
            category != .sanctions || (quantities[qi].lo > i && quantities[qi].noun != nil)
        {
            let q = quantities[qi]
            c.count = q.quantity
            for (k, v) in q.parts { c.attributes[k] = String(v) }
            if running { c.total = true }
            // "freed journalist Daniel Hart and two other U.S. citizens": the named ones too.
            if q.lo >= 2, (q.lo..<min(q.hi, q.lo + 3)).contains(where: { t[$0].lower == "other" || t[$0].lower == "more" }),
                t[q.lo - 1].lower == "and", let v = q.quantity.value, q.quantity.qualifier == .exact
            {
                var named = 0
                var k = q.lo - 1
                // (Back over "A, B and": each name before the "and" is one more.)
                while k > i, let n = names.last(where: { $0.hi == k && ($0.kind == .person || $0.kind == .unknown) }) {
                    named += 1
                    k = n.lo - 1
                    guard k > i, t[k].lower == "," else { break }
                }
                if named > 0 { c.count = Quantity(value: min(QuantityFinder.limit, v + named), qualifier: .exact, text: (q.quantity.text ?? "") + " + \(named)") }
            }
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
        // "Belarus has freed 300 prisoners this year": a perfect with a count over the current
        // period is cumulative, like "so far this year".
        if c.count?.value != nil, !c.total, i > 0, Self.hasOrHave(t[i - 1]) || (i > 1 && Self.hasOrHave(t[i - 2]) && Self.adverbs.contains(t[i - 1].lower)),
            let d = c.dateMention, case .period(let unit, offset: 0) = d.expression
        {
            c.dateMention = DateMention(lo: d.lo, hi: d.hi, expression: .earlierThis(unit), text: d.text)
            c.total = true
        }
        // (A meeting is never a cumulative figure without a number: "the visit was his third
        // since September" is this visit.)
        if c.total && c.count == nil && (Self.isType(c.type, .meeting) || c.dateMention.map({ if case .since = $0.expression { return false } else { return true } }) ?? true) {
            c.total = false
        }
    }

    /// Actors, places and (for sanctions) the target.
    func fillNames(_ c: inout Candidate, trigger i: Int, triggerEnd: Int, clause: Range<Int>, _ m: SentenceMentions, exchangeSpan: Range<Int>, category: EvqModel.Category, speakers: Set<Int>) {
        let t = m.tokens
        let names = m.names
        let datelineEnd = m.datelineEnd
        // Names in the clause (and the sentence subject when the clause has none before the trigger).
        // (Names are handled by their index in `m.names`: filtering copies of mentions, each
        // with four strings, was a large part of this stage's cost.)
        let skip = category == .sanctions ? 0..<0 : exchangeSpan
        // (A test rather than a filtered array of indices.)
        func usableNow(_ k: Int) -> Bool {
            let lo = names[k].lo
            return lo >= datelineEnd && !skip.contains(lo) && !t[lo].inQuote && (speakers.isEmpty || !speakers.contains(lo))
        }
        // (Decided once per name, as bits, for the several passes below: `speakers` is hashed.)
        var usableBits: UInt64 = 0
        for k in names.indices.prefix(64) where usableNow(k) { usableBits |= 1 << UInt64(k) }
        func usable(_ k: Int) -> Bool { k < 64 ? usableBits & (1 << UInt64(k)) != 0 : usableNow(k) }
        var inC: [Int] = []
        for k in names.indices where usable(k) && clause.contains(names[k].lo) && !Self.isAfterAccordingTo(t, names[k].lo, clause) { inC.append(k) }
        func whoOrWhich(_ k: Int) -> Bool { t[k].lowerIs("who") || t[k].lowerIs("which") }
        if clause.lowerBound > 0, whoOrWhich(clause.lowerBound) || (clause.lowerBound + 1 < t.count && whoOrWhich(clause.lowerBound + 1)) {
            // A relative clause: the names it refers back to.
            let prev = m.clauses.range(of: clause.lowerBound - 1)
            let persons = names.indices.filter {
                prev.contains(names[$0].lo) && (names[$0].kind == .person || names[$0].kind == .unknown) && !t[names[$0].lo].inQuote
            }
            inC += persons.suffix(2)
        }
        if c.status == .occurred,
            !inC.contains(where: { names[$0].lo < i && (names[$0].kind == .person || names[$0].kind == .organization || names[$0].kind == .unknown) }),
            let subject = names.indices.first(where: { usable($0) && (names[$0].kind == .person || names[$0].kind == .unknown) && names[$0].lo < clause.lowerBound && names[$0].lo < i })
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
                let ofCapital = prep == "of" && n.lo > 1 && (t[n.lo - 2].lowerIs("capital") || t[n.lo - 2].lowerIs("city") || t[n.lo - 2].lowerIs("town"))
                if category != .sanctions, n.hi < t.count, t[n.hi].has(.agentNoun), n.lo < i || clause.contains(n.lo) {
                    c.actors.append(n.country ?? n.canonical)
                } else if category != .sanctions, n.kind == .place, n.hi <= i, !(n.lo > 0 && t[n.lo - 1].has(.placePreposition)), prep != "of",
                    t[n.hi..<i].allSatisfy({ Self.isAny($0, ["has", "have", "had", "was", "were", "also", "on"]) || $0.kind == .number })
                {
                    // "Managua has freed ...": the capital or country as subject names the state
                    // where it happened (kept as a place, so that actors still tie reports together).
                    c.places.append(n.country ?? n.canonical)
                    subjectStates.append(n.country ?? n.canonical)
                } else if category == .sanctions {
                    if prep == "against" || prep == "on" { c.attributes["target"] = n.canonical }
                } else if n.kind == .place && ((n.lo > 0 && t[n.lo - 1].has(.placePreposition)) || ofCapital) {
                    c.places.append(n.canonical)
                } else if isPlaceNoun && (n.lo == 0 || t[n.lo - 1].lower != "'") {
                    c.places.append(n.canonical)
                }
            case .award:
                if Self.isType(c.type, .award) { c.attributes["prize"] = n.text }
            case .agency:
                break
            }
        }
        if category == .sanctions {
            // Who imposes or lifts: "U.S. sanctions", "sanctions imposed by the EU", or the
            // clause's subject ("Washington announced easing ...").
            let sanctionWord = (max(0, i - 5)..<min(t.count, triggerEnd + 6)).first { Self.mayStartWith(t[$0], UInt8(ascii: "s")) && t[$0].lowerHasPrefix("sanction") } ?? i
            var who = names.indices.filter { k in
                guard usable(k) else { return false }
                let n = names[k]
                return (n.kind == .place || n.kind == .demonym) && n.hi <= sanctionWord && n.hi >= sanctionWord - 3
            }
            who += names.indices.filter { k in
                guard usable(k) else { return false }
                let lo = names[k].lo
                return lo > triggerEnd && lo <= triggerEnd + 3 && lo > 0 && (t[lo - 1].lower == "by" || (lo > 1 && t[lo - 2].lower == "by"))
            }
            if who.isEmpty, let s = names.indices.first(where: { k in
                guard usable(k) else { return false }
                let n = names[k]
                return n.kind == .place && n.lo < i && clause.contains(n.lo) && n.lo > 0 ? !Self.isAny(t[n.lo - 1], ["against", "on", "of", "in"]) : true
            }), names[s].lo < i {
                who = [s]
            }
            for k in who { c.actors.append(names[k].country ?? names[k].canonical) }
            if c.actors.isEmpty, let org = names.indices.first(where: { usable($0) && names[$0].kind == .organization && clause.contains(names[$0].lo) }) { c.actors.append(names[org].text) }
        }
        if Self.isType(c.type, .deportation) {
            // Destinations: places after "to", "into", "across".
            let dest = names.indices.filter { k in usable(k) && clause.contains(names[k].lo) && names[k].lo > i && (names[k].kind == .place || names[k].kind == .demonym) }
            if !dest.isEmpty { c.places = dest.map { names[$0].country ?? names[$0].canonical }.reduce(into: []) { if !$0.contains($1) { $0.append($1) } } }
        }
        // ("Azerbaijan released 31 prisoners in Baku": Baku already places it.)
        let named = c.places
        if !subjectStates.isEmpty { c.places.removeAll { st in subjectStates.contains(st) && named.contains { lexicon.places[$0]?.country == st } } }
        c.actors = Self.unique(c.actors)
        let places = lexicon.places
        c.hasNamedActor = c.actors.contains { places[$0] == nil }
        c.places = Self.unique(c.places)
    }

    // Word tests as byte compares (`Token.lowerIs`, `Token.isMark`) for the lists that used to be
    // array literals of strings: each `contains` compared strings, and this runs per candidate.
    @inline(__always) static func hasOrHave(_ w: Token) -> Bool { w.lowerIs("has") || w.lowerIs("have") }
    /// `["that", "\"", ",", "he", "she", "they", "it", "would", "will"].contains(w.lower)`.
    @inline(__always) static func isSpeechStop(_ w: Token) -> Bool {
        w.isMark(UInt8(ascii: "\"")) || w.isMark(UInt8(ascii: ",")) || w.lowerIs("that") || w.lowerIs("he") || w.lowerIs("she")
            || w.lowerIs("they") || w.lowerIs("it") || w.lowerIs("would") || w.lowerIs("will")
    }
    /// `["would", "will", "could", "may", "might"].contains(w.lower)`.
    @inline(__always) static func isFutureModal(_ w: Token) -> Bool {
        w.lowerIs("would") || w.lowerIs("will") || w.lowerIs("could") || w.lowerIs("may") || w.lowerIs("might")
    }

    /// Whether `w.lower` may begin with the ASCII letter `c`: false only when the token's first
    /// byte is known and is another ASCII byte (a non-ASCII first letter may lower to anything).
    @inline(__always) static func mayStartWith(_ w: Token, _ c: UInt8) -> Bool {
        w.leadByte == 0 || w.leadByte >= 0x80 || w.leadByte | 0x20 == c
    }

    /// "Hundreds were detained": a number right before the trigger's auxiliaries is its subject.
    static func isSubjectOf(_ t: [Token], _ q: QuantityMention, trigger i: Int) -> Bool {
        var k = q.hi
        while k < i, Self.isAny(t[k], ["were", "was", "have", "has", "had", "been", "being", "are", "is"]) { k += 1 }
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

/// A name mention's position and kind: what most tests of a sentence's names read, without the
/// mention's four strings.
struct NameSpan {
    let lo: Int
    let hi: Int
    let kind: NameMention.Kind
}

extension Array where Element == NameMention {
    /// `contains(where:)` over the mentions' spans: the array's iterator (and a closure taking a
    /// mention) copied each mention, four strings retained and released, and `EventFinder` asks
    /// this per trigger.
    @inline(__always) func containsMention(where p: (NameSpan) -> Bool) -> Bool {
        withUnsafeBufferPointer { b in
            for k in b.indices where p(NameSpan(lo: b[k].lo, hi: b[k].hi, kind: b[k].kind)) { return true }
            return false
        }
    }
}
