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

    struct Cluster {
        var members: [Candidate]
    }

    static func family(_ t: EventType) -> String {
        switch t {
        case .release, .pardon, .amnesty: return "release"
        default: return t.rawValue
        }
    }

    func merge(_ doc: AnalyzedDocument, window: PublicationWindow?) -> [Event] {
        let resolver = DateResolver()
        var cands = doc.candidates
        for k in cands.indices {
            if let d = cands[k].dateMention {
                cands[k].date = resolver.resolve(d.expression, text: d.text, window: window, future: cands[k].status == .expected)
            }
        }
        var clusters: [Cluster] = []
        // Specific body candidates first, in text order.
        for c in cands where !c.supporting && !c.isGeneric {
            if let k = clusters.lastIndex(where: { compatible($0, c, strict: true) }) {
                clusters[k].members.append(c)
            } else {
                clusters.append(Cluster(members: [c]))
            }
        }
        // Generic and supporting candidates attach to the nearest compatible event.
        for c in cands where c.supporting || c.isGeneric {
            let options = clusters.indices.filter { compatible(clusters[$0], c, strict: false) }
            let nearest = options.min { a, b in
                distance(clusters[a], c) < distance(clusters[b], c)
            }
            if let k = nearest {
                clusters[k].members.append(c)
            } else if !c.supporting, c.status != .occurred || !clusters.contains(where: { Self.family($0.members[0].type) == Self.family(c.type) }) {
                clusters.append(Cluster(members: [c]))
            }
        }
        var events = clusters.map { event(from: $0, doc: doc) }
        events += statements(doc, window: window)
        return events
    }

    /// The event's date: that of its first specific body report; others only fill a gap.
    func clusterDate(_ cl: Cluster) -> EventDate {
        if let d = cl.members.first(where: { !$0.supporting && !$0.isGeneric && !$0.date.isMissing })?.date { return d }
        return narrowest(cl.members.map(\.date))
    }

    func distance(_ cl: Cluster, _ c: Candidate) -> Int {
        let d = cl.members.map { c.sentence - $0.sentence }.min { abs($0) < abs($1) } ?? 0
        // Prefer an event told before the mention (it refers back).
        return d >= 0 ? 2 * d : -2 * d + 1
    }

    func compatible(_ cl: Cluster, _ c: Candidate, strict: Bool) -> Bool {
        let head = cl.members[0]
        guard Self.family(head.type) == Self.family(c.type), head.status == c.status else { return false }
        if cl.members.contains(where: { $0.total }) != c.total { return false }
        for m in cl.members {
            if let a = m.count?.value, let b = c.count?.value, !countsAgree(m.count!, c.count!, a, b) { return false }
        }
        let d = clusterDate(cl)
        if let s1 = d.start, let e1 = d.end, let s2 = c.date.start, let e2 = c.date.end, s1 > e2 || s2 > e1 { return false }
        return true
    }

    func countsAgree(_ x: Quantity, _ y: Quantity, _ a: Int, _ b: Int) -> Bool {
        if a == b { return true }
        func fits(_ q: Quantity, _ v: Int) -> Bool {
            guard let bounds = q.bounds else { return true }
            if q.qualifier == .about { return false }
            return v >= (bounds.low ?? Int.min) && v <= (bounds.high ?? Int.max)
        }
        return (x.qualifier != .exact && fits(x, b)) || (y.qualifier != .exact && fits(y, a))
    }

    func event(from cl: Cluster, doc: AnalyzedDocument) -> Event {
        let ms = cl.members
        let body = ms.filter { !$0.supporting }
        let main = body.first ?? ms[0]
        var e = Event(type: main.type, status: main.status, total: ms.contains { $0.total })
        // Type: a release if anyone was freed; the other types are noted.
        let types = Set(ms.map(\.type))
        if types.count > 1, Self.family(main.type) == "release" {
            let order: [EventType] = [.release, .pardon, .amnesty]
            e.type = order.first { types.contains($0) } ?? main.type
            let others = types.filter { $0 != e.type }.map(\.rawValue).sorted()
            if !others.isEmpty { e.attributes["also_type"] = others.joined(separator: ",") }
        }
        e.date = clusterDate(cl)
        e.count = bestCount(ms.compactMap(\.count))
        var attrs = e.attributes
        for m in ms {
            for (k, v) in m.attributes where attrs[k] == nil { attrs[k] = v }
        }
        e.attributes = attrs
        let counts = Set(ms.compactMap { $0.count?.display }.filter { $0 != "?" })
        if counts.count > 1 { e.attributes["conflicts"] = "count: " + counts.sorted().joined(separator: " / ") }
        e.actors = orderedUnion(ms.map(\.actors))
        e.places = orderedUnion(ms.map(\.places))
        e.sources = [doc.name]
        let sentenceIndices = Array(Set(ms.map(\.sentence))).sorted()
        e.evidence = sentenceIndices.map { k in
            let s = doc.sentences[k]
            return Evidence(source: doc.name, sentence: s.text, span: SourceSpanValue(start: s.start, end: s.end))
        }
        return e
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
            let dates = items.compactMap { $0.date }.map { resolver.resolve($0.expression, text: $0.text, window: window) }.filter { !$0.isMissing }
            e.date = dates.first ?? window?.eventDate ?? .missing
            e.sources = [doc.name]
            e.evidence = Array(Set(items.map(\.sentence))).sorted().map { k in
                let s = doc.sentences[k]
                return Evidence(source: doc.name, sentence: s.text, span: SourceSpanValue(start: s.start, end: s.end))
            }
            return e
        }
    }

    /// The most precise of overlapping dates (their intersection when it is not empty).
    func narrowest(_ dates: [EventDate]) -> EventDate {
        let known = dates.filter { !$0.isMissing }
        guard var best = known.first else { return dates.first { $0.text != nil } ?? .missing }
        for d in known.dropFirst() {
            guard let s = d.start, let e = d.end, let bs = best.start, let be = best.end else { continue }
            if e - s < be - bs { best = d }
        }
        return best
    }

    /// The most informative count: exact beats qualified beats unspecified; larger `more than`
    /// wins over smaller.
    func bestCount(_ qs: [Quantity]) -> Quantity? {
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

    func orderedUnion(_ lists: [[String]]) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        for l in lists { for x in l where seen.insert(x).inserted { out.append(x) } }
        return out
    }
}

extension Day {
    static func - (a: Day, b: Day) -> Int { a.number - b.number }
}
