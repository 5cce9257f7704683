import EvqDiagnostics
import EvqModel

/// One article as read from disk, before any cleaning.
public struct RawDocument: Sendable {
    /// The file name used in `sources` and evidence (no directory).
    public var name: String
    public var bytes: [UInt8]
    /// `key: value` pairs from a sidecar file (`NAME.meta`): `date`, `title`.
    public var metadata: [String: String]
    public init(name: String, bytes: [UInt8], metadata: [String: String] = [:]) {
        self.name = name
        self.bytes = bytes
        self.metadata = metadata
    }
}

/// A problem found while reading a file: not fatal, shown as a warning.
public struct FileWarning: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var message: String
    public init(file: String, message: String) {
        self.file = file
        self.message = message
    }
    public var description: String { "\(file): warning: \(message)" }
}

/// The extractor's result for a set of articles.
public struct Extraction: Sendable {
    public var corpus: Corpus
    public var warnings: [FileWarning]
    public init(corpus: Corpus, warnings: [FileWarning]) {
        self.corpus = corpus
        self.warnings = warnings
    }
}

/// Articles in, merged events out: the whole pipeline of docs/EXTRACTION.md.
public struct Extractor: Sendable {
    let lexicon: Lexicon
    public init(lexicon: Lexicon = .standard) { self.lexicon = lexicon }

    public func extract(_ documents: [RawDocument]) -> Extraction {
        // Never cancelled, so never nil.
        extract(documents, isCancelled: { false }) ?? Extraction(corpus: .empty, warnings: [])
    }

    /// The same, giving up (nil) when `isCancelled` answers true; it is asked before each
    /// document, where nearly all the time goes, so Ctrl-C during `.load` of a large corpus
    /// stops within one article.
    public func extract(_ documents: [RawDocument], isCancelled: () -> Bool) -> Extraction? {
        let analyzer = DocumentAnalyzer(lexicon: lexicon)
        let merger = DocumentMerger(lexicon: lexicon)
        var analyzed: [AnalyzedDocument] = []
        analyzed.reserveCapacity(documents.count)
        for document in documents {
            if isCancelled() { return nil }
            analyzed.append(analyzer.analyze(document))
        }
        var warnings: [FileWarning] = []
        for d in analyzed { warnings += d.warnings.map { FileWarning(file: d.name, message: $0) } }

        // Pass 1: documents with a known date.
        var windows: [Int: (PublicationWindow?, DateSource)] = [:]
        var docEvents: [Int: [Event]] = [:]
        let inference = PublicationInference()
        for (k, d) in analyzed.enumerated() where d.givenDate != nil || d.datelineMonthDay != nil {
            let w = inference.window(for: d, datedEvents: PublicationInference.Index([]))
            windows[k] = w
            docEvents[k] = merger.merge(d, window: w.0)
        }
        // Pass 2: the others, with windows inferred from the dated ones.
        let dated = PublicationInference.Index(docEvents.keys.sorted().flatMap { docEvents[$0] ?? [] })
        for (k, d) in analyzed.enumerated() where docEvents[k] == nil {
            let w = inference.window(for: d, datedEvents: dated)
            windows[k] = w
            docEvents[k] = merger.merge(d, window: w.0)
        }
        var all = analyzed.indices.flatMap { docEvents[$0] ?? [] }

        // Names: one canonical spelling per person across the corpus.
        var counts: [String: Int] = [:]
        for e in all { for a in e.actors where !isPlaceOrBloc(a) { counts[a, default: 0] += 1 } }
        let canonical = NameVariants(lexicon: lexicon).group(counts)
        var aliases: [String: Set<String>] = [:]
        for (variant, canon) in canonical where variant != canon && !canon.split(separator: " ").contains(Substring(variant)) {
            aliases[canon, default: []].insert(variant)
        }
        for d in analyzed {
            for (variant, target) in d.variants { aliases[canonical[target] ?? target, default: []].insert(variant) }
        }
        for k in all.indices {
            var seen = Set<String>()
            all[k].actors = all[k].actors.map { canonical[$0] ?? $0 }.filter { seen.insert($0).inserted }
        }
        var events = CorpusMerger().merge(all)
        for k in events.indices {
            events[k].sources.sort()
            events[k].id = EventID.make(for: events[k])
        }
        // Distinct ids even for look-alike events.
        var used: [String: Int] = [:]
        for k in events.indices {
            let n = used[events[k].id, default: 0]
            used[events[k].id] = n + 1
            if n > 0 { events[k].id += "-\(n)" }
        }
        var perDocument: [String: Int] = [:]
        for e in events { for s in e.sources { perDocument[s, default: 0] += 1 } }
        var documentsOut: [Document] = []
        for (k, d) in analyzed.enumerated() {
            let (w, source) = windows[k] ?? (nil, .missing)
            var published = w?.eventDate ?? .missing
            if let w, w.end == nil { published = EventDate(missingText: "on or after \(w.start.iso)") }
            if let g = d.givenDate, source == .metadata || source == .dateline { published = g }
            let count = perDocument[d.name] ?? 0
            documentsOut.append(Document(name: d.name, title: d.title, published: published, dateSource: w == nil ? .missing : source,
                datelinePlace: d.datelinePlace, eventCount: count, bytes: d.bytes))
        }
        let aliasLists = aliases.mapValues { $0.sorted() }
        return Extraction(corpus: Corpus(events: events, documents: documentsOut, aliases: aliasLists), warnings: warnings)
    }

    func isPlaceOrBloc(_ name: String) -> Bool { lexicon.places[name] != nil }
}
