import EvqModel

/// Stage: a document's candidates -> its events. Dates are anchored to the publication window
/// first. Candidates of one happening are merged when their types are compatible (release,
/// pardon and amnesty are one family), their statuses and total flags agree, their counts do
/// not disagree and their dates overlap. Mentions without count, date or participant ("the
/// release", "those freed") join the nearest such event of their family; heading and caption
/// candidates only support body events and never stand alone. Statements become one event per
/// speaker.
struct DocumentMerger {
    let lexicon: Lexicon

    /// One happening being assembled. Its date is that of its first specific body report;
    /// its distinct counts are kept so compatibility is checked against few values.
    struct Cluster {
        var members: [Candidate]
        var date: EventDate = .missing
        var counts: [Quantity] = []
        var key: Key
        /// The narrowest date of any member, used while no specific report has a date.
        var anyDate: EventDate = .missing

        mutating func add(_ c: Candidate) {
            members.append(c)
            if date.isMissing, !c.supporting, !c.isGeneric, !c.date.isMissing { date = c.date }
            if let s = c.date.start, let e = c.date.end {
                if let bs = anyDate.start, let be = anyDate.end { if e.number - s.number < be.number - bs.number { anyDate = c.date } } else { anyDate = c.date }
            }
            if let q = c.count, q.value != nil, !counts.contains(q) { counts.append(q) }
        }
    }

    static func family(_ t: EventType) -> String {
        switch t {
        case .release, .pardon, .amnesty: return "release"
        default: return t.rawValue
        }
    }

    /// Which candidates may be one happening at all: type family, status and total flag.
    /// (A struct, not a joined string: building and hashing that string per candidate cost.)
    struct Key: Hashable {
        var family: String
        var status: Status
        var total: Bool

        // (Hashed by the family's length rather than its text: the families are a few words
        // whose lengths mostly differ, and hashing the string was the cost of every lookup.
        // Equal keys still hash alike.)
        func hash(into h: inout Hasher) {
            h.combine(family.utf8.count)
            h.combine(status)
            h.combine(total)
        }
    }

    static func key(_ c: Candidate) -> Key { Key(family: family(c.type), status: c.status, total: c.total) }

    /// What a date resolution depends on besides the document's window.
    struct ResolveKey: Hashable {
        var expression: TemporalExpression
        var text: String
        var future: Bool
    }

    /// How many earlier events of the same kind a mention may reach back to: mentions refer
    /// to nearby events, and the bound keeps merging linear in the size of the article.
    static let reach = 40

    func merge(_ doc: AnalyzedDocument, window: PublicationWindow?) -> [Event] {
        let resolver = DateResolver()
        var cands = doc.candidates
        // Resolving against a window walks its days, and candidates of one sentence often share
        // a date mention: each distinct mention is resolved once per document.
        var resolved: [ResolveKey: EventDate] = [:]
        for k in cands.indices {
            if let d = cands[k].dateMention {
                let key = ResolveKey(expression: d.expression, text: d.text, future: cands[k].status == .expected || cands[k].status == .hypothetical)
                if let r = resolved[key] {
                    cands[k].date = r
                } else {
                    let r = resolver.resolve(d.expression, text: d.text, window: window, future: key.future)
                    resolved[key] = r
                    cands[k].date = r
                }
            }
        }
        // A candidate whose captive was only a lone capitalised word keeps only if that word
        // resolved to someone (`EventFinder.onlyUnknownNameNamesCaptive`).
        if cands.contains(where: { $0.attributes["_needsPerson"] != nil }) {
            cands.removeAll { c in c.attributes["_needsPerson"] != nil && !c.actors.contains { lexicon.places[$0] == nil } }
            for k in cands.indices { cands[k].attributes["_needsPerson"] = nil }
        }
        absorbExchangeLegs(&cands, doc: doc, window: window)
        var clusters: [Cluster] = []
        // The keys met in this article, each by a small id: an article has a few, and finding
        // one in this list cost less than hashing a key (its family's text) into a dictionary
        // three times per candidate.
        var keys: [Key] = []
        func id(_ key: Key) -> Int {
            if let i = keys.firstIndex(of: key) { return i }
            keys.append(key)
            return keys.count - 1
        }
        // Clusters by key id, and each cluster's key id.
        var byKey: [[Int]] = []
        var clusterKey: [Int] = []
        // Specific body candidates first, in text order. (Candidates are read in place, by
        // index: iterating the array copied each one.)
        for ci in cands.indices where !cands[ci].supporting && !cands[ci].isGeneric {
            let key = Self.key(cands[ci])
            let kid = id(key)
            if kid == byKey.count { byKey.append([]) }
            if let k = byKey[kid].suffix(Self.reach).last(where: { compatible(clusters, $0, cands, ci, key: key) }) {
                clusters[k].add(cands[ci])
            } else {
                var cl = Cluster(members: [], key: key)
                cl.add(cands[ci])
                byKey[kid].append(clusters.count)
                clusterKey.append(kid)
                clusters.append(cl)
            }
        }
        // Generic and supporting candidates attach to the nearest compatible event.
        var anchors = [[(sentence: Int, cluster: Int)]](repeating: [], count: keys.count)
        for k in clusters.indices {
            for m in clusters[k].members.indices { anchors[clusterKey[k]].append((clusters[k].members[m].sentence, k)) }
        }
        for a in anchors.indices { anchors[a].sort { $0.sentence < $1.sentence } }
        var families = Set(clusters.map { Self.family($0.members[0].type) })
        var chained: [[(sentence: Int, cluster: Int)]] = []
        for ci in cands.indices where cands[ci].supporting || cands[ci].isGeneric {
            let key = Self.key(cands[ci])
            let kid = id(key)
            let sentence = cands[ci].sentence, supporting = cands[ci].supporting
            let list = kid < anchors.count ? anchors[kid] : []
            // Binary search for the mention's position, then look outward.
            var lo = 0, hi = list.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if list[mid].sentence <= sentence { lo = mid + 1 } else { hi = mid }
            }
            var best: (cost: Int, cluster: Int)?
            for idx in max(0, lo - Self.reach)..<min(list.count, lo + Self.reach) {
                let a = list[idx]
                let d = sentence - a.sentence
                let cost = d >= 0 ? 2 * d : -2 * d + 1
                if best.map({ cost < $0.cost }) ?? true, compatible(clusters, a.cluster, cands, ci, key: key) { best = (cost, a.cluster) }
            }
            // Mentions continue the story they joined ("Belarus freed 14 ... The freed prisoners
            // included ... They were taken by bus ..."): the body mentions already placed, in
            // text order, are anchors too.
            // (Headings and captions keep to the events told in the body.)
            let told = supporting || kid >= chained.count ? [] : chained[kid]
            for a in told.suffix(Self.reach).reversed() {
                let cost = 2 * (sentence - a.sentence)
                if best.map({ cost < $0.cost }) ?? true { if compatible(clusters, a.cluster, cands, ci, key: key) { best = (cost, a.cluster) } } else { break }
            }
            if let b = best {
                clusters[b.cluster].add(cands[ci])
                if !supporting {
                    while chained.count <= kid { chained.append([]) }
                    chained[kid].append((sentence, b.cluster))
                }
            } else if !supporting, cands[ci].status != .occurred || !families.contains(Self.family(cands[ci].type)),
                // ("The EU has tied any easing of sanctions to the release of political prisoners":
                // a bare noun with nothing of its own reports no happening.)
                !(cands[ci].nominal && cands[ci].status == .occurred && cands[ci].isGeneric)
            {
                var cl = Cluster(members: [], key: key)
                cl.add(cands[ci])
                families.insert(Self.family(cands[ci].type))
                clusters.append(cl)
            }
        }
        var events = clusters.map { event(from: $0, doc: doc) }
        shareCounts(&events, doc: doc)
        events += statements(doc, window: window)
        return events
    }

    /// The legs of a prisoner exchange told in the sentences after it ("Tajikistan freed three
    /// soldiers", "they were flown to Bishkek") are part of the exchange, not releases or
    /// deportations of their own; when the exchange has no count, the legs' sum is its count
    /// (everyone moved both ways).
    func absorbExchangeLegs(_ cands: inout [Candidate], doc: AnalyzedDocument, window: PublicationWindow?) {
        // Every step below needs an exchange or a candidate's mark: most articles have neither.
        guard cands.contains(where: { $0.type == .exchange || !$0.attributes.isEmpty }) else { return }
        // "Separately, ... freed nine activists": a sentence that says it tells another happening.
        func separate(_ k: Int) -> Bool {
            guard doc.sentences.indices.contains(k) else { return false }
            let head = doc.sentenceText(k).prefix(24).lowercased()
            return ["separately", "in a separate", "meanwhile", "elsewhere", "also on", "in another"].contains { head.hasPrefix($0) }
        }
        var drop = Set<Int>()
        // "Russia, US swap prisoners" over a body that tells only who was freed on each side: the
        // headline names the happening, an exchange, and the body's first releases are its legs.
        if !cands.contains(where: { $0.type == .exchange && !$0.supporting }),
            let h = cands.firstIndex(where: { $0.type == .exchange && $0.supporting && $0.status == .occurred }),
            let r = cands.firstIndex(where: { $0.type == .release && !$0.supporting && $0.status == .occurred && !$0.total })
        {
            cands[h].supporting = false
            cands[h].sentence = cands[r].sentence
            cands[h].date = cands[r].date
            cands[h].dateMention = cands[r].dateMention
            cands[h].count = nil
        }
        // "An armed group freed three hostages. The authorities released 30 fighters in return.":
        // the release "in return" and the one just before it are one exchange.
        for k in cands.indices where cands[k].attributes["_inReturn"] != nil && !cands[k].supporting {
            // (With an exchange told just before, it is that exchange's other leg: the mark
            // stays so that its count is added.)
            let s = cands[k].sentence
            if cands.contains(where: { $0.type == .exchange && !$0.supporting && $0.sentence >= s - 4 && $0.sentence <= s }) { continue }
            cands[k].attributes["_inReturn"] = nil
            guard let v = cands[k].count?.value, cands[k].count?.qualifier == .exact,
                let p = cands.indices.last(where: { j in
                    j < k && !drop.contains(j) && !cands[j].supporting && cands[j].type == .release && cands[j].status == cands[k].status
                        && cands[j].sentence >= cands[k].sentence - 2 && cands[j].count?.qualifier == .exact
                }), let w = cands[p].count?.value
            else { continue }
            cands[p].type = .exchange
            cands[p].count = Quantity(value: min(QuantityFinder.limit, v + w), qualifier: .exact, text: "\(w) + \(v)")
            drop.insert(k)
        }
        for x in cands.indices where cands[x].type == .exchange && !cands[x].supporting && !cands[x].total {
            let s = cands[x].sentence
            // Without a count of its own, the exchange counts everyone its legs moved: the sum
            // of the counted release legs, one figure per sentence ("Moscow freed five Americans
            // and three Germans. In return, ... released six Russians." = 14).
            // (A count of one side only, "freed 48 soldiers in a prisoner swap", is a first leg.)
            let oneSide = cands[x].attributes["_oneSide"] != nil ? cands[x].count?.value : nil
            let counted = cands[x].count?.value != nil && oneSide == nil
            var legSum = oneSide ?? 0, legSentences = Set<Int>(), summed: [Int] = oneSide.map { [$0] } ?? []
            var sides = Set<String>()
            for k in cands.indices where k != x && !drop.contains(k) {
                let c = cands[k]
                // Legs are told in the few sentences around the exchange ("freed eight Americans on
                // Saturday. The swap ..."), or later without a date of their own ("the eight
                // Americans freed in the deal were taken to a hospital") or on its very day.
                let near = c.sentence >= s - 4 && c.sentence <= s + 4
                let sameDay = !c.date.isMissing && c.date.start == cands[x].date.start && c.date.end == cands[x].date.end
                guard DocumentMerger.family(c.type) == "release" || (c.type == .deportation && c.attributes["_expelled"] == nil), c.status == cands[x].status, !c.total,
                    near || (c.sentence > s && (c.date.isMissing || sameDay)), !c.supporting, !separate(c.sentence)
                else { continue }
                // ("Rubio said the swap ...": a mention of the exchange told before claims no dated
                // release after it, "In January, Venezuela freed six Americans".)
                if cands[x].anaphoric, let s2 = c.date.start, let e2 = c.date.end, !cands.contains(where: { e in
                    e.type == .exchange && !e.anaphoric && e.date.start.map { $0 <= e2 } == true && e.date.end.map { $0 >= s2 } == true
                }) { continue }
                // A leg is part of the exchange: it cannot move more people than the whole.
                if let v = c.count?.value, let w = cands[x].count?.value, v > w, oneSide == nil { continue }
                if let s1 = cands[x].date.start, let e1 = cands[x].date.end, let s2 = c.date.start, let e2 = c.date.end, s1 > e2 || s2 > e1 { continue }
                // "84 prisoners of war returned home, Ukraine said. ... In August last year, Russia
                // released 115 soldiers in a swap": an undated release told before an exchange that
                // ended more than a month before publication is the report's own news, not a leg
                // of that earlier swap.
                if c.date.isMissing, c.sentence < s, let e1 = cands[x].date.end, let p = window?.start, p.number - e1.number > 31 { continue }
                drop.insert(k)
                // "Moscow freed five Americans and three Germans in a swap. In return, the United
                // States released six Russians.": the other side adds to a counted exchange.
                if counted, c.attributes["_inReturn"] != nil, let v = c.count?.value, c.count?.qualifier == .exact,
                    let own = cands[x].count, let w = own.value
                {
                    cands[x].count = Quantity(value: min(QuantityFinder.limit, v + w), qualifier: own.qualifier, text: "\(w) + \(v)")
                    continue
                }
                // (A group already counted is told again, not moved again: "the five Tajiks had
                // arrived home" after "handed over five Tajik citizens, while ... freed three".)
                if !counted, near, c.type != .deportation, !legSentences.contains(c.sentence),
                    let v = c.attributes["_moved"].flatMap(Int.init) ?? (c.count?.qualifier == .exact ? c.count?.value : nil)
                {
                    let parts = c.attributes["_parts"].map { $0.split(separator: ",").compactMap { Int($0) } } ?? [v]
                    legSentences.insert(c.sentence)
                    // (Equal figures from two sides are two groups: "303 Ukrainian ... 303 Russian".)
                    let side = c.attributes["_side"]
                    if !parts.contains(where: { summed.contains($0) }) || side.map({ !sides.contains($0) && !sides.isEmpty }) == true {
                        if let side { sides.insert(side) }
                        summed += parts
                        legSum = min(QuantityFinder.limit, legSum + v)
                    }
                }
            }
            if !counted, legSum > 0 { cands[x].count = Quantity(value: legSum, qualifier: .exact, text: nil) }
            cands[x].attributes["_oneSide"] = nil
        }
        // Hand-over sentences that no exchange claimed report nothing of their own.
        for k in cands.indices where cands[k].attributes["_leg"] != nil { drop.insert(k) }
        if !drop.isEmpty { cands = cands.indices.filter { !drop.contains($0) }.map { cands[$0] } }
    }

    /// Freed prisoners deported in the same sentence as their release: the deportation
    /// counts the same people.
    func shareCounts(_ events: inout [Event], doc: AnalyzedDocument) {
        // (Only deportations take anything: most articles have none.)
        guard events.contains(where: { $0.type == .deportation }) else { return }
        // Sentence index by start: sentences are kept in text order, so a binary search finds
        // it (a dictionary of every sentence was most of this step's cost); should they ever
        // not be, the dictionary.
        let ss = doc.sentences
        var inOrder = true
        for k in ss.indices.dropFirst() where ss[k - 1].start >= ss[k].start { inOrder = false; break }
        var byStart: [Int: Int] = [:]
        if !inOrder { for (k, s) in ss.enumerated() { byStart[s.start] = k } }
        func sentenceAt(_ start: Int) -> Int? {
            guard inOrder else { return byStart[start] }
            var lo = 0, hi = ss.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if ss[mid].start < start { lo = mid + 1 } else { hi = mid }
            }
            return lo < ss.count && ss[lo].start == start ? lo : nil
        }
        var releaseBySentence = [Int?](repeating: nil, count: ss.count)
        for (k, e) in events.enumerated() where Self.family(e.type) == "release" && e.status == .occurred && !e.total {
            for ev in e.evidence { if let s = sentenceAt(ev.span.start), releaseBySentence[s] == nil { releaseBySentence[s] = k } }
        }
        for k in events.indices where events[k].type == .deportation {
            // The same sentence, or the one before ("... were freed. They were driven to ...").
            let sentences = events[k].evidence.compactMap { sentenceAt($0.span.start) }
            guard let r = sentences.lazy.compactMap({ releaseBySentence[$0] ?? ($0 > 0 ? releaseBySentence[$0 - 1] : nil) }).first else { continue }
            if events[k].count?.value == nil, let q = events[r].count, q.value != nil { events[k].count = q }
            if events[k].date.isMissing, !events[r].date.isMissing { events[k].date = events[r].date }
        }
    }

    /// `key` is `Self.key(c)`, computed once by the caller (this runs for many cluster pairs).
    func compatible(_ clusters: [Cluster], _ k: Int, _ cands: [Candidate], _ ci: Int, key: Key) -> Bool {
        // (Cluster `k` and candidate `ci` are read in place, field by field: passing them by
        // value copied a cluster and a candidate for every pair compared.)
        guard clusters[k].key == key else { return false }
        let count = cands[ci].count
        if let b = count?.value, let y = count {
            for x in clusters[k].counts { if let a = x.value, !Self.countsAgree(x, y, a, b) { return false } }
        }
        // Prizes to (or sentences of) different people are different happenings ("X was named
        // the winner ..." and "the foundation awarded its 2024 prize to Y").
        if cands[ci].type == .award || cands[ci].type == .sentencing, !cands[ci].actors.isEmpty {
            let named = Set(clusters[k].members.flatMap(\.actors))
            if !named.isEmpty, named.isDisjoint(with: cands[ci].actors) { return false }
        }
        let d = clusters[k].date.isMissing ? clusters[k].anyDate : clusters[k].date
        let cd = cands[ci].date
        if let s1 = d.start, let e1 = d.end, let s2 = cd.start, let e2 = cd.end, s1 > e2 || s2 > e1 {
            // "pardoned 16 prisoners on Friday ... The 16 were released on Saturday": the same
            // exact group freed within a few days is one happening.
            guard key.family == "release", let v = count?.value, v >= 2, count?.qualifier == .exact,
                clusters[k].counts.contains(where: { $0.value == v && $0.qualifier == .exact }),
                max(s1.number, s2.number) - min(e1.number, e2.number) <= 3
            else { return false }
        }
        return true
    }

    /// The event's date: that of its first specific body report; others only fill a gap.
    func clusterDate(_ cl: Cluster) -> EventDate {
        cl.date.isMissing ? (cl.anyDate.isMissing ? Self.narrowest(cl.members.map(\.date)) : cl.anyDate) : cl.date
    }

    static func countsAgree(_ x: Quantity, _ y: Quantity, _ a: Int, _ b: Int) -> Bool {
        if a == b { return true }
        func fits(_ q: Quantity, _ v: Int) -> Bool {
            guard let bounds = q.bounds else { return true }
            // ("about 120" admits 123: a round figure within a tenth of it.)
            if q.qualifier == .about, let c = q.value { return abs(v - c) * 10 <= max(10, c) }
            return v >= (bounds.low ?? Int.min) && v <= (bounds.high ?? Int.max)
        }
        return (x.qualifier != .exact && fits(x, b)) || (y.qualifier != .exact && fits(y, a))
    }

    func event(from cl: Cluster, doc: AnalyzedDocument) -> Event {
        let ms = cl.members
        // (The main report by index: `first(where:)` copied the candidate.)
        let mainIndex = ms.indices.first { !ms[$0].supporting } ?? 0
        let mainType = ms[mainIndex].type
        var e = Event(type: mainType, status: ms[mainIndex].status, total: ms.contains { $0.total })
        // Type: a release if anyone was freed; the other types are noted. (Most clusters have
        // one member: the sets below are built only when there is something to compare.)
        if ms.count > 1, ms.contains(where: { $0.type != mainType }), Self.family(mainType) == "release" {
            let types = Set(ms.map(\.type))
            let order: [EventType] = [.release, .pardon, .amnesty]
            e.type = order.first { types.contains($0) } ?? mainType
            let others = types.filter { $0 != e.type }.map(\.rawValue).sorted()
            if !others.isEmpty { e.attributes["also_type"] = others.joined(separator: ",") }
        }
        e.date = clusterDate(cl)
        e.count = Self.bestCount(ms.compactMap(\.count))
        var attrs = e.attributes
        // (The merger's own marks are skipped rather than copied and then removed: each removal
        // hashed its key.)
        for mi in ms.indices where !ms[mi].attributes.isEmpty {
            for (k, v) in ms[mi].attributes where !Self.isMergerMark(k) && attrs[k] == nil { attrs[k] = v }
        }
        e.attributes = attrs
        let counts = ms.count == 1 ? [] : Set(ms.compactMap { $0.count?.display }.filter { $0 != "?" })
        if counts.count > 1 { e.attributes["conflicts"] = "count: " + counts.sorted().joined(separator: " / ") }
        // (One member, the common case: its own lists, without building a list of lists.)
        e.actors = ms.count == 1 ? EventFinder.unique(ms[0].actors) : Self.orderedUnion(ms.map(\.actors))
        e.places = ms.count == 1 ? EventFinder.unique(ms[0].places) : Self.orderedUnion(ms.map(\.places))
        e.sources = [doc.name]
        var sentenceIndices = ms.map(\.sentence)
        if ms.count > 1 {
            // (Sorted, each once: the same list as a set's, without hashing.)
            sentenceIndices.sort()
            var w = 1
            for r in 1..<sentenceIndices.count where sentenceIndices[r] != sentenceIndices[w - 1] {
                sentenceIndices[w] = sentenceIndices[r]
                w += 1
            }
            sentenceIndices.removeLast(sentenceIndices.count - w)
        }
        e.evidence = sentenceIndices.map { k in
            let s = doc.sentences[k]
            return Evidence(source: doc.name, sentence: doc.sentenceText(k), span: SourceSpanValue(start: s.start, end: s.end))
        }
        return e
    }

    /// The marks candidates carry for the merger ("_moved", "_parts", "_oneSide",
    /// "_inReturn"), which no event keeps.
    @inline(__always) static func isMergerMark(_ k: String) -> Bool {
        k.utf8.first == UInt8(ascii: "_")
            && (k == "_moved" || k == "_parts" || k == "_oneSide" || k == "_inReturn" || k == "_expelled" || k == "_side")
    }

    /// Statements: one per speaker per document, dated by their sentence or the publication date.
    func statements(_ doc: AnalyzedDocument, window: PublicationWindow?) -> [Event] {
        var bySpeaker: [String: [(sentence: Int, date: DateMention?)]] = [:]
        for s in doc.statements { bySpeaker[s.speaker, default: []].append((s.sentence, s.date)) }
        let resolver = DateResolver()
        return bySpeaker.keys.sorted().map { speaker in
            let items = bySpeaker[speaker] ?? []
            var e = Event(type: .statement)
            e.actors = [speaker]
            // (The first date that resolves: the later ones were resolved and dropped.)
            var date: EventDate?
            for item in items {
                guard let d = item.date else { continue }
                let r = resolver.resolve(d.expression, text: d.text, window: window)
                if !r.isMissing { date = r; break }
            }
            e.date = date ?? window?.eventDate ?? .missing
            e.sources = [doc.name]
            // (Sorted, each once: a set's elements sorted, without hashing.)
            var sentences = items.map(\.sentence)
            sentences.sort()
            var w = 0
            for r in sentences.indices where w == 0 || sentences[r] != sentences[w - 1] {
                sentences[w] = sentences[r]
                w += 1
            }
            sentences.removeLast(sentences.count - w)
            e.evidence = sentences.map { k in
                let s = doc.sentences[k]
                return Evidence(source: doc.name, sentence: doc.sentenceText(k), span: SourceSpanValue(start: s.start, end: s.end))
            }
            return e
        }
    }

    /// The most precise of overlapping dates (their intersection when it is not empty).
    static func narrowest(_ dates: [EventDate]) -> EventDate {
        let known = dates.filter { !$0.isMissing }
        guard var best = known.first else { return dates.first { $0.text != nil } ?? .missing }
        for d in known.dropFirst() {
            guard let s = d.start, let e = d.end, let bs = best.start, let be = best.end else { continue }
            if e - s < be - bs { best = d }
        }
        return best
    }

    /// `narrowest([a, b])` without building the array (the corpus pass merges pairs).
    static func narrowest(_ a: EventDate, _ b: EventDate) -> EventDate {
        if a.isMissing {
            if !b.isMissing { return b }
            return a.text != nil ? a : (b.text != nil ? b : .missing)
        }
        if b.isMissing { return a }
        guard let s = b.start, let e = b.end, let bs = a.start, let be = a.end else { return a }
        return e - s < be - bs ? b : a
    }

    /// The most informative count: exact beats qualified beats unspecified; larger `more than`
    /// wins over smaller.
    static func bestCount(_ qs: [Quantity]) -> Quantity? {
        func rank(_ q: Quantity) -> Int {
            switch q.qualifier {
            case .exact: return 4
            case .moreThan, .atLeast: return 3
            case .about, .atMost: return 2
            case .unspecified: return 1
            }
        }
        return qs.max { a, b in
            if rank(a) != rank(b) { return rank(a) < rank(b) }
            return (a.value ?? 0) < (b.value ?? 0)
        }
    }

    static func orderedUnion(_ lists: [[String]]) -> [String] {
        var out: [String] = []
        for l in lists { for x in l where !out.contains(x) { out.append(x) } }
        // (A linear scan: an event has a handful of names, where hashing each costs more.)
        if out.count > 64 {
            var seen = Set<String>()
            out = []
            for l in lists { for x in l where seen.insert(x).inserted { out.append(x) } }
        }
        return out
    }
}

extension Day {
    static func - (a: Day, b: Day) -> Int { a.number - b.number }
}
