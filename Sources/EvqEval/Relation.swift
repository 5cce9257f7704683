import EvqModel
import EvqSema

/// The rows flowing between stages: events until a stage turns them into a table.
///
/// Event rows are positions into a shared base array (the corpus), so filtering and sorting a
/// million events moves integers, not event values.
struct Relation {
    var isEvents: Bool
    /// The array event positions point into (the corpus's events, or a binding's).
    var base: [Event]
    /// For event rows: the rows' positions in `base`. For a table whose rows correspond one to
    /// one to events (`eventsAligned`), the events behind the rows, so `.export` can reach them.
    var indices: [Int]
    var columns: [String]
    var rows: [[Value]]
    var eventsAligned: Bool
    var notes: [String] = []

    static func events(_ base: [Event], _ indices: [Int]) -> Relation {
        Relation(isEvents: true, base: base, indices: indices, columns: [], rows: [], eventsAligned: true)
    }

    static func events(_ list: [Event]) -> Relation { events(list, Array(list.indices)) }

    static func table(_ columns: [String], _ rows: [[Value]], base: [Event] = [], indices: [Int] = [], aligned: Bool = false) -> Relation {
        Relation(isEvents: false, base: base, indices: indices, columns: columns, rows: rows, eventsAligned: aligned)
    }

    /// The events behind the rows, in row order.
    var events: [Event] { indices.map { base[$0] } }

    var count: Int { isEvents ? indices.count : rows.count }

    func row(_ i: Int) -> Row { isEvents ? .event(base, indices[i]) : .values(rows[i]) }

    /// Keeps the rows at positions `picks`, in that order.
    func select(_ picks: [Int]) -> Relation {
        var r = self
        if isEvents {
            r.indices = picks.map { indices[$0] }
        } else {
            r.rows = picks.map { rows[$0] }
            if eventsAligned { r.indices = picks.map { indices[$0] } }
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
    /// Counting mentions compares every name with every sentence, so it polls for Ctrl-C.
    static func names(_ corpus: Corpus, places: Bool, poll: (Int) throws(Interrupted) -> Void) throws(Interrupted) -> Relation {
        var eventCount: [String: Int] = [:]
        for e in corpus.all {
            for n in Set(places ? e.places : e.actors) { eventCount[n, default: 0] += 1 }
        }
        // Each evidence sentence once, even when several events share it.
        var sentences = Set<String>()
        for e in corpus.all { for ev in e.evidence { sentences.insert(Fold.fold(ev.sentence)) } }
        let folded = Array(sentences)
        var rows: [[Value]] = []
        var work = 0
        for name in eventCount.keys.sorted() {
            let spellings = corpus.spellings(of: name).map(Fold.fold)
            var mentions = 0
            for s in folded {
                try poll(work)
                work += 1
                if spellings.contains(where: { s.contains($0) }) { mentions += 1 }
            }
            rows.append([.text(name), .list((corpus.aliases[name] ?? []).sorted().map { .text($0) }), .int(mentions),
                         .int(eventCount[name] ?? 0)])
        }
        return .table(["name", "aliases", "mentions", "events"], rows)
    }
}

/// The event types of each category, so category tests are set lookups instead of a scan of
/// the type table per event.
enum CategoryTypes {
    static func types(of category: Category) -> Set<String> {
        Set(EventType.known.filter { $0.category == category }.map(\.type.rawValue))
    }

    /// True when `type` belongs to `category` (`other` = not a known type).
    static func contains(_ set: Set<String>, category: Category, type: EventType) -> Bool {
        category == .other ? !type.isKnown : set.contains(type.rawValue)
    }
}
