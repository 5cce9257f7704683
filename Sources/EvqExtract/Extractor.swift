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

    /// What the event cache keys this article by: the 32-hex-digit `ContentDigest` of its name
    /// (sources and evidence carry it), its metadata and its bytes.
    public var contentKey: String {
        var d = ContentDigest()
        d.feed(name)
        d.feed(0)
        for (key, value) in metadata.sorted(by: { $0.key < $1.key }) {
            d.feed(key)
            d.feed(1)
            d.feed(value)
            d.feed(0)
        }
        d.feed(2)
        d.feed(bytes)
        return d.hex
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
    /// Each article's own result, in input order (what the event cache stores).
    public var perDocument: [DocumentExtraction] = []
    /// The positions (in input order) of the articles that were read rather than taken from
    /// `reusing`: what a cache must store.
    public var extracted: [Int] = []
    /// How many articles were taken from `reusing` rather than read.
    public var reused: Int { perDocument.count - extracted.count }
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
    ///
    /// `reusing` holds earlier per-article results by `RawDocument.contentKey` (from the event
    /// cache): those articles are not read again, except an article whose publication date is
    /// inferred from the others when that inference now gives another window.
    public func extract(
        _ documents: [RawDocument], reusing cached: [String: DocumentExtraction] = [:], isCancelled: () -> Bool
    ) -> Extraction? {
        let analyzer = DocumentAnalyzer(lexicon: lexicon)
        let merger = DocumentMerger(lexicon: lexicon)
        let inference = PublicationInference()
        var perDocument: [DocumentExtraction?] = Array(repeating: nil, count: documents.count)
        var analyzed: [Int: AnalyzedDocument] = [:]
        // The articles read (not reused), in order.
        var extracted: [Int] = []
        for (k, document) in documents.enumerated() {
            if !cached.isEmpty, let c = cached[document.contentKey] {
                perDocument[k] = c
                continue
            }
            if isCancelled() { return nil }
            analyzed[k] = analyzer.analyze(document)
            extracted.append(k)
        }

        // Pass 1: articles that date themselves; their events depend on nothing else.
        for k in analyzed.keys.sorted() {
            guard let d = analyzed[k] else { continue }
            let facts = d.facts(window: nil, source: .missing)
            guard facts.isSelfDated else { continue }
            let w = inference.window(for: facts, datedEvents: PublicationInference.Index([]))
            perDocument[k] = DocumentExtraction(facts: d.facts(window: w.0, source: w.1), events: merger.merge(d, window: w.0))
            // (Freed once merged, so the next articles reuse its memory instead of new pages.)
            analyzed[k] = nil
        }
        // Pass 2: the others, with windows inferred from the dated ones. A reused article
        // whose window moved is read again.
        let dated = PublicationInference.Index(
            perDocument.compactMap { $0 }.filter(\.facts.isSelfDated).flatMap(\.events))
        for k in documents.indices where perDocument[k]?.facts.isSelfDated != true {
            if let c = perDocument[k] {
                let w = inference.window(for: c.facts, datedEvents: dated)
                if w.0 == c.facts.publicationWindow && w.1 == c.facts.windowSource { continue }
                if isCancelled() { return nil }
                analyzed[k] = analyzer.analyze(documents[k])
                extracted.append(k)
            }
            guard let d = analyzed[k] else { continue }
            let w = inference.window(for: d.facts(window: nil, source: .missing), datedEvents: dated)
            perDocument[k] = DocumentExtraction(facts: d.facts(window: w.0, source: w.1), events: merger.merge(d, window: w.0))
        }
        let results = perDocument.compactMap { $0 }
        var extraction = corpus(from: results)
        extraction.perDocument = results
        extraction.extracted = extracted.sorted()
        return extraction
    }

    /// The corpus passes over per-article results: one canonical spelling per person, events
    /// merged across articles, ids, and the documents collection.
    func corpus(from articles: [DocumentExtraction]) -> Extraction {
        var warnings: [FileWarning] = []
        for d in articles { warnings += d.facts.warnings.map { FileWarning(file: d.facts.name, message: $0) } }
        var all = articles.flatMap(\.events)

        // Names: one canonical spelling per person across the corpus.
        var counts: [String: Int] = [:]
        // (By index: iterating by element copies every event.)
        for k in all.indices { for a in all[k].actors where !isPlaceOrBloc(a) { counts[a, default: 0] += 1 } }
        let canonical = NameVariants(lexicon: lexicon).group(counts)
        var aliases: [String: Set<String>] = [:]
        for (variant, canon) in canonical where variant != canon && !canon.split(separator: " ").contains(Substring(variant)) {
            aliases[canon, default: []].insert(variant)
        }
        for d in articles {
            for (variant, target) in d.facts.variants { aliases[canonical[target] ?? target, default: []].insert(variant) }
        }
        for k in all.indices where !all[k].actors.isEmpty {
            // (An event names a handful of people: a linear scan for repeats, not a set, unless
            // it names very many.)
            if all[k].actors.count > 64 {
                var seen = Set<String>()
                all[k].actors = all[k].actors.map { canonical[$0] ?? $0 }.filter { seen.insert($0).inserted }
                continue
            }
            var out: [String] = []
            out.reserveCapacity(all[k].actors.count)
            for a in all[k].actors {
                let c = canonical[a] ?? a
                if !out.contains(c) { out.append(c) }
            }
            all[k].actors = out
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
        for k in events.indices { for s in events[k].sources { perDocument[s, default: 0] += 1 } }
        var documentsOut: [Document] = []
        for d in articles.map(\.facts) {
            let w = d.publicationWindow
            let source = d.windowSource
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
