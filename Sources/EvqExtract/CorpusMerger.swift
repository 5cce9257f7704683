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
/// Limits: two different releases of the same size on overlapping dates are merged; a
/// happening reported with no date in one article stays separate from its dated report.
struct CorpusMerger {
    /// Dates longer than this many months are kept in one per-family list that is always checked.
    static let wideMonths = 24
    /// How many groups of one bucket an event is compared with.
    static let reach = 200

    /// A bucket: a type family and a month (`nil`: the wide-date list).
    struct BucketKey: Hashable {
        var family: String
        var month: Int?
    }

    struct Group {
        var event: Event
        var sources: Set<String>
        var actors: Set<String>
        var places: Set<String>
        var counts: [Quantity]
    }

    func merge(_ events: [Event]) -> [Event] {
        var groups: [Group] = []
        var buckets: [BucketKey: [Int]] = [:]
        for e in events {
            let fam = DocumentMerger.family(e.type)
            guard e.type != .statement, let s = e.date.start, let en = e.date.end else {
                groups.append(group(e))
                continue
            }
            let months = monthKeys(s, en)
            var seen = Set<Int>()
            var target: Int?
            // The event's names lowercased once, not once per group compared.
            let lowered = (actors: e.actors.map { $0.lowercased() }, places: e.places.map { $0.lowercased() })
            for key in (months.map { BucketKey(family: fam, month: $0) } + [BucketKey(family: fam, month: nil)]) {
                // Only the most recent groups of a bucket: keeps the pass linear when many
                // look-alike events do not merge.
                for g in (buckets[key] ?? []).suffix(Self.reach) where seen.insert(g).inserted {
                    if target.map({ g < $0 }) ?? true, sameHappening(groups[g], e, lowered) { target = g }
                }
            }
            if let k = target {
                absorb(&groups[k], e)
            } else {
                let k = groups.count
                groups.append(group(e))
                let keys = months.count > Self.wideMonths ? [BucketKey(family: fam, month: nil)] : months.map { BucketKey(family: fam, month: $0) }
                for key in keys { buckets[key, default: []].append(k) }
            }
        }
        return groups.map { g in
            var e = g.event
            e.sources = g.sources.sorted()
            return e
        }
    }

    func group(_ e: Event) -> Group {
        Group(event: e, sources: Set(e.sources), actors: Set(e.actors.map { $0.lowercased() }), places: Set(e.places.map { $0.lowercased() }),
            counts: e.count.map { [$0] } ?? [])
    }

    func monthKeys(_ s: Day, _ e: Day) -> [Int] {
        let a = s.year * 12 + s.month - 1, b = e.year * 12 + e.month - 1
        if b - a > Self.wideMonths { return Array(a...(a + Self.wideMonths + 1)) }
        return Array(a...max(a, b))
    }

    /// `lowered` is `b`'s actors and places lowercased.
    func sameHappening(_ g: Group, _ b: Event, _ lowered: (actors: [String], places: [String])) -> Bool {
        // (Read through `g.event` rather than a copy of the event: this runs for many pairs.)
        guard g.event.status == b.status, g.event.total == b.total, DocumentMerger.family(g.event.type) == DocumentMerger.family(b.type),
            let s1 = g.event.date.start, let e1 = g.event.date.end, let s2 = b.date.start, let e2 = b.date.end, s1 <= e2, s2 <= e1
        else { return false }
        if b.sources.contains(where: { g.sources.contains($0) }) { return false }
        // The same day and place: one happening even when the reports' counts differ (the
        // difference is noted as a conflict).
        let sameDayAndPlace = g.event.date.precision == .day && b.date.precision == .day && g.event.date.start == b.date.start
            && lowered.places.contains { g.places.contains($0) }
        if let y = b.count, let vb = y.value, !sameDayAndPlace {
            for x in g.counts { if let va = x.value, !DocumentMerger.countsAgree(x, y, va, vb) { return false } }
        }
        let exactEqual = b.count.map { q in q.value != nil && g.counts.contains { $0.qualifier == q.qualifier && $0.value == q.value } } ?? false
        if !g.actors.isEmpty, !b.actors.isEmpty, !lowered.actors.contains(where: { g.actors.contains($0) }), !exactEqual { return false }
        if !g.places.isEmpty, !b.places.isEmpty, !lowered.places.contains(where: { g.places.contains($0) }), !exactEqual { return false }
        // Something positive must tie them: the same exact count, a shared participant or
        // place, or the same day.
        let sharedActor = lowered.actors.contains { g.actors.contains($0) }
        let sharedPlace = lowered.places.contains { g.places.contains($0) }
        let sameDay = g.event.date.precision == .day && b.date.precision == .day && g.event.date.start == b.date.start
            || (g.event.date.start == b.date.start && g.event.date.end == b.date.end && g.event.date.precision != .year)
        return exactEqual || sharedActor || sharedPlace || sameDay
    }

    func absorb(_ g: inout Group, _ b: Event) {
        let a = g.event
        if a.type != b.type, DocumentMerger.family(a.type) == "release" {
            let order: [EventType] = [.release, .pardon, .amnesty]
            let types = Set([a.type, b.type] + (a.attributes["also_type"]?.split(separator: ",").map { EventType(String($0)) } ?? []))
            g.event.type = order.first { types.contains($0) } ?? a.type
            let others = types.filter { $0 != g.event.type }.map(\.rawValue).sorted()
            g.event.attributes["also_type"] = others.isEmpty ? nil : others.joined(separator: ",")
        }
        g.event.date = DocumentMerger.narrowest([a.date, b.date])
        if let y = b.count {
            if let x = a.count, x.display != y.display, x.display != "?", y.display != "?", g.counts.count < 6 {
                let note = "count: \(x.display) (\(g.sources.sorted().joined(separator: ","))) / \(y.display) (\(b.sources.joined(separator: ",")))"
                g.event.attributes["conflicts"] = [a.attributes["conflicts"], note].compactMap { $0 }.joined(separator: "; ")
            }
            if !g.counts.contains(y) { g.counts.append(y) }
            g.event.count = DocumentMerger.bestCount([a.count, y].compactMap { $0 })
        }
        for (k, v) in b.attributes where g.event.attributes[k] == nil { g.event.attributes[k] = v }
        for x in b.actors where g.actors.insert(x.lowercased()).inserted { g.event.actors.append(x) }
        for x in b.places where g.places.insert(x.lowercased()).inserted { g.event.places.append(x) }
        for s in b.sources { g.sources.insert(s) }
        g.event.evidence.append(contentsOf: b.evidence)
    }
}
