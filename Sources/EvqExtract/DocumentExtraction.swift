import EvqModel

/// What the extractor learned from one article on its own: the events of the article (before
/// they are merged with other articles' reports) and every fact about it that the corpus passes
/// need. It is what the event cache stores per article, so a second start re-extracts only new
/// or changed articles.
///
/// An article whose publication date is known from itself (metadata, a dateline) has events
/// that depend on nothing else. An article whose date is inferred from the rest of the corpus
/// keeps the inputs of that inference (`lookbacks`, `textLowerBound`, `beforeNewYear`) and
/// the window its events were anchored to: when the corpus changes the window is computed
/// again, and the article is re-extracted only if it moved.
public struct DocumentExtraction: Sendable, Hashable {
    /// Everything but the events; stored as JSON.
    public var facts: DocumentFacts
    /// The article's own events, dates anchored to `facts.window`.
    public var events: [Event]

    /// Creates a per-article extraction.
    public init(facts: DocumentFacts, events: [Event]) {
        self.facts = facts
        self.events = events
    }
}

/// One article's facts as the corpus passes use them (see `DocumentExtraction`).
public struct DocumentFacts: Sendable, Hashable, Codable {
    /// A publication window as stored: a day, a range, or open-ended (`end` nil).
    public struct Window: Sendable, Hashable, Codable {
        /// The first possible day.
        public var start: Day
        /// The last possible day; nil when only a lower bound is known.
        public var end: Day?
        /// Creates a window.
        public init(start: Day, end: Day?) {
            self.start = start
            self.end = end
        }
    }

    /// "On December 13, 123 prisoners were released": a happening told with a month-day date
    /// and an exact count, which dates the article after a dated report of the same happening.
    public struct Lookback: Sendable, Hashable, Codable {
        /// The type family (`DocumentMerger.family`).
        public var family: String
        /// Month and day as written (no year).
        public var month: Int
        /// The day of the month.
        public var day: Int
        /// The exact count.
        public var count: Int
        /// Creates a lookback.
        public init(family: String, month: Int, day: Int, count: Int) {
            self.family = family
            self.month = month
            self.day = day
            self.count = count
        }
    }

    /// The file name (the key used in `sources` and evidence).
    public var name: String
    /// The title (metadata, front matter, HTML title or the first heading).
    public var title: String
    /// Size of the raw file in bytes.
    public var bytes: Int
    /// Publication date given by metadata or a dateline.
    public var givenDate: EventDate?
    /// Where `givenDate` came from.
    public var dateSource: DateSource
    /// A dateline's month and day without a year (`[month, day]`).
    public var datelineMonthDay: [Int]?
    /// The dateline's place ("VILNIUS, Lithuania").
    public var datelinePlace: String?
    /// The latest absolute date in the body: publication is on or after it.
    public var textLowerBound: Day?
    /// "before the New Year": publication is before the next 1 January.
    public var beforeNewYear: Bool
    /// Month-day reports with exact counts (see `Lookback`).
    public var lookbacks: [Lookback]
    /// Spellings resolved inside the article: variant -> the name it was resolved to.
    public var variants: [String: String]
    /// Oddities of the file (invalid UTF-8, empty...), shown as warnings.
    public var warnings: [String]
    /// The publication window the events were anchored to (nil: none known).
    public var window: Window?
    /// Where the window came from.
    public var windowSource: DateSource

    /// Creates the facts of an article (every field but the name has an empty default).
    public init(
        name: String, title: String = "", bytes: Int = 0, givenDate: EventDate? = nil, dateSource: DateSource = .missing,
        datelineMonthDay: [Int]? = nil, datelinePlace: String? = nil, textLowerBound: Day? = nil, beforeNewYear: Bool = false,
        lookbacks: [Lookback] = [], variants: [String: String] = [:], warnings: [String] = [], window: Window? = nil,
        windowSource: DateSource = .missing
    ) {
        self.name = name
        self.title = title
        self.bytes = bytes
        self.givenDate = givenDate
        self.dateSource = dateSource
        self.datelineMonthDay = datelineMonthDay
        self.datelinePlace = datelinePlace
        self.textLowerBound = textLowerBound
        self.beforeNewYear = beforeNewYear
        self.lookbacks = lookbacks
        self.variants = variants
        self.warnings = warnings
        self.window = window
        self.windowSource = windowSource
    }

    /// Whether the article dates itself (metadata or dateline), so its events depend on no
    /// other article.
    public var isSelfDated: Bool { givenDate != nil || datelineMonthDay != nil }

    /// The window as the date resolver takes it.
    var publicationWindow: PublicationWindow? { window.map { PublicationWindow(start: $0.start, end: $0.end) } }
}

extension AnalyzedDocument {
    /// The storable facts of this article, with the window its events are anchored to.
    func facts(window: PublicationWindow?, source: DateSource) -> DocumentFacts {
        var lookbacks: [DocumentFacts.Lookback] = []
        for c in candidates where !c.supporting {
            guard let dm = c.dateMention, case .monthDay(let m, let d) = dm.expression, let q = c.count, q.isExact, let v = q.value
            else { continue }
            lookbacks.append(.init(family: DocumentMerger.family(c.type), month: m, day: d, count: v))
        }
        return DocumentFacts(
            name: name, title: title, bytes: bytes, givenDate: givenDate, dateSource: dateSource,
            datelineMonthDay: datelineMonthDay.map { [$0.month, $0.day] }, datelinePlace: datelinePlace,
            textLowerBound: textLowerBound, beforeNewYear: beforeNewYear, lookbacks: lookbacks, variants: variants,
            warnings: warnings, window: window.map { .init(start: $0.start, end: $0.end) }, windowSource: source)
    }
}
