import EvqModel
import EvqSema

/// The rows flowing between stages: events until a stage turns them into a table.
struct Relation {
    var isEvents: Bool
    /// The events (when `isEvents`), or the events behind the table rows one to one (when
    /// `eventsAligned`), so `.export` of a projection can still reach them.
    var events: [Event]
    var columns: [String]
    var rows: [[Value]]
    var eventsAligned: Bool
    var notes: [String] = []

    static func events(_ events: [Event]) -> Relation {
        Relation(isEvents: true, events: events, columns: [], rows: [], eventsAligned: true)
    }

    static func table(_ columns: [String], _ rows: [[Value]], events: [Event] = [], aligned: Bool = false) -> Relation {
        Relation(isEvents: false, events: events, columns: columns, rows: rows, eventsAligned: aligned)
    }

    var count: Int { isEvents ? events.count : rows.count }

    func row(_ i: Int) -> Row { isEvents ? .event(events[i]) : .values(rows[i]) }

    /// Keeps the rows at `indices`, in that order.
    func select(_ indices: [Int]) -> Relation {
        var r = self
        if isEvents {
            r.events = indices.map { events[$0] }
        } else {
            r.rows = indices.map { rows[$0] }
            if eventsAligned { r.events = indices.map { events[$0] } }
        }
        return r
    }
}

/// Builds the `documents`, `actors` and `places` collections from a corpus.
enum CollectionBuilder {
    static func documents(_ corpus: Corpus) -> Relation {
        let rows: [[Value]] = corpus.documents.map { d in
            [.text(d.name), d.title.isEmpty ? .missing : .text(d.title), d.published.isMissing ? .missing : .date(d.published),
             .text(d.dateSource.rawValue), d.datelinePlace.map { .text($0) } ?? .missing, .int(d.eventCount), .int(d.bytes)]
        }
        return .table(["name", "title", "published", "date_source", "dateline", "events", "bytes"], rows)
    }

    /// One row per distinct name: canonical name, its spelling variants, how many evidence
    /// sentences name it (any spelling, case-insensitively), and how many events list it.
    static func names(_ corpus: Corpus, places: Bool) -> Relation {
        var eventCount: [String: Int] = [:]
        for e in corpus.all {
            for n in Set(places ? e.places : e.actors) { eventCount[n, default: 0] += 1 }
        }
        // Each evidence sentence once, even when several events share it.
        var sentences = Set<String>()
        for e in corpus.all { for ev in e.evidence { sentences.insert(Fold.fold(ev.sentence)) } }
        let folded = Array(sentences)
        let rows: [[Value]] = eventCount.keys.sorted().map { name in
            let spellings = corpus.spellings(of: name).map(Fold.fold)
            let mentions = folded.reduce(0) { n, s in n + (spellings.contains { s.contains($0) } ? 1 : 0) }
            return [.text(name), .list((corpus.aliases[name] ?? []).sorted().map { .text($0) }), .int(mentions),
                    .int(eventCount[name] ?? 0)]
        }
        return .table(["name", "aliases", "mentions", "events"], rows)
    }
}
