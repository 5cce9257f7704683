import EvqModel

/// Stage: document events -> corpus events. Events of different documents are one happening
/// when their types are compatible (release / pardon / amnesty), status and total agree, both
/// dates are known and overlap, counts agree (equal, or one's qualifier admits the other's
/// value), and actors and places do not contradict (they share one, or one side has none).
/// Every source and evidence sentence is kept; differing counts are noted in
/// `attributes["conflicts"]`. Statements are never merged across documents (one per speaker
/// per article).
///
/// Candidates are found through buckets keyed by type family and month, so the pass stays
/// near-linear in the number of events.
///
/// A happening told without a day joins its dated report when the same exact count or named
/// person ties them (`mergeUndated`).
///
/// Limits: two different releases of the same size on overlapping dates are merged.
struct CorpusMerger {
    /// Dates longer than this many months are kept in one per-family list that is always checked.
    static let wideMonths = 24
    /// How many groups of one bucket an event is compared with.
    static let reach = 200
    /// Tells places from people among actors.
    var lexicon: Lexicon = .standard

    struct Group {
        var event: Event
        // (`TextSet`s: hashed over bytes, where `Set<String>` cost a SipHash per insert.)
        var sources: TextSet
        var actors: TextSet
        var places: TextSet
        var counts: [Quantity]
        /// What most comparisons are decided by, kept unboxed so a rejected candidate costs a
        /// few integer compares (the pass compares each event with up to `reach` groups).
        var key: QuickKey
    }

    /// A bucket: a type family and a month (`nil`: the wide-date list).
    struct BucketKey: Hashable {
        var family: String
        var month: Int?

        // (The month and the family's length: equal keys hash alike, and hashing the family's
        // text was most of each lookup's cost.)
        func hash(into h: inout Hasher) {
            h.combine(month)
            h.combine(family.utf8.count)
        }
    }

    /// Status, total, type family and date interval of a group or event.
    struct QuickKey {
        var status: Status
        var total: Bool
        var family: String
        var start: Int
        var end: Int

        init(_ e: Event) {
            status = e.status
            total = e.total
            family = DocumentMerger.family(e.type)
            start = e.date.start?.number ?? Int.max
            end = e.date.end?.number ?? Int.min
        }

        /// Same status, total and family, and dates overlapping or a day apart (`sameHappening`
        /// decides whether a day apart is close enough).
        func admits(_ b: QuickKey) -> Bool {
            status == b.status && total == b.total && start <= b.end &+ 1 && b.start <= end &+ 1 && family == b.family
        }
    }

    func merge(_ events: [Event]) -> [Event] {
        var groups: [Group] = []
        groups.reserveCapacity(events.count)
        var buckets: [BucketKey: [Int]] = [:]
        // `visited[g] == n`: group g was already compared with event n (a group spanning
        // several months sits in several buckets). An array, not a per-event Set: no hashing.
        var visited: [Int] = []
        visited.reserveCapacity(events.count)
        var undated: [Int] = []
        for (n, e) in events.enumerated() {
            let fam = DocumentMerger.family(e.type)
            let quick = QuickKey(e)
            guard e.type != .statement, let s = e.date.start, let en = e.date.end else {
                if e.type != .statement, e.date.start == nil, e.date.end == nil { undated.append(n); continue }
                groups.append(group(e))
                visited.append(-1)
                continue
            }
            let months = monthKeys(s, en)
            // The event's names lowercased once, not once per group compared.
            let lowered = (actors: e.actors.map { $0.lowercased() }, places: e.places.map { $0.lowercased() })
            var target: Int?
            // (Looked up a day wider: reports a day apart may straddle a month's end.)
            let near = monthKeys(Day(number: s.number - 1), Day(number: en.number + 1))
            for key in (near.map { BucketKey(family: fam, month: $0) } + [BucketKey(family: fam, month: nil)]) {
                // Only the most recent groups of a bucket: keeps the pass linear when many
                // look-alike events do not merge.
                guard let bucket = buckets[key] else { continue }
                for g in bucket.suffix(Self.reach) where visited[g] != n {
                    visited[g] = n
                    if target.map({ g < $0 }) ?? true, groups[g].key.admits(quick), sameHappening(groups[g], e, lowered) {
                        target = g
                    }
                }
            }
            if let k = target {
                absorb(&groups[k], e)
            } else {
                let k = groups.count
                groups.append(group(e))
                visited.append(n)
                let keys = months.count > Self.wideMonths ? [BucketKey(family: fam, month: nil)] : months.map { BucketKey(family: fam, month: $0) }
                for key in keys { buckets[key, default: []].append(k) }
            }
        }
        mergeUndated(undated.map { events[$0] }, into: &groups)
        return groups.map { g in
            var e = g.event
            e.sources = g.sources.elements.sorted()
            return e
        }
    }

    /// A happening one article tells without a day ("The release of six Americans by
    /// Venezuela has raised hopes ...") joins its dated report from another article when the
    /// same exact count or the same named person ties them (type family, status and total
    /// agreeing); otherwise it stays an event of its own. Looked up through two indexes, so the
    /// pass stays linear.
    func mergeUndated(_ events: [Event], into groups: inout [Group]) {
        guard !events.isEmpty else { return }
        struct CountKey: Hashable { var family: String; var status: Status; var total: Bool; var value: Int }
        struct NameKey: Hashable { var family: String; var status: Status; var total: Bool; var name: String }
        var byCount: [CountKey: [Int]] = [:], byName: [NameKey: [Int]] = [:]
        for (k, g) in groups.enumerated() where g.event.type != .statement && g.event.date.start != nil {
            let fam = DocumentMerger.family(g.event.type)
            for q in g.counts where q.qualifier == .exact { if let v = q.value { byCount[CountKey(family: fam, status: g.event.status, total: g.event.total, value: v), default: []].append(k) } }
            // (People's full names only: a single word may be anyone's, and a country or bloc
            // imposes many sanctions.)
            for a in g.actors.elements where Self.hasSpace(a) && lexicon.placesLower[a] == nil && fam != "sanctions_imposed" && fam != "sanctions_eased" { byName[NameKey(family: fam, status: g.event.status, total: g.event.total, name: a), default: []].append(k) }
        }
        for e in events {
            // (Only reports of what happened: what may or will happen has no day to share.)
            guard e.status == .occurred else { groups.append(group(e)); continue }
            let fam = DocumentMerger.family(e.type)
            let lowered = (actors: e.actors.map { $0.lowercased() }, places: e.places.map { $0.lowercased() })
            var pool: [Int] = []
            if let q = e.count, q.qualifier == .exact, let v = q.value { pool += byCount[CountKey(family: fam, status: e.status, total: e.total, value: v)] ?? [] }
            for a in lowered.actors where Self.hasSpace(a) && lexicon.placesLower[a] == nil { pool += byName[NameKey(family: fam, status: e.status, total: e.total, name: a)] ?? [] }
            let target = pool.sorted().first { g in
                let grp = groups[g]
                guard !e.sources.contains(where: { grp.sources.contains($0) }) else { return false }
                if let y = e.count, let vb = y.value {
                    for x in grp.counts { if let va = x.value, !DocumentMerger.countsAgree(x, y, va, vb) { return false } }
                }
                // Named participants and places must not contradict.
                let persons = lowered.actors.filter { Self.hasSpace($0) }
                if !grp.actors.isEmpty, !persons.isEmpty, !persons.contains(where: { grp.actors.contains($0) }) { return false }
                if !grp.places.isEmpty, !lowered.places.isEmpty, !lowered.places.contains(where: { grp.places.contains($0) }),
                    !persons.contains(where: { grp.actors.contains($0) })
                {
                    return false
                }
                return true
            }
            if let g = target { absorb(&groups[g], e) } else { groups.append(group(e)) }
        }
    }

    /// `s.contains(" ")`, by bytes when `s` is ASCII without a carriage return (Foundation's
    /// search, which it used, costs a hundred times more).
    static func hasSpace(_ s: String) -> Bool {
        var plain = true, space = false
        for b in s.utf8 {
            if b >= 0x80 || b == 0x0D { plain = false; break }
            if b == 0x20 { space = true }
        }
        return plain ? space : s.contains(" ")
    }

    func group(_ e: Event) -> Group {
        Group(event: e, sources: TextSet(e.sources), actors: TextSet(e.actors.map { $0.lowercased() }), places: TextSet(e.places.map { $0.lowercased() }),
            counts: e.count.map { [$0] } ?? [], key: QuickKey(e))
    }

    func monthKeys(_ s: Day, _ e: Day) -> [Int] {
        let a = s.year * 12 + s.month - 1, b = e.year * 12 + e.month - 1
        if b - a > Self.wideMonths { return Array(a...(a + Self.wideMonths + 1)) }
        return Array(a...max(a, b))
    }

    /// `lowered` is `b`'s actors and places lowercased.
    func sameHappening(_ g: borrowing Group, _ b: Event, _ lowered: (actors: [String], places: [String])) -> Bool {
        let ad = g.event.date, bd = b.date
        guard g.key.admits(QuickKey(b)), ad.start != nil, ad.end != nil, bd.start != nil, bd.end != nil else { return false }
        if b.sources.contains(where: { g.sources.contains($0) }) { return false }
        // The same day and place: one happening even when the reports' counts differ (the
        // difference is noted as a conflict).
        let sameDayAndPlace = ad.precision == .day && bd.precision == .day && ad.start == bd.start
            && lowered.places.contains { g.places.contains($0) }
        if let y = b.count, let vb = y.value, !sameDayAndPlace {
            for x in g.counts { if let va = x.value, !DocumentMerger.countsAgree(x, y, va, vb) { return false } }
        }
        let exactEqual = b.count.map { q in q.value != nil && g.counts.contains { $0.qualifier == q.qualifier && $0.value == q.value } } ?? false
        if !g.actors.isEmpty, !b.actors.isEmpty, !lowered.actors.contains(where: { g.actors.contains($0) }), !exactEqual { return false }
        // (Disjoint places are excused by an equal count only on the very same day: an exchange of
        // 8 in Armenia on Monday and one of 8 in Kyrgyzstan on Tuesday are two.)
        if !g.places.isEmpty, !b.places.isEmpty, !lowered.places.contains(where: { g.places.contains($0) }), !exactEqual || ad.start != bd.start { return false }
        // Something positive must tie them: the same exact count, a shared participant or
        // place, or the same day.
        let sharedActor = lowered.actors.contains { g.actors.contains($0) }
        let sharedPlace = lowered.places.contains { g.places.contains($0) }
        // (The same month alone ties two reports only when a count is given: two arrests
        // "in March 2023" without a number or a shared name are two people's.)
        // (Reports a day apart with the same exact count: "freed late on Friday" and "released
        // on Saturday" are one release; otherwise the dates must overlap.)
        let dayApart = ad.precision == .day && bd.precision == .day && exactEqual && (b.count?.value ?? 0) >= 2
            && abs((ad.start?.number ?? 0) - (bd.start?.number ?? 0)) == 1
        if let s1 = ad.start, let e1 = ad.end, let s2 = bd.start, let e2 = bd.end, s1 > e2 || s2 > e1, !dayApart { return false }
        let sameDay = ad.precision == .day && bd.precision == .day && ad.start == bd.start || dayApart
            || (ad.start == bd.start && ad.end == bd.end && ad.precision != .year && (g.event.count?.value != nil || b.count?.value != nil))
        return exactEqual || sharedActor || sharedPlace || sameDay
    }

    func absorb(_ g: inout Group, _ b: Event) {
        // (The group's own fields are read into locals rather than copying its whole event:
        // a copy held across the appends below made each of them copy the group's evidence,
        // actors and attributes, quadratic in the number of reports of one happening.)
        let aType = g.event.type, aDate = g.event.date, aCount = g.event.count
        if aType != b.type, DocumentMerger.family(aType) == "release" {
            let order: [EventType] = [.release, .pardon, .amnesty]
            let types = Set([aType, b.type] + (g.event.attributes["also_type"]?.split(separator: ",").map { EventType(String($0)) } ?? []))
            g.event.type = order.first { types.contains($0) } ?? aType
            let others = types.filter { $0 != g.event.type }.map(\.rawValue).sorted()
            g.event.attributes["also_type"] = others.isEmpty ? nil : others.joined(separator: ",")
        }
        g.event.date = DocumentMerger.narrowest(aDate, b.date)
        if let y = b.count {
            if let x = aCount, x.display != y.display, x.display != "?", y.display != "?", g.counts.count < 6 {
                let note = "count: \(x.display) (\(g.sources.elements.sorted().joined(separator: ","))) / \(y.display) (\(b.sources.joined(separator: ",")))"
                g.event.attributes["conflicts"] = [g.event.attributes["conflicts"], note].compactMap { $0 }.joined(separator: "; ")
            }
            if !g.counts.contains(y) { g.counts.append(y) }
            g.event.count = DocumentMerger.bestCount([aCount, y].compactMap { $0 })
        }
        for (k, v) in b.attributes where g.event.attributes[k] == nil { g.event.attributes[k] = v }
        for x in b.actors where g.actors.insert(x.lowercased()) { g.event.actors.append(x) }
        for x in b.places where g.places.insert(x.lowercased()) { g.event.places.append(x) }
        for s in b.sources { g.sources.insert(s) }
        g.event.evidence.append(contentsOf: b.evidence)
        g.key = QuickKey(g.event)
    }
}
