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
            let clause = m.clauses.range(of: i)
            let key = (type: trig.type, clause: m.clauses.clauseOf[i])
            let next = i + trig.words.count
            if claimed.contains(where: { $0.clause == key.clause && $0.type == key.type }) || status.isHabitual(t, trigger: i, clause: clause) { i = next; continue }
            // "asked for a pardon", "calls for the release": a request, not a happening.
            if i >= 1, t[i - 1].lower == "for" || (i >= 2 && t[i - 2].lower == "for" && ["a", "the", "an"].contains(t[i - 1].lower)),
                !(i >= 3 && t[i - 3].lower == "exchange") && !(i >= 2 && t[i - 2].lower == "exchange")
            {
                i = next; continue
            }
            // "jailed journalist", "those convicted of": participles used as adjectives.
            if ["jailed", "convicted", "detained", "arrested", "imprisoned"].contains(t[i].lower),
                i == 0 || !["was", "were", "been", "is", "are", "be", "has", "have", "had", "being"].contains(t[i - 1].lower),
                !(i > 0 && (m.names.contains { $0.hi == i && $0.kind != .place } || t[i - 1].lower == "police" || t[i - 1].lower == "court" || t[i - 1].lower == "authorities"))
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
        if let x = out.firstIndex(where: { $0.type == .exchange }) {
            let moved = m.quantities.filter { !$0.isStock && $0.noun != nil && $0.quantity.value != nil }
            if moved.count >= 2 {
                let sum = moved.reduce(0) { min(QuantityFinder.limit, $0 + ($1.quantity.value ?? 0)) }
                out[x].count = Quantity(value: sum, qualifier: moved.allSatisfy { $0.quantity.qualifier == .exact } ? .exact : .atLeast,
                    text: moved.map { $0.quantity.text ?? "" }.joined(separator: " + "))
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
            if m.names.contains(where: { ($0.kind == .person || ($0.kind == .unknown && $0.lo > 0)) && clause.contains($0.lo) }) { return true }
            // A relative clause ("Poczobut, who was arrested in March 2021") refers back to a person.
            if clause.lowerBound > 0, Self.isRelative(clause, t) {
                let prev = m.clauses.range(of: clause.lowerBound - 1)
                return m.names.contains { ($0.kind == .person || $0.kind == .unknown) && prev.contains($0.lo) }
            }
            return false
        case "prison":
            return t[after..<min(t.count, after + 4)].contains { $0.has(.prisonNoun) }
        case "sanctions":
            let lo = max(0, i - 8), hi = min(t.count, after + 6)
            for k in lo..<hi where t[k].lower.hasPrefix("sanction") && !usedSanctionToken.contains(k) {
                usedSanctionToken.insert(k)
                return true
            }
            return false
        case "prize":
            return m.names.contains { $0.kind == .award && clause.contains($0.lo) && $0.lo >= i }
                || t[after..<max(after, clause.upperBound)].contains { ["prize", "award", "medal"].contains($0.lower) }
        case "meet":
            return m.names.contains { ($0.kind == .person || $0.kind == .organization || $0.kind == .unknown) && $0.lo >= m.datelineEnd }
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

    static func isRelative(_ r: Range<Int>, _ t: [Token]) -> Bool {
        guard r.lowerBound < t.count else { return false }
        let first = t[r.lowerBound].lower == "," && r.lowerBound + 1 < t.count ? t[r.lowerBound + 1].lower : t[r.lowerBound].lower
        return ["who", "which", "whose", "whom"].contains(first)
    }

    func fillArguments(_ c: inout Candidate, trigger i: Int, triggerEnd: Int, clause: Range<Int>, _ m: SentenceMentions, speakers: Set<Int>) {
        let t = m.tokens
        // "in exchange for ...": kept as an attribute, and its words are not this event's arguments.
        var exchangeSpan = 0..<0
        for k in clause where k + 2 < t.count && t[k].lower == "in" && t[k + 1].lower == "exchange" && t[k + 2].lower == "for" {
            var e = k + 3
            while e < clause.upperBound, t[e].lower != "," { e += 1 }
            exchangeSpan = k..<e
            if e > k + 3 { c.attributes["in_exchange_for"] = TemporalTagger.words(t, k + 3, e) }
            break
        }
        // Date: nearest in the clause; else, for a reported happening, nearest in the sentence.
        let inClause = m.dates.filter { clause.contains($0.lo) && $0.lo >= m.datelineEnd }
        // (Not from a relative clause about someone: "who won the prize in 2022".)
        // A date attached to a speech verb ("said on Friday that the releases ...") dates the
        // saying, not the events reported after it.
        func speechDate(_ d: DateMention) -> Bool {
            for s in max(0, d.lo - 6)..<d.lo where s < i {
                if t[s].has(.statementTrigger),
                    !t[(s + 1)..<d.lo].contains(where: { ["that", "\"", ","].contains($0.lower) })
                {
                    return true
                }
            }
            return false
        }
        let pool = (!inClause.isEmpty ? inClause
            : (c.status == .occurred ? m.dates.filter { $0.lo >= m.datelineEnd && !Self.isRelative(m.clauses.range(of: $0.lo), t) } : []))
            .filter { !speechDate($0) }
        c.dateMention = pool.min { abs($0.lo - i) < abs($1.lo - i) }
        if let d = c.dateMention {
            switch d.expression {
            case .since, .recent: c.total = true  // cumulative over a stretch of time
            default: break
            }
        }
        // Count: the nearest counted quantity in the clause that is not a stock.
        // "Those pardoned include 38 women": an anaphoric mention; the numbers are subsets.
        let anaphoric = i > 0 && ["those", "them", "whom"].contains(t[i - 1].lower)
        let qs = anaphoric ? [] : m.quantities.filter {
            clause.contains($0.lo) && !$0.isStock && !exchangeSpan.contains($0.lo)
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
                    if cue != ["so", "far"] || c.dateMention == nil { c.total = true }
                }
            }
        }
        if c.total && c.count == nil && c.dateMention.map({ if case .since = $0.expression { return false } else { return true } }) ?? true {
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
                } else if category == .sanctions {
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
            let sanctionWord = (max(0, i - 5)..<min(t.count, triggerEnd + 6)).first { t[$0].lower.hasPrefix("sanction") } ?? i
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
        // (A linear scan: a candidate has a handful of names, where hashing each costs more.)
        var out: [String] = []
        out.reserveCapacity(xs.count)
        for x in xs where !out.contains(x) { out.append(x) }
        return out
    }
}
