import EvqModel
import Foundation
import GRDB

/// A whole extracted corpus as the cache keeps it: what a restart over unchanged articles
/// needs without reading them.
public struct CorpusSnapshot: Sendable {
    /// The merged events, documents and aliases.
    public var corpus: Corpus
    /// The file warnings the extraction gave (shown again on every load, as when extracting).
    public var warnings: [String]
    /// How many articles it was extracted from.
    public var articles: Int

    /// Creates a snapshot.
    public init(corpus: Corpus, warnings: [String], articles: Int) {
        self.corpus = corpus
        self.warnings = warnings
        self.articles = articles
    }
}

/// The small parts of a corpus snapshot, stored as JSON (the documents go in
/// `DocumentCodec`'s binary form beside it: ten thousand of them as JSON were slow to decode).
struct CorpusMeta: Codable {
    var aliases: [String: [String]]
    var warnings: [String]
    var articles: Int
}

extension EventCache {
    /// Stores the corpus extracted from one set of paths (`key`), replacing the previous one
    /// for those paths, valid while `validator` (the files' identities and the extractor
    /// version) stays the same. One transaction: a killed process leaves the old snapshot.
    public func storeCorpus(_ snapshot: CorpusSnapshot, key: String, validator: String, now: Date = Date()) throws(CacheError) {
        let blob = EventCodec.encode(snapshot.corpus.all)
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let meta = try encoder.encode(CorpusMeta(aliases: snapshot.corpus.aliases, warnings: snapshot.warnings, articles: snapshot.articles))
            let documents = Data(DocumentCodec.encode(snapshot.corpus.documents))
            try queue.write { db in
                try EventCache.writeSnapshot(db, blob: blob, eventCount: snapshot.corpus.all.count, key: key, now: now)
                try db.execute(
                    sql: "INSERT OR REPLACE INTO corpora (key, validator, meta, documents, stored_at) VALUES (?, ?, ?, ?, ?)",
                    arguments: [key, validator, meta, documents, now.timeIntervalSince1970])
            }
        } catch {
            throw CacheError(message: "cannot write the event cache \(path): \(EventCache.describe(error))")
        }
    }

    /// The corpus stored for `key`, if it is still valid for `validator`; nil otherwise.
    public func loadCorpus(key: String, validator: String) throws(CacheError) -> CorpusSnapshot? {
        let stored: (CorpusMeta, [Document])?
        do {
            stored = try queue.read { db -> (CorpusMeta, [Document])? in
                guard let row = try Row.fetchOne(db, sql: "SELECT meta, documents FROM corpora WHERE key = ? AND validator = ?",
                                                 arguments: [key, validator])
                else { return nil }
                let meta: Data = row[0], documents: Data = row[1]
                // A damaged snapshot is as good as absent: it is rebuilt and replaced.
                guard let decodedMeta = try? JSONDecoder().decode(CorpusMeta.self, from: meta),
                    let decodedDocuments = try? DocumentCodec.decode([UInt8](documents))
                else { return nil }
                return (decodedMeta, decodedDocuments)
            }
        } catch {
            throw CacheError(message: "cannot read the event cache \(path): \(EventCache.describe(error))")
        }
        guard let (meta, documents) = stored, let events = try loadSnapshot(key: key) else { return nil }
        return CorpusSnapshot(corpus: Corpus(events: events, documents: documents, aliases: meta.aliases),
                              warnings: meta.warnings, articles: meta.articles)
    }
}
