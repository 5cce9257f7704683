import EvqModel

/// The second corpus pass: a publication window for each article without metadata or a
/// complete dateline.
///
/// - A dateline with month and day but no year takes the year of the latest date in its text.
/// - Lower bound: the latest absolute date the body mentions (reports look back), and every
///   day on which a dated article reports a happening this article also reports under a
///   month-day date without a year ("On December 13, 123 ... were released" matches a release
///   of 123 on 2025-12-13): the article is later than that day (a same-day report would say
///   "today" or "on Saturday"; a calendar date marks a look back), so the window starts the
///   day after.
/// - Upper bound: "before the New Year" ends the window on 31 December of the lower bound's year.
/// Without an upper bound the window is open and relative expressions stay unresolved.
struct PublicationInference {
    /// Dated happenings by type family, month-day and exact count: what an undated article's
    /// "On December 13, 123 ..." can be matched against.
    struct Index {
        var days: [String: Day] = [:]
        init(_ events: [Event]) {
            for e in events where e.date.precision == .day && e.type != .statement {
                guard let d = e.date.start, let v = e.count?.value else { continue }
                let key = Index.key(DocumentMerger.family(e.type), d.month, d.day, v)
                days[key] = max(days[key] ?? d, d)
            }
        }
        static func key(_ family: String, _ m: Int, _ d: Int, _ v: Int) -> String { "\(family)|\(m)-\(d)|\(v)" }
    }

    func window(for doc: DocumentFacts, datedEvents: Index) -> (PublicationWindow?, DateSource) {
        if let g = doc.givenDate, let s = g.start, let e = g.end { return (PublicationWindow(start: s, end: e), doc.dateSource) }
        if let md = doc.datelineMonthDay, md.count == 2, let lb = doc.textLowerBound {
            // The dateline's day in the year of the latest date mentioned (or the next year if
            // that day would come before it).
            let (m, d) = (md[0], md[1])
            if let day = Day(year: lb.year, month: m, day: d) {
                return (.day(day >= lb ? day : Day(year: lb.year + 1, month: m, day: d) ?? day), .dateline)
            }
        }
        var lower = doc.textLowerBound
        for l in doc.lookbacks {
            if let day = datedEvents.days[Index.key(l.family, l.month, l.day, l.count)] {
                // Told with its calendar date rather than "today" or a weekday: a later report.
                let after = day.adding(days: 1)
                lower = max(lower ?? after, after)
            }
        }
        guard let lb = lower else { return (nil, .missing) }
        var upper: Day?
        if doc.beforeNewYear { upper = Day(year: lb.year, month: 12, day: 31) }
        return (PublicationWindow(start: lb, end: upper), .inferred)
    }
}
