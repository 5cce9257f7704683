import EvqModel

/// Stage: document events -> corpus events. Events of different documents are one happening
/// when their types are compatible (release / pardon / amnesty), status and total agree, both
/// dates are known and overlap, counts agree (equal, or one's qualifier admits the other's
/// value), and actors and places do not contradict (they share one, or one side has none).
/// Every source and evidence sentence is kept; differing counts are noted in
/// `attributes["conflicts"]`. Statements are never merged across documents (one per speaker
/// per article).
///
/// Limits: two different releases of the same size on overlapping dates are merged; a
/// happening reported with no date in one article stays separate from its dated report.
struct CorpusMerger {
    func merge(_ events: [Event]) -> [Event] {
        var out: [Event] = []
        var byFamily: [String: [Int]] = [:]
        for e in events {
            let fam = DocumentMerger.family(e.type)
            if e.type != .statement, !e.date.isMissing,
                let k = byFamily[fam, default: []].first(where: { sameHappening(out[$0], e) })
            {
                out[k] = combine(out[k], e)
            } else {
                byFamily[fam, default: []].append(out.count)
                out.append(e)
            }
        }
        return out
    }

    func sameHappening(_ a: Event, _ b: Event) -> Bool {
        guard a.status == b.status, a.total == b.total, !a.date.isMissing, !b.date.isMissing,
            let s1 = a.date.start, let e1 = a.date.end, let s2 = b.date.start, let e2 = b.date.end, s1 <= e2, s2 <= e1
        else { return false }
        if Set(a.sources).isDisjoint(with: b.sources) == false { return false }
        switch (a.count, b.count) {
        case let (x?, y?):
            if let va = x.value, let vb = y.value, !DocumentMerger(lexicon: .standard).countsAgree(x, y, va, vb) { return false }
        default: break
        }
        func fold(_ xs: [String]) -> Set<String> { Set(xs.map { $0.lowercased() }) }
        if !a.actors.isEmpty, !b.actors.isEmpty, fold(a.actors).isDisjoint(with: fold(b.actors)) {
            // Different participants: only the same happening if the counts are exactly equal.
            guard let x = a.count, let y = b.count, x.isExact, y.isExact, x.value == y.value else { return false }
        }
        if !a.places.isEmpty, !b.places.isEmpty, fold(a.places).isDisjoint(with: fold(b.places)) {
            guard let x = a.count, let y = b.count, x.isExact, y.isExact, x.value == y.value else { return false }
        }
        return true
    }

    func combine(_ a: Event, _ b: Event) -> Event {
        var e = a
        let dm = DocumentMerger(lexicon: .standard)
        if a.type != b.type, DocumentMerger.family(a.type) == "release" {
            let order: [EventType] = [.release, .pardon, .amnesty]
            let types = Set([a.type, b.type] + (a.attributes["also_type"]?.split(separator: ",").map { EventType(String($0)) } ?? []))
            e.type = order.first { types.contains($0) } ?? a.type
            let others = types.filter { $0 != e.type }.map(\.rawValue).sorted()
            e.attributes["also_type"] = others.isEmpty ? nil : others.joined(separator: ",")
        }
        e.date = dm.narrowest([a.date, b.date])
        e.count = dm.bestCount([a.count, b.count].compactMap { $0 })
        if let x = a.count, let y = b.count, x.display != y.display, x.display != "?", y.display != "?" {
            let note = "count: \(x.display) (\(a.sources.joined(separator: ","))) / \(y.display) (\(b.sources.joined(separator: ",")))"
            e.attributes["conflicts"] = [a.attributes["conflicts"], note].compactMap { $0 }.joined(separator: "; ")
        }
        for (k, v) in b.attributes where e.attributes[k] == nil { e.attributes[k] = v }
        e.actors = dm.orderedUnion([a.actors, b.actors])
        e.places = dm.orderedUnion([a.places, b.places])
        e.sources = Array(Set(a.sources + b.sources)).sorted()
        e.evidence = a.evidence + b.evidence
        return e
    }
}
