import EvqDiagnostics
import EvqExtract
import EvqModel
import Foundation
import GRDB

/// One article as the cache holds it: the extractor's per-article result (its facts as JSON,
/// its events in `EventCodec`'s binary form).
public typealias CachedDocument = DocumentExtraction

/// What `EventCache.info()` reports.
public struct CacheInfo: Sendable, Hashable {
    /// The database file.
    public var path: String
    /// Cached documents (all extractor versions).
    public var documents: Int
    /// Events in the cached documents.
    public var documentEvents: Int
    /// Whole extracted corpora (one per folder or set of paths), for restarts that change nothing.
    public var corpora: Int
    /// Stored event-set snapshots.
    public var snapshots: Int
    /// Events in the stored snapshots.
    public var snapshotEvents: Int
    /// Size of the database file and its WAL on disk, in bytes.
    public var bytes: Int
    /// Extractor versions present, sorted.
    public var extractorVersions: [String]
}

/// A failure of the cache that recovery could not handle (e.g. an unwritable directory).
public struct CacheError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public var message: String
    /// The message.
    public var description: String { message }
}

/// The on-disk event cache: a SQLite database (through GRDB, in WAL mode) keyed by each
/// document's content hash and the extractor's version, plus bulk snapshots of imported event
/// sets.
///
/// Every write is one transaction, so a process killed in the middle leaves the previous state
/// and never a half-written entry. The file carries an application id and a schema version; a
/// file that is not SQLite, belongs to another program or is damaged is renamed aside
/// (`events.sqlite.corrupt-TIMESTAMP`) and a fresh cache is created, with a warning.
public final class EventCache: Sendable {
    /// `PRAGMA application_id`: "evq1".
    static let applicationID: Int32 = 0x6576_7131
    /// `PRAGMA user_version`: bumped when the schema changes (older caches are rebuilt).
    static let schemaVersion = 2
    /// Snapshot blobs are split into chunks of this size (SQLite blobs are limited to 1 GB, and
    /// smaller rows keep memory use flat while writing).
    static let chunkSize = 8 << 20

    /// The database file.
    public let path: String
    /// Warnings from opening: a corrupt or foreign file that was set aside, an old schema
    /// that was rebuilt.
    public let warnings: [Diagnostic]
    let queue: DatabaseQueue

    /// Opens (creating if needed) the cache at `path`. `now` names the set-aside file of a
    /// damaged cache. Throws only when no usable cache can be made (unwritable directory...).
    public init(path: String, now: Date = Date()) throws(CacheError) {
        self.path = path
        var warnings: [Diagnostic] = []
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            do {
                try FileManager.default.createDirectory(
                    atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw CacheError(message: "cannot create the cache directory \(directory): \(error.localizedDescription)")
            }
        }
        var opened: DatabaseQueue?
        do {
            opened = try EventCache.openChecked(path: path)
        } catch let problem as Unusable {
            let aside = EventCache.setAside(path: path, now: now)
            warnings.append(.warning("the event cache \(path) \(problem.reason); moved it to \(aside) and started a new one"))
        } catch {
            throw CacheError(message: "cannot open the event cache \(path): \(EventCache.describe(error))")
        }
        do {
            queue = try opened ?? EventCache.openChecked(path: path)
        } catch {
            throw CacheError(message: "cannot create the event cache \(path): \(EventCache.describe(error))")
        }
        self.warnings = warnings
    }

    /// Opens the cache at its standard location for `environment` (see `CacheLocation`);
    /// throws when there is no usable location.
    public static func openDefault(environment: [String: String], now: Date = Date()) throws(CacheError) -> EventCache {
        guard let path = CacheLocation.databasePath(environment: environment) else {
            throw CacheError(message: "no cache location: neither XDG_CACHE_HOME nor HOME is set to an absolute path")
        }
        return try EventCache(path: path, now: now)
    }

    /// Why an existing file cannot be used as the cache.
    struct Unusable: Error {
        var reason: String
    }

    static func configuration() -> Configuration {
        var config = Configuration()
        config.busyMode = .timeout(5)
        config.label = "evq.cache"
        return config
    }

    /// Opens the file and checks it is an evq cache of the current schema, creating the schema
    /// in an empty file and rebuilding an older schema. Throws `Unusable` for a corrupt or
    /// foreign file.
    static func openChecked(path: String) throws -> DatabaseQueue {
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration())
        } catch let error as DatabaseError where isDamage(error) {
            throw Unusable(reason: "is not a valid SQLite database")
        }
        do {
            try queue.writeWithoutTransaction { db in
                let appID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
                if appID == 0 && tables.isEmpty {
                    try createSchema(db)
                } else if appID != applicationID {
                    throw Unusable(reason: "belongs to another program (application id \(appID))")
                } else if version != schemaVersion {
                    try db.inTransaction {
                        for table in tables where !table.hasPrefix("sqlite_") { try db.execute(sql: "DROP TABLE \(table.quotedDatabaseIdentifier)") }
                        try createSchema(db)
                        return .commit
                    }
                } else if tables != ["corpora", "documents", "snapshot_chunks", "snapshots"] {
                    throw Unusable(reason: "has unexpected tables (\(tables.joined(separator: ", ")))")
                }
                // WAL only once the file is known to be ours: a foreign file is left as it was.
                try db.execute(sql: "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL")
            }
        } catch let error as DatabaseError where isDamage(error) {
            try? queue.close()
            throw Unusable(reason: "is damaged (\(error.message ?? "\(error.resultCode)"))")
        } catch {
            try? queue.close()
            throw error
        }
        return queue
    }

    static func createSchema(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE documents (
                    hash TEXT NOT NULL,
                    extractor TEXT NOT NULL,
                    name TEXT NOT NULL,
                    document BLOB NOT NULL,
                    events BLOB NOT NULL,
                    event_count INTEGER NOT NULL,
                    stored_at REAL NOT NULL,
                    UNIQUE (hash, extractor)
                );
                CREATE TABLE snapshots (
                    key TEXT PRIMARY KEY NOT NULL,
                    event_count INTEGER NOT NULL,
                    bytes INTEGER NOT NULL,
                    chunks INTEGER NOT NULL,
                    stored_at REAL NOT NULL
                );
                CREATE TABLE corpora (
                    key TEXT PRIMARY KEY NOT NULL,
                    validator TEXT NOT NULL,
                    meta BLOB NOT NULL,
                    documents BLOB NOT NULL,
                    stored_at REAL NOT NULL
                );
                CREATE TABLE snapshot_chunks (
                    key TEXT NOT NULL,
                    seq INTEGER NOT NULL,
                    data BLOB NOT NULL,
                    PRIMARY KEY (key, seq)
                );
                PRAGMA application_id = \(applicationID);
                PRAGMA user_version = \(schemaVersion);
                """)
    }

    static func isDamage(_ error: DatabaseError) -> Bool {
        let code = error.resultCode.primaryResultCode
        return code == .SQLITE_NOTADB || code == .SQLITE_CORRUPT
    }

    /// Renames the file (and its WAL and shared-memory files) to `PATH.corrupt-TIMESTAMP`.
    static func setAside(path: String, now: Date) -> String {
        let stamp = Int(now.timeIntervalSince1970)
        var aside = "\(path).corrupt-\(stamp)"
        var n = 1
        while FileManager.default.fileExists(atPath: aside) {
            aside = "\(path).corrupt-\(stamp)-\(n)"
            n += 1
        }
        _ = rename(path, aside)
        for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            _ = rename(path + suffix, aside + suffix)
        }
        return aside
    }

    static func describe(_ error: Error) -> String {
        if let e = error as? DatabaseError { return e.message ?? "\(e.resultCode)" }
        return "\(error)"
    }

    /// Closes the database (checkpointing the WAL, so no `-wal` file is left beside it).
    /// Later calls on this cache fail.
    public func close() {
        try? queue.close()
    }

    /// The cached documents among `documentHashes` for this extractor version, keyed by hash,
    /// read in one transaction (a restart over ten thousand articles is one query, not ten
    /// thousand).
    public func lookup(documentHashes: Set<String>, extractorVersion: String) throws(CacheError) -> [String: CachedDocument] {
        do {
            return try queue.read { db in
                var found: [String: CachedDocument] = [:]
                let decoder = JSONDecoder()
                let rows = try Row.fetchCursor(
                    db, sql: "SELECT hash, document, events FROM documents WHERE extractor = ?", arguments: [extractorVersion])
                while let row = try rows.next() {
                    let hash: String = row[0]
                    guard documentHashes.contains(hash) else { continue }
                    let documentData: Data = row[1]
                    let eventData: Data = row[2]
                    // A damaged entry is as good as absent: its article is extracted again and
                    // the entry replaced (an error here would disable the cache for good).
                    guard let facts = try? decoder.decode(DocumentFacts.self, from: documentData),
                        let events = try? eventData.withUnsafeBytes({ raw in
                            try EventCodec.decode(raw.bindMemory(to: UInt8.self), parallelism: 1)
                        })
                    else { continue }
                    found[hash] = CachedDocument(facts: facts, events: events)
                }
                return found
            }
        } catch {
            throw CacheError(message: "cannot read the event cache \(path): \(EventCache.describe(error))")
        }
    }

    /// Removes every document extracted by another extractor version (they can never be used
    /// again); returns how many were removed. Documents of other corpora are kept: one cache
    /// serves every folder evq is pointed at.
    @discardableResult
    public func prune(otherThan extractorVersion: String) throws(CacheError) -> Int {
        do {
            return try queue.write { db in
                try db.execute(sql: "DELETE FROM documents WHERE extractor != ?", arguments: [extractorVersion])
                return db.changesCount
            }
        } catch {
            throw CacheError(message: "cannot write the event cache \(path): \(EventCache.describe(error))")
        }
    }

    /// Stores (or replaces) documents with their events, all in one transaction.
    public func store(_ entries: [(documentHash: String, extractorVersion: String, cached: CachedDocument)], now: Date = Date())
        throws(CacheError)
    {
        do {
            try queue.write { db in
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys]
                for entry in entries {
                    try db.execute(
                        sql: """
                            INSERT OR REPLACE INTO documents (hash, extractor, name, document, events, event_count, stored_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?)
                            """,
                        arguments: [
                            entry.documentHash, entry.extractorVersion, entry.cached.facts.name,
                            try encoder.encode(entry.cached.facts), Data(EventCodec.encode(entry.cached.events)),
                            entry.cached.events.count, now.timeIntervalSince1970,
                        ])
                }
            }
        } catch {
            throw CacheError(message: "cannot write the event cache \(path): \(EventCache.describe(error))")
        }
    }

    /// Stores a whole event set under `key` (replacing any previous one) in one transaction.
    /// The events are stored in canonical order (`Corpus.canonicalOrder`), so a corpus made of
    /// the loaded snapshot needs no sorting. A snapshot of a file (`snapshotKey(forFile:)`)
    /// replaces the file's snapshots under older keys (an earlier size or modification time).
    public func storeSnapshot(_ events: [Event], key: String, now: Date = Date()) throws(CacheError) {
        let parts = EventCodec.encodeParts(events, order: Corpus.canonicalPermutation(events))
        do {
            try queue.write { db in
                if key.hasPrefix("file:"), let bar = key.firstIndex(of: "|") {
                    let family = String(key[...bar])
                    let stale = try String.fetchAll(
                        db, sql: "SELECT key FROM snapshots WHERE substr(key, 1, length(?)) = ? AND key != ?",
                        arguments: [family, family, key])
                    for old in stale {
                        try db.execute(sql: "DELETE FROM snapshot_chunks WHERE key = ?", arguments: [old])
                        try db.execute(sql: "DELETE FROM snapshots WHERE key = ?", arguments: [old])
                    }
                }
                try EventCache.writeSnapshot(db, parts: parts, eventCount: events.count, key: key, now: now)
            }
        } catch {
            throw CacheError(message: "cannot write the event cache \(path): \(EventCache.describe(error))")
        }
    }

    /// Writes a whole blob from `EventCodec.encode` as a snapshot, cut at its segment
    /// boundaries (see the variant taking parts).
    static func writeSnapshot(
        _ db: Database, blob: [UInt8], eventCount: Int, key: String, now: Date, chunkSize: Int = EventCache.chunkSize
    ) throws {
        let parts = try blob.withUnsafeBufferPointer { (b) throws(EventCodec.DecodeError) in try EventCodec.Parts(splitting: b) }
        try writeSnapshot(db, parts: parts, eventCount: eventCount, key: key, now: now, chunkSize: chunkSize)
    }

    /// Writes the header as chunk 0 and then the segments, whole, in chunks of about
    /// `chunkSize` bytes, so that loading can decode each chunk as it is read.
    static func writeSnapshot(
        _ db: Database, parts: EventCodec.Parts, eventCount: Int, key: String, now: Date, chunkSize: Int = EventCache.chunkSize
    ) throws {
        try db.execute(sql: "DELETE FROM snapshot_chunks WHERE key = ?", arguments: [key])
        let insert = try db.makeStatement(sql: "INSERT INTO snapshot_chunks (key, seq, data) VALUES (?, ?, ?)")
        try insert.execute(arguments: [key, 0, Data(parts.header)])
        var seq = 1
        var bytes = parts.header.count
        var k = 0
        while k < parts.segments.count {
            var chunk: [UInt8] = []
            repeat {
                chunk += parts.segments[k]
                k += 1
            } while k < parts.segments.count && chunk.count + parts.segments[k].count <= chunkSize
            try insert.execute(arguments: [key, seq, Data(chunk)])
            bytes += chunk.count
            seq += 1
        }
        try db.execute(
            sql: "INSERT OR REPLACE INTO snapshots (key, event_count, bytes, chunks, stored_at) VALUES (?, ?, ?, ?, ?)",
            arguments: [key, eventCount, bytes, seq, now.timeIntervalSince1970])
    }

    /// The event set stored under `key` (in canonical order), or nil if there is none, or it
    /// is incomplete or damaged (it is then imported again, and replaced). The chunks are
    /// decoded as SQLite reads them, on two threads, straight into the result.
    public func loadSnapshot(key: String) throws(CacheError) -> [Event]? {
        do {
            return try queue.read { db -> [Event]? in
                guard
                    let head = try Row.fetchOne(db, sql: "SELECT bytes, chunks FROM snapshots WHERE key = ?", arguments: [key])
                else { return nil }
                let total: Int = head[0], chunks: Int = head[1]
                // The sizes as stored (SQLite knows a blob's length without reading it), so a
                // damaged header cannot make the decoder reserve more than is there.
                let stored = try Row.fetchOne(
                    db, sql: "SELECT coalesce(sum(length(data)), 0), count(*) FROM snapshot_chunks WHERE key = ?", arguments: [key])
                guard let stored, stored[0] as Int == total, stored[1] as Int == chunks else { return nil }
                let rows = try Row.fetchCursor(db, sql: "SELECT data FROM snapshot_chunks WHERE key = ? ORDER BY seq", arguments: [key])
                guard let first = try rows.next() else { return nil }
                let headerBytes: [UInt8] = try first.withUnsafeData(atIndex: 0) { data in data.map { [UInt8]($0) } ?? [] }
                var seen = 1, bytes = headerBytes.count
                do {
                    return try headerBytes.withUnsafeBufferPointer { hb in
                        let header = try BlobHeader(hb)
                        guard header.length == hb.count, header.length + header.segmentBytes == total else {
                            throw EventCodec.DecodeError.damaged
                        }
                        return try EventCodec.decode(header: header, headerBytes: hb, parallelism: 2) { take in
                            while let row = try rows.next() {
                                seen += 1
                                let going = try row.withUnsafeData(atIndex: 0) { data -> Bool in
                                    guard let data else { return take(UnsafeBufferPointer(start: nil, count: 0)) }
                                    bytes += data.count
                                    return data.withUnsafeBytes { raw in take(raw.bindMemory(to: UInt8.self)) }
                                }
                                if !going { return }
                            }
                            if seen != chunks || bytes != total { throw EventCodec.DecodeError.truncated }
                        }
                    }
                } catch is EventCodec.DecodeError {
                    return nil
                }
            }
        } catch {
            throw CacheError(message: "cannot read the event cache \(path): \(EventCache.describe(error))")
        }
    }

    /// Counts and sizes, for `evq cache info`.
    public func info() throws(CacheError) -> CacheInfo {
        do {
            return try queue.read { db in
                let documents = try Int.fetchOne(db, sql: "SELECT count(*) FROM documents") ?? 0
                let documentEvents = try Int.fetchOne(db, sql: "SELECT coalesce(sum(event_count), 0) FROM documents") ?? 0
                let snapshots = try Int.fetchOne(db, sql: "SELECT count(*) FROM snapshots WHERE key NOT LIKE 'corpus:%'") ?? 0
                let snapshotEvents = try Int.fetchOne(db, sql: "SELECT coalesce(sum(event_count), 0) FROM snapshots WHERE key NOT LIKE 'corpus:%'") ?? 0
                let corpora = try Int.fetchOne(db, sql: "SELECT count(*) FROM corpora") ?? 0
                let versions = try String.fetchAll(db, sql: "SELECT DISTINCT extractor FROM documents ORDER BY extractor")
                var bytes = 0
                for file in [path, path + "-wal"] {
                    if let size = (try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? Int { bytes += size }
                }
                return CacheInfo(
                    path: path, documents: documents, documentEvents: documentEvents, corpora: corpora, snapshots: snapshots,
                    snapshotEvents: snapshotEvents, bytes: bytes, extractorVersions: versions)
            }
        } catch {
            throw CacheError(message: "cannot read the event cache \(path): \(EventCache.describe(error))")
        }
    }

    /// Removes every cached document and snapshot and gives the space back.
    public func clear() throws(CacheError) {
        do {
            try queue.write { db in
                try db.execute(sql: "DELETE FROM documents; DELETE FROM corpora; DELETE FROM snapshots; DELETE FROM snapshot_chunks;")
            }
            try queue.vacuum()
        } catch {
            throw CacheError(message: "cannot clear the event cache \(path): \(EventCache.describe(error))")
        }
    }

    /// A snapshot key for an imported file: its path, size and modification time, and the
    /// importer's format version, so an edited file is imported again. (Hashing the contents of
    /// a large file would cost as much as importing it.)
    public static func snapshotKey(forFile path: String) -> String? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let size = attributes[.size] as? Int, let modified = attributes[.modificationDate] as? Date
        else { return nil }
        let absolute = (path as NSString).standardizingPath
        return "file:\(absolute)|\(size)|\(Int(modified.timeIntervalSince1970 * 1000))|codec\(EventCodec.version)"
    }
}
