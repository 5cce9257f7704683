import EvqExtract
import EvqModel
import Foundation
import GRDB
import Testing

@testable import EvqStore

/// The event cache as evq uses it: a restart gives exactly the corpus a fresh extraction
/// gives, while reading only what changed.
struct CachingCorpusLoaderTests {
    static let devSet = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("EvqExtractTests/DevSet").path

    /// A copy of the development set's articles (not its gold files) in `dir/articles`.
    static func copyArticles(to dir: borrowing TempDir) throws -> (folder: String, names: [String]) {
        let folder = dir.path + "/articles"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let names = try FileManager.default.contentsOfDirectory(atPath: devSet)
            .filter { ["txt", "md", "html"].contains(($0 as NSString).pathExtension) }.sorted()
        for name in names { try FileManager.default.copyItem(atPath: devSet + "/" + name, toPath: folder + "/" + name) }
        return (folder, names)
    }

    static func uncached(_ paths: [String]) throws -> LoadResult {
        try CachingCorpusLoader(cache: nil).load(paths: paths)
    }

    @Test func secondLoadReusesEveryArticleAndGivesTheSameCorpus() throws {
        let dir = TempDir()
        let (folder, names) = try Self.copyArticles(to: dir)
        #expect(names.count >= 12)
        let reference = try Self.uncached([folder])
        #expect(reference.statistics.reusedArticles == 0)

        let first = try CachingCorpusLoader(cache: EventCache(path: dir.database), buildIdentity: "t").load(paths: [folder])
        #expect(first.statistics.articles == names.count && first.statistics.reusedArticles == 0)
        #expect(first.corpus == reference.corpus)
        #expect(first.warnings == reference.warnings)

        // A new process: a new connection to the same file.
        let second = try CachingCorpusLoader(cache: EventCache(path: dir.database), buildIdentity: "t").load(paths: [folder])
        #expect(second.statistics.reusedArticles == names.count)
        #expect(second.corpus == reference.corpus)
        #expect(second.warnings == reference.warnings)
        let info = try EventCache(path: dir.database).info()
        #expect(info.documents == names.count && info.corpora == 1)
    }

    @Test func anEditedArticleIsTheOnlyOneReadAgain() throws {
        let dir = TempDir()
        let (folder, names) = try Self.copyArticles(to: dir)
        let loader = try CachingCorpusLoader(cache: EventCache(path: dir.database), buildIdentity: "t")
        let original = try loader.load(paths: [folder]).corpus
        // The sentence reports a new arrest, so the edit changes the corpus.
        let edited = folder + "/" + names[0]
        let text = try String(contentsOfFile: edited, encoding: .utf8)
        try (text + "\nPolice in Hrodna detained seven activists on Monday, the Viasna rights group said.\n")
            .write(toFile: edited, atomically: true, encoding: .utf8)
        let again = try loader.load(paths: [folder])
        let reference = try Self.uncached([folder])
        #expect(again.statistics.reusedArticles == names.count - 1)
        #expect(again.corpus == reference.corpus)
        #expect(again.corpus != original)
    }

    @Test func aNewSidecarFileIsSeenAtTheNextLoad() throws {
        let dir = TempDir()
        let (folder, names) = try Self.copyArticles(to: dir)
        let loader = try CachingCorpusLoader(cache: EventCache(path: dir.database), buildIdentity: "t")
        _ = try loader.load(paths: [folder])
        let article = names[2]
        let base = (article as NSString).deletingPathExtension
        try "date: 2020-02-02\ntitle: Given by a sidecar\n".write(toFile: folder + "/" + base + ".meta", atomically: true, encoding: .utf8)
        let again = try loader.load(paths: [folder])
        let doc = again.corpus.documents.first { $0.name == article }
        #expect(doc?.dateSource == .metadata && doc?.title == "Given by a sidecar")
        #expect(again.corpus == (try Self.uncached([folder])).corpus)
        #expect(again.statistics.reusedArticles == names.count - 1)
    }

    @Test func anUndatedArticleIsReadAgainWhenTheArticleItsDateComesFromChanges() throws {
        let dir = TempDir()
        let folder = dir.path + "/news"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        func dated(_ year: Int) -> String {
            "MINSK, Belarus, Dec. 13, \(year) (AP) — Authorities released 123 political prisoners today, rights groups said.\n"
        }
        try dated(2025).write(toFile: folder + "/a.txt", atomically: true, encoding: .utf8)
        try "On December 13, 123 political prisoners were released. On Tuesday officials met again in Vilnius, the ministry said.\n"
            .write(toFile: folder + "/b.txt", atomically: true, encoding: .utf8)
        let loader = try CachingCorpusLoader(cache: EventCache(path: dir.database), buildIdentity: "t")
        let first = try loader.load(paths: [folder])
        let b = first.corpus.documents.first { $0.name == "b.txt" }
        #expect(b?.dateSource == .inferred)
        #expect(b?.published.text == "on or after 2025-12-14")

        try dated(2024).write(toFile: folder + "/a.txt", atomically: true, encoding: .utf8)
        let again = try loader.load(paths: [folder])
        #expect(again.statistics.reusedArticles == 0)  // a changed; b's window moved with it
        #expect(again.corpus == (try Self.uncached([folder])).corpus)
        #expect(again.corpus.documents.first { $0.name == "b.txt" }?.published.text == "on or after 2024-12-14")
    }

    @Test func anEventSetIsImportedAgainOnlyWhenItsFileChanges() throws {
        let dir = TempDir()
        let file = dir.path + "/events.jsonl"
        try "{\"type\":\"release\",\"date\":\"2025-12-13\",\"count\":123}\n{\"type\":\"arrest\",\"date\":\"2025-11\"}\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        let loader = try CachingCorpusLoader(cache: EventCache(path: dir.database), buildIdentity: "t")
        let first = try loader.load(paths: [file])
        #expect(first.statistics.eventSets == 1 && first.statistics.reusedEventSets == 0 && first.corpus.all.count == 2)
        let second = try loader.load(paths: [file])
        #expect(second.statistics.reusedEventSets == 1 && second.corpus == first.corpus)
        try "{\"type\":\"release\",\"date\":\"2025-12-13\",\"count\":123}\n{\"type\":\"arrest\",\"date\":\"2025-11\"}\n{\"type\":\"meeting\"}\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        let third = try loader.load(paths: [file])
        #expect(third.statistics.reusedEventSets == 0 && third.corpus.all.count == 3)
    }

    @Test func anotherBuildReusesNothingAndPrunesTheOldEntries() throws {
        let dir = TempDir()
        let (folder, names) = try Self.copyArticles(to: dir)
        _ = try CachingCorpusLoader(cache: EventCache(path: dir.database), buildIdentity: "build-1").load(paths: [folder])
        let other = try CachingCorpusLoader(cache: EventCache(path: dir.database), buildIdentity: "build-2").load(paths: [folder])
        #expect(other.statistics.reusedArticles == 0)
        let info = try EventCache(path: dir.database).info()
        #expect(info.documents == names.count)
        #expect(info.extractorVersions == [Extractor.version + "+build-2"])
    }

    @Test func aFailingCacheGivesOneWarningAndTheSameCorpus() throws {
        let dir = TempDir()
        let (folder, _) = try Self.copyArticles(to: dir)
        let cache = try EventCache(path: dir.database)
        // Another program overwrites the file under the open connection: every read and write
        // now fails with SQLITE_NOTADB.
        try Data(repeating: 0x55, count: 65_536).write(to: URL(fileURLWithPath: dir.database))
        let result = try CachingCorpusLoader(cache: cache, buildIdentity: "t").load(paths: [folder])
        let reference = try Self.uncached([folder])
        #expect(result.corpus == reference.corpus)
        let cacheWarnings = result.warnings.filter { $0.contains("going on without the cache") }
        #expect(cacheWarnings.count == 1)
    }

    @Test func damagedEntriesAreExtractedAgainAndReplaced() throws {
        let dir = TempDir()
        let (folder, names) = try Self.copyArticles(to: dir)
        let loader = try CachingCorpusLoader(cache: EventCache(path: dir.database), buildIdentity: "t")
        _ = try loader.load(paths: [folder])
        let db = try DatabaseQueue(path: dir.database)
        try db.write { db in
            try db.execute(sql: "UPDATE documents SET document = x'7b00' WHERE rowid = (SELECT min(rowid) FROM documents)")
            try db.execute(sql: "UPDATE corpora SET documents = x'0102'")
        }
        try db.close()
        let again = try loader.load(paths: [folder])
        #expect(again.statistics.reusedArticles == names.count - 1)
        #expect(again.corpus == (try Self.uncached([folder])).corpus)
        #expect(!again.warnings.contains { $0.contains("cache") })
        let third = try loader.load(paths: [folder])
        #expect(third.statistics.reusedArticles == names.count)  // both were replaced
    }

    @Test func interruptedLoadStoresNothing() throws {
        let dir = TempDir()
        let (folder, _) = try Self.copyArticles(to: dir)
        let loader = try CachingCorpusLoader(cache: EventCache(path: dir.database), buildIdentity: "t")
        var asked = 0
        #expect(throws: CorpusLoader.LoadError.self) {
            _ = try loader.load(paths: [folder]) {
                asked += 1
                return asked > 3
            }
        }
        let info = try EventCache(path: dir.database).info()
        #expect(info.documents == 0 && info.corpora == 0)
    }
}

/// The documents of a corpus snapshot survive the round trip, and damaged bytes are refused,
/// never trusted or crashed on.
struct DocumentCodecTests {
    @Test func roundTripsEveryField() throws {
        let docs = [
            Document(name: "a.txt", title: "Ціханоўская in Vilnius", published: .day(Day(year: 2025, month: 12, day: 13)!, text: "Dec. 13"),
                     dateSource: .dateline, datelinePlace: "VILNIUS, Lithuania", eventCount: 4, bytes: 1234),
            Document(name: "b.md", published: EventDate(missingText: "on or after 2025-12-14"), dateSource: .inferred),
            Document(name: "c.html", published: EventDate(start: Day(year: 2025, month: 1, day: 1)!, end: Day(year: 2025, month: 3, day: 31)!, precision: .range)),
        ]
        #expect(try DocumentCodec.decode(DocumentCodec.encode(docs)) == docs)
        #expect(try DocumentCodec.decode(DocumentCodec.encode([])) == [])
    }

    @Test func damagedBlobsAreRefusedOrDecodedNeverCrashedOn() {
        let docs = (0..<20).map { Document(name: "doc\($0).txt", title: "Title \($0)", published: .day(Day(number: 20_000 + $0)), eventCount: $0) }
        let blob = DocumentCodec.encode(docs)
        var rng = SplitMix64(seed: 99)
        for _ in 0..<3_000 {
            var damaged = blob
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                damaged[Int.random(in: 0..<damaged.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
            }
            if Bool.random(using: &rng) { damaged.removeLast(Int.random(in: 0..<min(40, damaged.count), using: &rng)) }
            _ = try? DocumentCodec.decode(damaged)
        }
        #expect(throws: EventCodec.DecodeError.self) { try DocumentCodec.decode(Array(blob.prefix(blob.count / 2))) }
        #expect(throws: EventCodec.DecodeError.self) { try DocumentCodec.decode(Array("not a blob".utf8)) }
    }
}
