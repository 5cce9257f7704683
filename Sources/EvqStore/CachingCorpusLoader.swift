import EvqDiagnostics
import EvqExtract
import EvqModel
import Foundation

/// What one load did: how much came from the event cache and how much was read anew.
public struct LoadStatistics: Sendable, Hashable {
    /// Articles in the corpus.
    public var articles = 0
    /// Articles whose extraction came from the cache.
    public var reusedArticles = 0
    /// Event-set files (JSONL, JSON, CSV).
    public var eventSets = 0
    /// Event-set files whose events came from the cache.
    public var reusedEventSets = 0
    /// Events imported from event-set files.
    public var importedEvents = 0

    /// Creates empty statistics.
    public init() {}
}

/// A loaded corpus with what the user should be told about it.
public struct LoadResult: Sendable {
    /// The event set queries run over.
    public var corpus: Corpus
    /// Oddities of the files (as `FILE: warning: ...`) and of the cache (as `evq: warning: ...`).
    public var warnings: [String]
    /// Where the events came from.
    public var statistics: LoadStatistics
}

/// Loads articles and event sets through the event cache: an article is extracted only when
/// the cache has no result for its content (and this extractor), an event-set file is imported
/// only when the cache has no snapshot of it (same path, size and modification time).
///
/// The cache is an optimisation and never a reason to fail: when it cannot be read or written
/// (a read-only directory, a full disk) the load goes on without it and says so in a warning.
/// Every write is one SQLite transaction, so an interrupted run leaves the previous state.
public struct CachingCorpusLoader: Sendable {
    /// The cache, or nil for `--no-cache`.
    public var cache: EventCache?
    /// The extractor, or nil for the standard one, made only when an article must be read:
    /// parsing the lexicons was a fifth of a restart that finds everything in the cache.
    public var extractor: Extractor?
    /// The extractor version cache entries are keyed by (see `Extractor.version`), with the
    /// executable's build identity added by the caller.
    public var extractorVersion: String

    /// Creates a loader; `buildIdentity` tells one build of evq from another (see
    /// `BuildIdentity`).
    public init(cache: EventCache?, extractor: Extractor? = nil, buildIdentity: String = "") {
        self.cache = cache
        self.extractor = extractor
        self.extractorVersion = buildIdentity.isEmpty ? Extractor.version : Extractor.version + "+" + buildIdentity
    }

    /// Loads every path (see `CorpusLoader.list(paths:)`), stopping with `.interrupted` when
    /// `isCancelled` answers true (asked between articles; nothing is stored then).
    public func load(paths: [String], isCancelled: () -> Bool = { false }) throws(CorpusLoader.LoadError) -> LoadResult {
        let listing = try CorpusLoader.list(paths: paths)
        var warnings = listing.warnings.map(\.description)
        var statistics = LoadStatistics()
        var use = CacheUse(cache: cache)

        // Event sets: a snapshot per file.
        var imported: [Event] = []
        for file in listing.files where file.kind == .eventSet {
            statistics.eventSets += 1
            let key = EventCache.snapshotKey(forFile: file.path)
            if let cache = use.cache, let key {
                do {
                    if let events = try cache.loadSnapshot(key: key) {
                        imported += events
                        statistics.reusedEventSets += 1
                        continue
                    }
                } catch {
                    use.failed(error)
                }
            }
            if isCancelled() { throw .interrupted }
            let events: [Event]
            do {
                events = try EventSetImporter().importFile(at: file.path, name: file.name)
            } catch {
                throw .badEventSet(EventSetIO.ImportError(file: error.file, line: error.line, message: error.message))
            }
            if let cache = use.cache, let key {
                do { try cache.storeSnapshot(events, key: key) } catch { use.failed(error) }
            }
            imported += events
        }
        statistics.importedEvents = imported.count

        // Articles: the whole corpus when no file changed, else per-article results by content.
        let articleFiles = listing.files.filter { $0.kind == .article }
        statistics.articles = articleFiles.count
        var corpus = Corpus.empty
        if !articleFiles.isEmpty {
            let corpusKey = CorpusFingerprint.key(paths: paths)
            let validator = CorpusFingerprint.validator(files: articleFiles, extractorVersion: extractorVersion)
            var snapshot: CorpusSnapshot?
            if let cache = use.cache, let validator {
                do { snapshot = try cache.loadCorpus(key: corpusKey, validator: validator) } catch { use.failed(error) }
            }
            if snapshot == nil {
                snapshot = try extractArticles(articleFiles, use: &use, isCancelled: isCancelled, statistics: &statistics)
                if let cache = use.cache, let validator, let snapshot {
                    do { try cache.storeCorpus(snapshot, key: corpusKey, validator: validator) } catch { use.failed(error) }
                }
            } else {
                statistics.reusedArticles = articleFiles.count
            }
            if let snapshot {
                corpus = snapshot.corpus
                warnings += snapshot.warnings
            }
        }
        if articleFiles.isEmpty {
            corpus = Corpus(events: imported)  // one sort of a big event set, not two
        } else if !imported.isEmpty {
            corpus = corpus.merged(with: Corpus(events: imported))
        }
        return LoadResult(corpus: corpus, warnings: use.warnings + warnings, statistics: statistics)
    }

    /// Reads and extracts the articles, reusing the cache's per-article results by content key
    /// and storing the new ones.
    func extractArticles(
        _ files: [CorpusLoader.InputFile], use: inout CacheUse, isCancelled: () -> Bool, statistics: inout LoadStatistics
    ) throws(CorpusLoader.LoadError) -> CorpusSnapshot {
        var articles: [RawDocument] = []
        articles.reserveCapacity(files.count)
        for file in files { articles.append(try CorpusLoader.readArticle(file)) }
        var cached: [String: CachedDocument] = [:]
        let keys = articles.map(\.contentKey)
        if let cache = use.cache {
            do {
                cached = try cache.lookup(documentHashes: Set(keys), extractorVersion: extractorVersion)
            } catch {
                use.failed(error)
            }
        }
        guard let extraction = (extractor ?? Extractor()).extract(articles, reusing: cached, isCancelled: isCancelled) else {
            throw .interrupted
        }
        statistics.reusedArticles = extraction.reused
        if let cache = use.cache, extraction.perDocument.count == articles.count {
            // Only what was read: comparing every reused result with its stored copy would
            // cost as much as the restart it saves.
            let fresh = extraction.extracted.map { k in (documentHash: keys[k], extractorVersion: extractorVersion, cached: extraction.perDocument[k]) }
            do {
                // Only a run that stores anything prunes: a start with nothing new writes nothing.
                if !fresh.isEmpty {
                    try cache.store(fresh)
                    try cache.prune(otherThan: extractorVersion)
                }
            } catch {
                use.failed(error)
            }
        }
        return CorpusSnapshot(corpus: extraction.corpus, warnings: extraction.warnings.map(\.description), articles: articles.count)
    }
}

/// The cache as one load uses it: dropped (with one warning) at its first failure, so a
/// read-only or full disk costs one message, not one per file.
struct CacheUse {
    var cache: EventCache?
    var warnings: [String] = []

    mutating func failed(_ error: CacheError) {
        if cache != nil { warnings.append("evq: warning: \(error.message); going on without the cache") }
        cache = nil
    }
}
