import EvqExtract
import EvqModel
import Foundation
import GRDB
import Testing

@testable import EvqStore

/// A fresh directory per test, removed afterwards.
struct TempDir: ~Copyable {
    let path: String
    init() {
        path = NSTemporaryDirectory() + "evq-cache-test-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
    var database: String { path + "/evq/events.sqlite" }
    func asideFiles() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path + "/evq")) ?? []).filter { $0.contains(".corrupt-") }.sorted()
    }
}

struct EventCacheTests {
    static func sampleEvents(_ n: Int, seed: UInt64) -> [Event] {
        var rng = SplitMix64(seed: seed)
        return (0..<n).map { _ in RandomEvents.event(&rng) }
    }

    @Test func codecRoundTripsEveryField() throws {
        let events = EventCacheTests.sampleEvents(500, seed: 11)
        let blob = EventCodec.encode(events)
        #expect(try EventCodec.decode(blob) == events)
        #expect(try EventCodec.decode(EventCodec.encode([])) == [])
    }

    @Test(arguments: [1, 2, 4])
    func codecDecodesSegmentsInParallelInOrder(threads: Int) throws {
        let events = EventCacheTests.sampleEvents(500, seed: 12)
        let blob = EventCodec.encode(events, segmentSize: 64)
        #expect(try EventCodec.decode(blob, parallelism: threads) == events)
        // Damage in a late segment fails the whole decode (and frees what the others decoded).
        var damaged = blob
        damaged[damaged.count - 40] = 0xFF
        damaged[damaged.count - 39] = 0xFF
        #expect(throws: EventCodec.DecodeError.self) { try EventCodec.decode(Array(damaged.dropLast(3)), parallelism: threads) }
    }

    @Test func codecRefusesDamagedBlobs() {
        let blob = EventCodec.encode(EventCacheTests.sampleEvents(20, seed: 3))
        #expect(throws: EventCodec.DecodeError.self) { try EventCodec.decode(Array(blob.prefix(blob.count / 2))) }
        #expect(throws: EventCodec.DecodeError.self) { try EventCodec.decode(Array("EVQX".utf8) + blob.dropFirst(4)) }
        #expect(throws: EventCodec.DecodeError.self) { try EventCodec.decode(blob + [0]) }
        var rng = SplitMix64(seed: 8)
        for _ in 0..<200 {
            var damaged = blob
            damaged[Int.random(in: 5..<damaged.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
            _ = try? EventCodec.decode(damaged)  // must not crash; may or may not decode
        }
    }

    @Test func documentsRoundTripByHashAndExtractorVersion() throws {
        let dir = TempDir()
        let cache = try EventCache(path: dir.database)
        #expect(cache.warnings.isEmpty)
        let doc = DocumentFacts(name: "a.txt", title: "Title", bytes: 1200, givenDate: .day(Day(year: 2025, month: 12, day: 13)!),
                                dateSource: .dateline, variants: ["Bialacki": "Ales Bialiatski"], warnings: ["invalid UTF-8"],
                                window: .init(start: Day(year: 2025, month: 12, day: 13)!, end: nil), windowSource: .dateline)
        let events = EventCacheTests.sampleEvents(3, seed: 1)
        let hash = ContentDigest.fnv1a64Hex("article text")
        try cache.store([(hash, "x1", CachedDocument(facts: doc, events: events))])
        #expect(try cache.lookup(documentHashes: [hash], extractorVersion: "x1")[hash] == CachedDocument(facts: doc, events: events))
        #expect(try cache.lookup(documentHashes: [hash], extractorVersion: "x2").isEmpty)
        #expect(try cache.lookup(documentHashes: [ContentDigest.fnv1a64Hex("other text")], extractorVersion: "x1").isEmpty)
        let info = try cache.info()
        #expect(info.documents == 1 && info.documentEvents == 3 && info.extractorVersions == ["x1"])

        // A second process (here: a second connection) sees it after reopening.
        let reopened = try EventCache(path: dir.database)
        #expect(try reopened.lookup(documentHashes: [hash], extractorVersion: "x1")[hash]?.events == events)
        try reopened.clear()
        #expect(try reopened.lookup(documentHashes: [hash], extractorVersion: "x1").isEmpty)
        #expect(try reopened.info().documents == 0)
    }

    @Test func batchLookupAndPrune() throws {
        let dir = TempDir()
        let cache = try EventCache(path: dir.database)
        var entries: [(documentHash: String, extractorVersion: String, cached: CachedDocument)] = []
        for k in 0..<50 {
            let doc = DocumentFacts(name: "doc\(k).txt")
            entries.append((ContentDigest.fnv1a64Hex("text \(k)"), "x1", CachedDocument(facts: doc, events: EventCacheTests.sampleEvents(2, seed: UInt64(k)))))
        }
        entries.append((ContentDigest.fnv1a64Hex("text 0"), "x0", CachedDocument(facts: DocumentFacts(name: "old.txt"), events: [])))
        try cache.store(entries)
        let wanted = Set((0..<50).filter { $0 % 2 == 0 }.map { ContentDigest.fnv1a64Hex("text \($0)") } + ["ffffffffffffffff"])
        let found = try cache.lookup(documentHashes: wanted, extractorVersion: "x1")
        #expect(found.count == 25)
        #expect(found[ContentDigest.fnv1a64Hex("text 4")] == entries[4].cached)
        // Pruning removes other extractor versions only: other corpora share the cache.
        #expect(try cache.prune(otherThan: "x1") == 1)
        #expect(try cache.info().documents == 50)
        #expect(try cache.lookup(documentHashes: [ContentDigest.fnv1a64Hex("text 0")], extractorVersion: "x0").isEmpty)
    }

    @Test func snapshotRoundTripAcrossChunks() throws {
        let dir = TempDir()
        let cache = try EventCache(path: dir.database)
        let events = EventCacheTests.sampleEvents(3000, seed: 21)
        try cache.storeSnapshot(events, key: "k")
        // Stored in canonical order, so the corpus made of it needs no sort.
        let loaded = try cache.loadSnapshot(key: "k")
        #expect(loaded == Corpus.canonicallySorted(events))
        #expect(loaded.map(Corpus.isCanonicallySorted) == true)
        #expect(try cache.loadSnapshot(key: "other") == nil)
        try cache.storeSnapshot(Array(events.prefix(10)), key: "k")
        #expect(try cache.loadSnapshot(key: "k") == Corpus.canonicallySorted(Array(events.prefix(10))))
        #expect(try cache.info().snapshotEvents == 10)
        try cache.storeSnapshot([], key: "empty")
        #expect(try cache.loadSnapshot(key: "empty") == [])
    }

    /// Many small chunks of whole segments, decoded as they are read, on one and two threads.
    @Test(arguments: [1 << 10, 1 << 14, 1 << 30])
    func snapshotDecodesChunkByChunk(chunkSize: Int) throws {
        let dir = TempDir()
        let cache = try EventCache(path: dir.database)
        let events = Corpus.canonicallySorted(EventCacheTests.sampleEvents(4000, seed: 22))
        let parts = EventCodec.encodeParts(events, segmentSize: 100)
        try cache.queue.write { db in
            try EventCache.writeSnapshot(db, parts: parts, eventCount: events.count, key: "k", now: Date(), chunkSize: chunkSize)
        }
        let chunks = try cache.queue.read { db in try Int.fetchOne(db, sql: "SELECT chunks FROM snapshots") }
        // The header, then 40 segments of 100 events: one per chunk when a segment exceeds the
        // chunk size, all in one when nothing does, a few per chunk in between.
        switch chunkSize {
        case 1 << 10: #expect(chunks == 41)
        case 1 << 30: #expect(chunks == 2)
        default: #expect((3...40).contains(chunks ?? 0))
        }
        #expect(try cache.loadSnapshot(key: "k") == events)
    }

    /// A whole blob from `EventCodec.encode` (as a caller storing its own snapshot has) is cut
    /// at its segments and reads back the same.
    @Test func wholeBlobSnapshotRoundTrips() throws {
        let dir = TempDir()
        let cache = try EventCache(path: dir.database)
        let events = Corpus.canonicallySorted(EventCacheTests.sampleEvents(3000, seed: 25))
        let blob = EventCodec.encode(events, segmentSize: 100)
        try cache.queue.write { db in
            try EventCache.writeSnapshot(db, blob: blob, eventCount: events.count, key: "k", now: Date(), chunkSize: 1 << 12)
        }
        #expect(try cache.loadSnapshot(key: "k") == events)
        let split = try blob.withUnsafeBufferPointer { (b) throws(EventCodec.DecodeError) in try EventCodec.Parts(splitting: b) }
        #expect(split.blob == blob && split.segments.count == 30)
    }

    /// A damaged or incomplete snapshot reads as none (so the file is imported again and the
    /// snapshot replaced), never as wrong events or an error.
    @Test(arguments: ["flip", "drop-chunk", "short-chunk"])
    func damagedSnapshotReadsAsMissing(kind: String) throws {
        let dir = TempDir()
        let cache = try EventCache(path: dir.database)
        let events = EventCacheTests.sampleEvents(3000, seed: 23)
        let parts = EventCodec.encodeParts(events, segmentSize: 100)
        try cache.queue.write { db in
            try EventCache.writeSnapshot(db, parts: parts, eventCount: events.count, key: "k", now: Date(), chunkSize: 1 << 12)
            switch kind {
            case "flip":
                var data = try Data.fetchOne(db, sql: "SELECT data FROM snapshot_chunks WHERE seq = 3") ?? Data()
                for i in stride(from: 0, to: data.count, by: 7) { data[i] = 0xFF }
                try db.execute(sql: "UPDATE snapshot_chunks SET data = ? WHERE seq = 3", arguments: [data])
            case "drop-chunk":
                try db.execute(sql: "DELETE FROM snapshot_chunks WHERE seq = 2")
            default:
                try db.execute(sql: "UPDATE snapshot_chunks SET data = substr(data, 1, 100) WHERE seq = 2")
            }
        }
        #expect(try cache.loadSnapshot(key: "k") == nil)
        try cache.storeSnapshot(events, key: "k")
        #expect(try cache.loadSnapshot(key: "k")?.count == 3000)
    }

    /// Each distinct actor, place or source list is built once and shared by the events that
    /// name it (that is where most of the memory of a large event set goes).
    @Test func decodedListsShareStorage() throws {
        let names = ["Minsk", "Vilnius and a name longer than fifteen bytes", "Kyiv"]
        let events = (0..<200).map { i in
            Event(id: "e\(i)", type: .arrest, actors: [names[i % 2]], places: i % 3 == 0 ? [] : names, sources: ["s\(i % 5).txt"])
        }
        let decoded = try EventCodec.decode(EventCodec.encode(events, segmentSize: 64), parallelism: 1)
        #expect(decoded == events)
        func storage(_ list: [String]) -> UnsafeRawPointer? { list.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) } }
        #expect(Set(decoded.map { storage($0.places) }).count == 2)  // the shared empty list and one other
        #expect(Set(decoded.map { storage($0.actors) }).count == 2)
        #expect(Set(decoded.map { storage($0.sources) }).count == 5)
    }

    /// Storing a newer version of a file's snapshot drops the older ones of that file only.
    @Test func newerSnapshotOfAFileReplacesOlderKeys() throws {
        let dir = TempDir()
        let cache = try EventCache(path: dir.database)
        let events = EventCacheTests.sampleEvents(20, seed: 24)
        try cache.storeSnapshot(events, key: "file:/data/a.jsonl|100|1|codec3")
        try cache.storeSnapshot(events, key: "file:/data/b.jsonl|100|1|codec3")
        try cache.storeSnapshot(events, key: "file:/data/a.jsonl|120|2|codec3")
        #expect(try cache.loadSnapshot(key: "file:/data/a.jsonl|100|1|codec3") == nil)
        #expect(try cache.loadSnapshot(key: "file:/data/a.jsonl|120|2|codec3")?.count == 20)
        #expect(try cache.loadSnapshot(key: "file:/data/b.jsonl|100|1|codec3")?.count == 20)
        #expect(try cache.info().snapshots == 2)
        let orphans = try cache.queue.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM snapshot_chunks WHERE key NOT IN (SELECT key FROM snapshots)")
        }
        #expect(orphans == 0)
    }

    @Test func walModeApplicationIDAndSchemaVersion() throws {
        let dir = TempDir()
        let cache = try EventCache(path: dir.database)
        let (mode, appID, version) = try cache.queue.read { db in
            (
                try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int32.fetchOne(db, sql: "PRAGMA application_id"),
                try Int.fetchOne(db, sql: "PRAGMA user_version")
            )
        }
        #expect(mode == "wal")
        #expect(appID == EventCache.applicationID)
        #expect(version == EventCache.schemaVersion)
    }

    @Test(arguments: ["garbage", "empty-header", "truncated"])
    func corruptFileIsSetAsideAndRebuilt(kind: String) throws {
        let dir = TempDir()
        do {
            let cache = try EventCache(path: dir.database)
            try cache.storeSnapshot(EventCacheTests.sampleEvents(2000, seed: 2), key: "k")
            try cache.queue.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
            try cache.queue.close()
        }
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: dir.database)))
        switch kind {
        case "garbage": bytes = Array("this is not a database at all, just text\n".utf8) + Array(repeating: 0x41, count: 5000)
        case "empty-header": for i in 0..<100 { bytes[i] = 0 }
        default: bytes = Array(bytes.prefix(bytes.count / 3)); for i in 100..<min(4000, bytes.count) { bytes[i] = 0xFF }
        }
        try? FileManager.default.removeItem(atPath: dir.database + "-wal")
        try? FileManager.default.removeItem(atPath: dir.database + "-shm")
        try Data(bytes).write(to: URL(fileURLWithPath: dir.database))

        let cache = try EventCache(path: dir.database, now: Date(timeIntervalSince1970: 1_700_000_000))
        #expect(cache.warnings.count == 1)
        #expect(cache.warnings.first?.message.contains("moved it to") == true)
        #expect(dir.asideFiles().contains("events.sqlite.corrupt-1700000000"))
        #expect(try cache.loadSnapshot(key: "k") == nil)
        try cache.storeSnapshot(EventCacheTests.sampleEvents(5, seed: 4), key: "k")
        #expect(try cache.loadSnapshot(key: "k")?.count == 5)
    }

    @Test func foreignSQLiteDatabaseIsSetAsideUntouched() throws {
        let dir = TempDir()
        try FileManager.default.createDirectory(atPath: dir.path + "/evq", withIntermediateDirectories: true)
        do {
            let other = try DatabaseQueue(path: dir.database)
            try other.write { db in try db.execute(sql: "CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO photos (name) VALUES ('x')") }
            try other.close()
        }
        let cache = try EventCache(path: dir.database, now: Date(timeIntervalSince1970: 1_700_000_001))
        #expect(cache.warnings.first?.message.contains("another program") == true)
        let aside = dir.path + "/evq/events.sqlite.corrupt-1700000001"
        let kept = try DatabaseQueue(path: aside)
        #expect(try kept.read { db in try String.fetchAll(db, sql: "SELECT name FROM photos") } == ["x"])
        #expect(try kept.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } == "delete")
        #expect(try cache.info().documents == 0)
    }

    @Test func olderSchemaIsRebuiltInPlace() throws {
        let dir = TempDir()
        do {
            let cache = try EventCache(path: dir.database)
            try cache.storeSnapshot(EventCacheTests.sampleEvents(3, seed: 1), key: "k")
            try cache.queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA user_version = 0") }
            try cache.queue.close()
        }
        let cache = try EventCache(path: dir.database)
        #expect(try cache.loadSnapshot(key: "k") == nil)
        #expect(dir.asideFiles().isEmpty)
    }

    /// A writer killed mid-transaction leaves the files as they are at that moment; copying
    /// them then and opening the copy shows what the next start would see: the old state only.
    @Test func halfWrittenSnapshotIsNeverVisible() throws {
        let dir = TempDir()
        let cache = try EventCache(path: dir.database)
        let old = Corpus.canonicallySorted(EventCacheTests.sampleEvents(50, seed: 6))
        try cache.storeSnapshot(old, key: "k")
        let big = EventCodec.encodeParts(EventCacheTests.sampleEvents(60_000, seed: 7))
        #expect(big.blob.count > 1 << 20)
        let crashCopy = dir.path + "/crash"
        try FileManager.default.createDirectory(atPath: crashCopy + "/evq", withIntermediateDirectories: true)
        var walBytes = 0
        try cache.queue.inTransaction { db in
            // A tiny page cache makes SQLite spill uncommitted pages into the WAL, as it does
            // for a real million-event snapshot.
            try db.execute(sql: "PRAGMA cache_size = 10")
            try EventCache.writeSnapshot(db, parts: big, eventCount: 60_000, key: "k", now: Date(), chunkSize: 1 << 18)
            try EventCache.writeSnapshot(db, parts: big, eventCount: 60_000, key: "k2", now: Date(), chunkSize: 1 << 18)
            walBytes = ((try? FileManager.default.attributesOfItem(atPath: dir.database + "-wal"))?[.size] as? Int) ?? 0
            for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: dir.database + suffix) {
                try FileManager.default.copyItem(atPath: dir.database + suffix, toPath: crashCopy + "/evq/events.sqlite" + suffix)
            }
            return .rollback
        }
        #expect(walBytes > big.blob.count)  // the half-written data really was on disk
        let afterCrash = try EventCache(path: crashCopy + "/evq/events.sqlite")
        #expect(afterCrash.warnings.isEmpty)
        #expect(try afterCrash.loadSnapshot(key: "k") == old)
        #expect(try afterCrash.loadSnapshot(key: "k2") == nil)
        #expect(try cache.loadSnapshot(key: "k") == old)
    }

    @Test(arguments: [
        (["XDG_CACHE_HOME": "/x/cache", "HOME": "/home/u"], "/x/cache/evq/events.sqlite"),
        (["XDG_CACHE_HOME": "relative/cache", "HOME": "/home/u"], "/home/u/.cache/evq/events.sqlite"),
        (["XDG_CACHE_HOME": "", "HOME": "/home/u/"], "/home/u/.cache/evq/events.sqlite"),
        (["HOME": "/root"], "/root/.cache/evq/events.sqlite"),
    ])
    func locationFollowsXDG(environment: [String: String], expected: String) {
        #expect(CacheLocation.databasePath(environment: environment) == expected)
    }

    @Test func unusableLocationsAreErrorsNotCrashes() throws {
        let dir = TempDir()
        let file = dir.path + "/plain-file"
        try "x".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(throws: CacheError.self) { try EventCache(path: file + "/evq/events.sqlite") }
        #expect(throws: CacheError.self) { try EventCache.openDefault(environment: [:]) }
        let cache = try EventCache.openDefault(environment: ["XDG_CACHE_HOME": dir.path])
        #expect(cache.path == dir.path + "/evq/events.sqlite")
    }

    @Test func noHomeMeansNoLocation() {
        #expect(CacheLocation.databasePath(environment: [:]) == nil)
    }

    @Test func contentDigestIsFNV1a64InItsFirstLane() {
        #expect(ContentDigest.fnv1a64Hex("") == "cbf29ce484222325")
        #expect(ContentDigest.fnv1a64Hex("a") == "af63dc4c8601ec8c")
        #expect(ContentDigest.fnv1a64Hex("a") != ContentDigest.fnv1a64Hex("b"))
        // The 128-bit form starts with that lane and differs in the second.
        #expect(ContentDigest.hex(of: Array("a".utf8)).hasPrefix("af63dc4c8601ec8c"))
        #expect(ContentDigest.hex(of: Array("a".utf8)) != ContentDigest.hex(of: Array("b".utf8)))
        #expect(ContentDigest.hex(of: Array("a".utf8)).count == 32)
    }
}

/// `Corpus.canonicallySorted` (key sort, used by `Corpus.init`) must order exactly as
/// `Corpus.canonicalOrder` does.
struct CanonicalSortTests {
    @Test(arguments: [1, 2, 3])
    func keySortMatchesTheComparator(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        var events = (0..<2000).map { _ in RandomEvents.event(&rng) }
        events += events.prefix(50).map { var e = $0; e.id = "z" + e.id; return e }
        #expect(Corpus.canonicallySorted(events).map(\.id) == events.sorted(by: Corpus.canonicalOrder).map(\.id))
    }

    /// The in-place permutation moves every event intact (not only its id), whether the array
    /// is shared with the caller or not, and sorted input is recognised as such.
    @Test(arguments: [4, 5])
    func inPlaceSortKeepsEventsWhole(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let events = (0..<3000).map { _ in RandomEvents.event(&rng) }
        let expected = events.sorted(by: Corpus.canonicalOrder)
        #expect(!Corpus.isCanonicallySorted(events))
        #expect(Corpus.isCanonicallySorted(expected))
        var shared = events
        Corpus.sortCanonically(&shared)
        #expect(shared.map(\.id) == expected.map(\.id))
        #expect(Set(shared) == Set(events) && shared.count == events.count)
        #expect(Corpus(events: events).all == shared)
        #expect(Corpus(events: shared).all == shared)
        // Neighbours that differ only in id, or only in the end of their interval.
        let day = Day(year: 2025, month: 3, day: 1)!
        let ties = [
            Event(id: "b", type: .arrest, date: .day(day)), Event(id: "a", type: .arrest, date: .day(day)),
            Event(id: "c", type: .arrest, date: EventDate(start: day, end: day.adding(days: 3), precision: .range)),
            Event(id: "d", type: .arrest, date: EventDate(start: day, end: day.adding(days: 1), precision: .range)),
        ]
        #expect(!Corpus.isCanonicallySorted(ties))
        #expect(Corpus(events: ties).all.map(\.id) == ["a", "b", "d", "c"])
        #expect(Corpus.isCanonicallySorted([]) && Corpus.isCanonicallySorted([ties[0]]))
    }
}

/// The compact stored form of dates reads back what was written, including the extremes.
struct CompactDateTests {
    @Test(arguments: [Int.min, Int.min + 1, -1, 0, 20_000, Int.max])
    func dayNumbersRoundTrip(number: Int) {
        var date = EventDate.missing
        #expect(date.start == nil && date.end == nil && date.isMissing)
        date.start = Day(number: number)
        date.end = Day(number: number)
        // No calendar day has the number Int.min; it is kept as the next one rather than lost.
        let expected = number == Int.min ? Int.min + 1 : number
        #expect(date.start?.number == expected && date.end?.number == expected)
        date.start = nil
        #expect(date.start == nil && date.end?.number == expected)
        #expect(EventDate(start: Day(number: 5), end: Day(number: 3), precision: .range).start?.number == 3)
    }
}
