import EvqModel

/// Rules applied to one sentence's candidates after `EventFinder.find` has built them: dates
/// that belong to a relative clause or a participle phrase, "N for M" counts of exchanges,
/// a trigger noun whose verb says it is still to come, and references to a group told
/// before ("among those pardoned"). Each rule reads a few tokens around a candidate's
/// trigger (a sentence has a handful of candidates), so the pass is linear in the sentence.
extension EventFinder {
    // (Words are tested by class bits and byte compares, not by hashing: this runs for every
    // candidate of every sentence.)
    /// "was", "were", "is", "are", "has", "have", "had" (`StatusClassifier.finiteBe`, which
    /// are the words of `modalStops`).
    @inline(__always) static func isFiniteBe(_ x: Token) -> Bool { x.kind == .word && x.has(.modalStop) }
    // (`isAuxiliary`, a finite "be"/"have" or "been", "be", "will", "would", is EventFinder's.)
    /// Relative pronouns that open a clause about the noun before them: who, whose, whom
    /// (`Clauses.relativeOpeners`) and which.
    @inline(__always) static func isRelativePronoun(_ x: Token) -> Bool { x.has(.relativeOpener) || x.lowerIs("which") }
    /// `determiners` or "another" ("another swap").
    @inline(__always) static func isDeterminerOrAnother(_ x: Token) -> Bool {
        x.lowerIs("the") || x.lowerIs("a") || x.lowerIs("an") || x.lowerIs("another") || x.lowerIs("this") || x.lowerIs("that")
            || x.lowerIs("these") || x.lowerIs("those") || x.lowerIs("his") || x.lowerIs("her") || x.lowerIs("their") || x.lowerIs("its")
            || x.lowerIs("our") || x.lowerIs("my") || x.lowerIs("your")
    }
    /// Words after "is"/"was" that make a happening still to come without an infinitive:
    /// "another swap ... was expected next week".
    @inline(__always) static func isScheduledCue(_ x: Token) -> Bool {
        x.lowerIs("expected") || x.lowerIs("scheduled") || x.lowerIs("planned") || x.lowerIs("due")
    }

    func refine(_ out: inout [Candidate], _ where_: inout [(clause: Int, at: Int)], _ m: SentenceMentions, sentence: Int, supporting: Bool, speakers: Set<Int>) {
        let t = m.tokens
        if !supporting, let leg = returnedLeg(m, out, sentence: sentence, speakers: speakers) {
            out.append(leg.candidate)
            where_.append((m.clauses.clauseOf[leg.at], leg.at))
        }
        guard !out.isEmpty else { return }
        var drop: [Int] = []
        var added: [(Candidate, Int)] = []
        for k in out.indices {
            let at = where_[k].at
            guard at < t.count else { continue }
            let type = out[k].type
            if type == .statement { continue }
            // "Twenty-five foreign nationals among those pardoned will be deported": a participle
            // after "among those" names a group told before, never a new happening (its clause's
            // status belongs to the other verb).
            if at >= 2, t[at - 1].lowerIs("those"), t[at - 2].lowerIs("among") {
                drop.append(k)
                continue
            }
            let nounAfterDeterminer = at > 0 && Self.isDeterminerOrAnother(t[at - 1])
            // "the freed men would be allowed to return home": a participle between a determiner
            // and a captive noun is an adjective; the clause's status belongs to another verb.
            // (Occurred mentions stay: they join the release told elsewhere.)
            if nounAfterDeterminer, out[k].status != .occurred, at + 1 < t.count, t[at + 1].has(.captive), t[at].lower.hasSuffix("ed") {
                drop.append(k)
                continue
            }
            // "A meeting between Putin and Zelenskiy is not on the agenda".
            if nounAfterDeterminer, negatedAfter(trigger: at, m) {
                drop.append(k)
                continue
            }
            if out[k].dateMention != nil { refineDate(&out[k], trigger: at, m) } else if !m.dates.isEmpty { out[k].dateMention = dateAfterSubset(trigger: at, m) }
            // ("held talks last week and agreed to meet again": the earlier happening's date is not
            // the later one's.)
            if at >= 1, t[at - 1].lowerIs("to"), out[k].status != .occurred,
                let j = out.indices.first(where: { j in j != k && out[j].type == type && where_[j].at < at && out[j].status != out[k].status })
            {
                if let d = out[k].dateMention, d.hi <= at, out[j].dateMention == d { out[k].dateMention = nil }
                // ("freed 127 prisoners on Wednesday, the first group of 553 it has promised to
                // release": the later happening's count is told between the two triggers.)
                if let v = out[k].count?.value, v == out[j].count?.value {
                    let between = m.quantities.filter { q in q.lo > where_[j].at && q.hi <= at && !q.isStock && q.quantity.value != nil && q.quantity.value != v }
                    out[k].count = between.last?.quantity
                }
            }
            if out[k].count == nil, type != .meeting, !m.quantities.isEmpty, let q = countOfThem(trigger: at, m) {
                out[k].count = q
            }
            if nounAfterDeterminer, out[k].status == .occurred, scheduledAfter(trigger: at, m) {
                out[k].status = .expected
            }
            if type == .deportation {
                // "seven of them were deported to Egypt": an expulsion stands beside an exchange,
                // not as one of its legs (DocumentMerger.absorbExchangeLegs).
                if Self.expelVerbs.contains(t[at].lower) { out[k].attributes["_expelled"] = "1" }
            } else if type == .exchange {
                // "which has mediated more than a dozen exchanges since 2022": a number of
                // exchanges counts happenings, not people moved; with no count of people it is
                // no event.
                if out[k].count == nil, m.quantities.contains(where: { $0.hi == at }) {
                    drop.append(k)
                    continue
                }
                // "The swaps brought to more than 5,000 the number of Ukrainians freed since ...":
                // a running total counts what the verb after "the number of" did, not its subject.
                if out[k].total, let v = out[k].count?.value,
                    let q = m.quantities.first(where: { $0.quantity.value == v && Self.namesTheNumberOf(t, $0) }),
                    (q.hi + 3..<min(t.count, q.hi + 8)).contains(where: { j in
                        t[j].has(.trigger) && lexicon.triggers[t[j].lower]?.contains(where: { $0.type == "release" && !$0.isStatement }) == true
                    })
                {
                    out[k].type = .release
                    continue
                }
                if let n = namedForNamed(trigger: at, m, speakers: speakers) { out[k].count = n }
                if let n = numberForNumber(trigger: at, m) { out[k].count = n }
                if let second = secondExchange(after: at, m) {
                    var c = out[k]
                    out[k].count = second.first
                    c.dateMention = second.date
                    c.count = second.count
                    added.append((c, second.at))
                }
            }
        }
        for (c, at) in added {
            out.append(c)
            where_.append((m.clauses.clauseOf[at], at))
        }
        if !drop.isEmpty {
            let keep = out.indices.filter { !drop.contains($0) }
            out = keep.map { out[$0] }
            where_ = keep.map { where_[$0] }
        }
    }

    /// The index of the first relative pronoun after `from` and before `to` ("a ceasefire deal
    /// that took effect last month", "Dmitriev, head of the fund, who had visited Washington in
    /// April"). "that" counts only after a noun-like word, not after a verb of saying or
    /// agreeing ("said that", "agreed that"). (A wire sentence seldom puts its main clause's
    /// date after a relative clause; what follows the clause usually goes on about it.)
    func relativeBetween(_ from: Int, _ to: Int, _ t: [Token]) -> Int? {
        guard from < to else { return nil }
        for r in from..<min(to, t.count) where t[r].kind == .word {
            if Self.isRelativePronoun(t[r]) { return r }
            if t[r].lowerIs("that"), r > 0, t[r - 1].kind == .word, !t[r - 1].has(.statementTrigger), !t[r - 1].has(.trigger),
                !Self.isAuxiliary(t[r - 1]), !t[r - 1].lower.hasSuffix("ed")
            {
                return r
            }
        }
        return nil
    }
    /// "after which ...", "under which ...": a relative clause that goes on with the story.
    @inline(__always) static func isTemporalPreposition(_ x: Token) -> Bool {
        x.lowerIs("after") || x.lowerIs("before") || x.lowerIs("following") || x.lowerIs("during") || x.lowerIs("since") || x.lowerIs("until")
            || x.lowerIs("in") || x.lowerIs("under") || x.lowerIs("by")
    }

    /// A date told inside a relative clause after the trigger, or inside a participle phrase
    /// set off before it ("The two men, detained in 2019 while visiting relatives, were flown
    /// to Stockholm"), dates that clause's happening, not this one. The nearest other date of
    /// the sentence outside such clauses takes its place, or none.
    func refineDate(_ c: inout Candidate, trigger at: Int, _ m: SentenceMentions) {
        guard let d = c.dateMention, !c.total else { return }
        let t = m.tokens
        func foreign(_ x: DateMention) -> Bool {
            if x.lo > at { return relativeBetween(at + 1, x.lo, t) != nil }
            // ("released 10 Americans on Friday in exchange for 252 migrants whom the United
            // States had deported": a trigger inside a relative clause is background; the main
            // clause's date is not its own.)
            // (Only a pluperfect one, "whom ... had deported", with no comma before the trigger;
            // "after which the Treasury removed ..." and "talks that led to the release" go on
            // with the story.)
            if x.hi <= at, let r = relativeBetween(x.hi, at, t), !t[r].lowerIs("that"), r > 0, !Self.isTemporalPreposition(t[r - 1]),
                t[(r + 1)..<at].contains(where: { $0.lowerIs("had") }), !t[(r + 1)..<at].contains(where: { $0.kind == .punct })
            {
                return true
            }
            // (A participle trigger right before the date, then a comma before this trigger.)
            guard x.lo >= 2, x.hi <= at else { return false }
            let p = t[x.lo - 1].lowerIs("in") || t[x.lo - 1].lowerIs("on") ? x.lo - 2 : x.lo - 1
            guard p >= 0, p + 1 < at, t[p].kind == .word, t[p].has(.trigger), !(p > 0 && Self.isAuxiliary(t[p - 1])), t[p].lower.hasSuffix("ed")
            else { return false }
            return t[x.hi..<at].contains { $0.isMark(UInt8(ascii: ",")) }
        }
        guard foreign(d) else { return }
        // (A date right after a verb of saying dates the saying: "said on Wednesday".)
        let others = m.dates.filter { x in
            x.lo != d.lo && x.lo >= m.datelineEnd && !foreign(x)
                && !(x.lo >= 1 && (t[x.lo - 1].has(.statementTrigger) || (x.lo >= 2 && t[x.lo - 2].has(.statementTrigger))))
        }
        c.dateMention = others.min { abs($0.lo - at) < abs($1.lo - at) }
    }

    /// "another swap, of 500 for 500, was expected next week": the first finite "be" after a
    /// trigger noun, followed by a word of scheduling and then a date or the clause's end, says
    /// the happening is still to come. (StatusClassifier reads the infinitive forms, "is due to
    /// take place", "were expected to be released".)
    func scheduledAfter(trigger at: Int, _ m: SentenceMentions) -> Bool {
        let t = m.tokens
        var a = at + 1
        while a + 1 < min(t.count, at + 14) {
            if Self.isFiniteBe(t[a]) {
                guard Self.isScheduledCue(t[a + 1]) else { return false }
                let after = a + 2
                return after >= t.count || t[after].kind == .punct || m.dates.contains { $0.lo == after }
            }
            if t[a].has(.trigger) || t[a].has(.statementTrigger) { return false }
            a += 1
        }
        return false
    }

    /// "exchanged 25 prisoners for 25", "a swap, of 500 for 500": a number, "for", and a bare
    /// number after it give both sides of an exchange (when the right side names its own
    /// people, "32 servicemen for two soldiers", the "X for Y" rule of `find` counts it).
    func numberForNumber(trigger at: Int, _ m: SentenceMentions) -> Quantity? {
        let t = m.tokens
        let clause = m.clauses.range(of: at)
        let hi = min(t.count - 1, at + 10)
        guard at + 1 < hi else { return nil }
        for f in (at + 1)..<hi where t[f].lowerIs("for") {
            guard let right = m.quantities.first(where: { $0.lo == f + 1 && $0.noun == nil && !$0.isStock }), let b = right.quantity.value,
                let left = m.quantities.last(where: { $0.hi <= f && $0.lo > at && f - $0.hi <= 4 && clause.contains($0.lo) }), let a = left.quantity.value,
                !t[left.hi..<f].contains(where: { $0.kind == .punct })
            else { continue }
            let exact = left.quantity.qualifier == .exact && right.quantity.qualifier == .exact
            return Quantity(value: min(QuantityFinder.limit, a + b), qualifier: exact ? .exact : left.quantity.qualifier,
                text: (left.quantity.text ?? "") + " for " + (right.quantity.text ?? ""))
        }
        return nil
    }
}

extension EventFinder {
    /// "brought to more than 5,000 the number of Ukrainians freed": a count followed by "the
    /// number of" counts people (the running-total idiom), whatever noun follows.
    static func namesTheNumberOf(_ t: [Token], _ q: QuantityMention) -> Bool {
        q.hi + 2 < t.count && t[q.hi].lowerIs("the") && t[q.hi + 1].lowerIs("number") && t[q.hi + 2].lowerIs("of")
    }

    /// "seven of them were deported", "three of those were later freed": a count of a group
    /// told before, as the trigger's subject. The quantity, or nil.
    func countOfThem(trigger at: Int, _ m: SentenceMentions) -> Quantity? {
        let t = m.tokens
        let clause = m.clauses.range(of: at)
        for q in m.quantities where clause.contains(q.lo) && q.lo < at && q.quantity.value != nil && !q.isStock {
            guard q.hi + 1 < at, t[q.hi].lowerIs("of"), t[q.hi + 1].lowerIs("them") || t[q.hi + 1].lowerIs("those") else { continue }
            var k = q.hi + 2
            while k < at, Self.isAuxiliary(t[k]) || Self.adverbs.contains(t[k].lower) { k += 1 }
            if k == at { return q.quantity }
        }
        // "Twenty-five foreign nationals among those pardoned will be deported": the group
        // before "among those PARTICIPLE" is the subject (the participle refers back).
        var p = at - 1
        while p > 2, Self.isAuxiliary(t[p]) { p -= 1 }
        guard p >= 2, p < at, t[p - 1].lowerIs("those"), t[p - 2].lowerIs("among") else { return nil }
        let q = m.quantities.last { q in
            q.hi <= p - 2 && clause.contains(q.lo) && q.noun != nil && q.quantity.value != nil && !q.isStock
                && !t[q.hi..<(p - 2)].contains { $0.kind == .punct }
        }
        return q?.quantity
    }

    /// "A meeting between Putin and Zelenskiy is not on the agenda", "no exchange is planned":
    /// a trigger noun whose first finite "be" is negated with one of these reports nothing.
    @inline(__always) static func isNotHappeningCue(_ x: Token) -> Bool {
        x.lowerIs("planned") || x.lowerIs("scheduled") || x.lowerIs("expected") || x.lowerIs("likely") || x.lowerIs("foreseen")
            || x.lowerIs("held") || x.lowerIs("envisaged")
    }
    func negatedAfter(trigger at: Int, _ m: SentenceMentions) -> Bool {
        let t = m.tokens
        var a = at + 1
        while a + 2 < min(t.count, at + 14) {
            if Self.isFiniteBe(t[a]) {
                guard t[a + 1].lowerIs("not") else { return false }
                let w = t[a + 2]
                if Self.isNotHappeningCue(w) { return true }
                // ("not on the agenda", "not on the table", "not under way".)
                return a + 4 < t.count && (w.lowerIs("on") && (t[a + 4].lowerIs("agenda") || t[a + 4].lowerIs("table")) || (w.lowerIs("under") && t[a + 3].lowerIs("way")))
            }
            if t[a].has(.trigger) || t[a].has(.statementTrigger) { return false }
            a += 1
        }
        return false
    }
}

extension EventFinder {
    static let expelVerbs = StringSet(["deported", "expelled", "exiled", "banished", "deportation", "deportations", "expulsion", "expulsions"])
    /// Verbs telling that a counted group came back in an exchange: "303 Ukrainian servicemen
    /// had returned home", "303 Russian soldiers had been returned from territory controlled
    /// by Kyiv".
    @inline(__always) static func isReturnVerb(_ x: Token) -> Bool { x.lowerIs("returned") || x.lowerIs("repatriated") }

    /// One side of an exchange told as a group coming back, in a sentence that reports no
    /// release, exchange or deportation of its own: a leg (`_leg`, `_moved`) that
    /// DocumentMerger adds to the count of an exchange told nearby, and drops otherwise. Its
    /// `_side` (the group's country, from a demonym) lets two sides of equal size both count
    /// ("303 Ukrainian servicemen ... 303 Russian soldiers").
    func returnedLeg(_ m: SentenceMentions, _ out: [Candidate], sentence: Int, speakers: Set<Int>) -> (candidate: Candidate, at: Int)? {
        let t = m.tokens
        for q in m.quantities where q.noun != nil && !q.isStock && q.quantity.value != nil && q.quantity.qualifier == .exact && !t[q.hi - 1].inQuote {
            // (Past the group's noun, "had been" to the verb.)
            var k = q.hi
            while k < min(t.count, q.hi + 3), t[k].kind == .word, !Self.isAuxiliary(t[k]) { k += 1 }
            guard k < t.count, Self.isAuxiliary(t[k]) else { continue }
            while k < t.count, Self.isAuxiliary(t[k]) { k += 1 }
            guard k < t.count, Self.isReturnVerb(t[k]), let v = q.quantity.value,
                !t[max(0, q.lo - 2)..<q.lo].contains(where: { $0.lowerIs("among") || $0.lowerIs("including") || $0.lowerIs("of") }),
                !out.contains(where: { DocumentMerger.family($0.type) == "release" || $0.type == .deportation || $0.type == .exchange })
            else { continue }
            let clause = m.clauses.range(of: k)
            let side = m.names.first { $0.kind == .demonym && $0.lo >= q.lo && $0.lo <= q.hi + 1 }
            var c = Candidate(type: .release, status: status.status(t, trigger: k, clause: clause), total: false, actors: [], places: [],
                attributes: ["_moved": String(v), "_parts": String(v), "_leg": "1"], sentence: sentence, supporting: false)
            if let side { c.attributes["_side"] = side.country ?? side.canonical }
            fillArguments(&c, trigger: k, triggerEnd: k + 1, clause: clause, m, speakers: speakers, exchangeFor: Self.exchangeForPositions(t))
            c.count = nil
            return (c, k)
        }
        return nil
    }
}

extension EventFinder {
    /// "held talks in Abu Dhabi last week and agreed to meet again": a second trigger of the
    /// same type in a clause that already has one opens its own candidate when it is an
    /// infinitive ("to meet", "to swap") whose status differs from the first's: a happening
    /// still to come beside one that took place.
    func isLaterHappening(_ out: [Candidate], _ where_: [(clause: Int, at: Int)], type: String, trigger i: Int, clause: Range<Int>, _ m: SentenceMentions) -> Bool {
        let t = m.tokens
        guard i >= 1, t[i - 1].lowerIs("to") else { return false }
        guard let k = out.indices.last(where: { out[$0].type.rawValue == type && where_[$0].clause == m.clauses.clauseOf[i] && where_[$0].at < i }) else { return false }
        return status.status(t, trigger: i, clause: where_[k].at + 1..<clause.upperBound, meeting: type == "meeting") != out[k].status
    }
}

extension EventFinder {
    /// "freed Evan Carter, Paul Whelan and Alsu Kurmasheva in exchange for Vadim Krasikov and
    /// Roman Seleznev": named people on both sides and no counted group, one each (5).
    func namedForNamed(trigger at: Int, _ m: SentenceMentions, speakers: Set<Int>) -> Quantity? {
        let t = m.tokens
        guard let span = exchangeForSpan(t, Self.exchangeForPositions(t)), span.lowerBound > at + 3 else { return nil }
        let left = (at + 1)..<(span.lowerBound - 3)
        if m.quantities.contains(where: { ($0.lo >= left.lowerBound && $0.lo < span.upperBound) && $0.quantity.value != nil && $0.noun != nil }) { return nil }
        // (Named persons, and "a"/"an"/"one" + a captive noun or demonym: "a U.S. citizen in
        // exchange for a Russian national" is one each.)
        let l = sideCount(left, m, speakers: speakers), r = sideCount(span, m, speakers: speakers)
        guard l > 0, r > 0 else { return nil }
        return Quantity(value: l + r, qualifier: .exact, text: "\(l) for \(r)")
    }
}

extension EventFinder {
    /// "detained seven journalists, including an AFP photographer, in dawn raids on Monday": a
    /// date after the comma that closes an "including ..." subset is the main clause's again
    /// (`fillArguments` leaves out dates after the subset cue, which date a member's story:
    /// "including an arms dealer convicted in 2019").
    func dateAfterSubset(trigger at: Int, _ m: SentenceMentions) -> DateMention? {
        let t = m.tokens
        let hi = min(t.count, at + 8)
        guard at + 1 < hi, let s = (at + 1..<hi).first(where: { t[$0].lowerIs("including") || t[$0].lowerIs("among") }),
            let c = (s + 1..<min(t.count, s + 10)).first(where: { t[$0].isMark(UInt8(ascii: ",")) })
        else { return nil }
        guard let d = m.dates.first(where: { $0.lo > c && $0.lo <= c + 10 }) else { return nil }
        // (Nothing between that starts another clause or happening.)
        if t[(c + 1)..<d.lo].contains(where: { $0.has(.trigger) || $0.has(.statementTrigger) || Self.isRelativePronoun($0) || $0.kind == .punct }) { return nil }
        return d
    }
}

extension EventFinder {
    /// "On Friday the two sides swapped 390 prisoners each, and on Saturday Ukraine received 307
    /// soldiers in return for 307 Russians": a clause after ", and" that opens with its own date
    /// and moves people both ways ("in return for", "in exchange for") is a second exchange. The
    /// first exchange's count (from its own clause: "390 each" = 780), the second's date, its
    /// count (307 + 307) and the index of its "in".
    func secondExchange(after at: Int, _ m: SentenceMentions) -> (first: Quantity?, date: DateMention, count: Quantity, at: Int)? {
        let t = m.tokens
        guard at + 4 < t.count else { return nil }
        for k in (at + 1)..<(t.count - 3) where t[k].isMark(UInt8(ascii: ",")) && t[k + 1].lowerIs("and") {
            guard let d = m.dates.first(where: { $0.lo > k + 1 && $0.lo <= k + 3 }) else { continue }
            guard let f = (d.hi..<min(t.count - 2, d.hi + 10)).first(where: { Self.isExchangeFor(t, $0) }) else { return nil }
            guard let left = m.quantities.last(where: { $0.lo > d.hi && $0.hi <= f && $0.noun != nil }), let a = left.quantity.value,
                let right = m.quantities.first(where: { $0.lo >= f + 3 && $0.lo <= f + 4 }), let b = right.quantity.value
            else { return nil }
            // The first exchange's own groups: "390 prisoners each" is that many each way.
            let own = m.quantities.filter { $0.lo > at && $0.hi <= k && $0.noun != nil && $0.quantity.value != nil && !$0.isStock }
            var first: Quantity? = nil
            if own.count == 1, let v = own[0].quantity.value {
                let each = (own[0].hi..<min(k, own[0].hi + 3)).contains { t[$0].lowerIs("each") }
                first = Quantity(value: min(QuantityFinder.limit, each ? 2 * v : v), qualifier: own[0].quantity.qualifier,
                    text: (own[0].quantity.text ?? "") + (each ? " each" : ""))
            }
            let exact = left.quantity.qualifier == .exact && right.quantity.qualifier == .exact
            return (first, d, Quantity(value: min(QuantityFinder.limit, a + b), qualifier: exact ? .exact : .atLeast,
                text: (left.quantity.text ?? "") + " for " + (right.quantity.text ?? "")), f)
        }
        return nil
    }
}

extension EventFinder {
    /// "freed a Russian arms dealer", "detained a British-Iranian academic": "a"/"an"/"one" and a
    /// demonym right after the trigger open its object, a person of that nationality.
    func demonymObject(after: Int, _ m: SentenceMentions) -> Bool {
        let t = m.tokens
        guard after + 1 < t.count, t[after].lowerIs("a") || t[after].lowerIs("an") || t[after].lowerIs("one") else { return false }
        return t[after + 1].has(.demonym) || m.names.contains { $0.lo == after + 1 && $0.kind == .demonym }
    }
}
