import Foundation
import Testing

/// The event cache from the command line: `evq cache info|clear`, `.cache`, `--no-cache`, and a
/// damaged cache file set aside with a warning.
struct CacheCommandTests {
    static func cacheHome() -> String {
        let path = NSTemporaryDirectory() + "evq-cli-cache-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func aSecondRunAnswersFromTheCacheWithTheSameOutput() throws {
        let home = Self.cacheHome()
        let env = ["XDG_CACHE_HOME": home]
        let first = try Binary.run(["-c", "releases where date > 2025-09"], environment: env)
        let second = try Binary.run(["-c", "releases where date > 2025-09"], environment: env)
        #expect(first.status == 0 && second.status == 0)
        #expect(first.stdout == second.stdout)
        #expect(FileManager.default.fileExists(atPath: home + "/evq/events.sqlite"))
        let dot = try Binary.run(["-c", ".cache"], environment: env)
        #expect(dot.stdout.contains("event cache: \(home)/evq/events.sqlite"), "\(dot.stdout)")
        #expect(dot.stdout.contains("this corpus: 2 articles, 2 from the cache"), "\(dot.stdout)")
        let reload = try Binary.run(["-c", ".load seeds"], environment: env)
        #expect(reload.stderr.contains("documents (2 files from the event cache)"), "\(reload.stderr)")
        let info = try Binary.run(["cache", "info"], environment: env)
        #expect(info.status == 0)
        #expect(info.stdout.contains("articles: 2 ("), "\(info.stdout)")
        #expect(info.stdout.contains("merged corpora: 1 "), "\(info.stdout)")
        let clear = try Binary.run(["cache", "clear"], environment: env)
        #expect(clear.status == 0 && clear.stderr.contains("cleared"))
        #expect(try Binary.run(["cache", "info"], environment: env).stdout.contains("articles: 0 ("))
        let bad = try Binary.run(["cache", "purge"], environment: env)
        #expect(bad.status == 2 && bad.stderr.contains("info"), "\(bad.stderr)")
    }

    @Test func noCacheNeitherReadsNorWritesIt() throws {
        let home = Self.cacheHome()
        let run = try Binary.run(["--no-cache", "-c", "releases | count"], environment: ["XDG_CACHE_HOME": home])
        #expect(run.status == 0)
        #expect(!FileManager.default.fileExists(atPath: home + "/evq"))
        let dot = try Binary.run(["--no-cache", "-c", ".cache"], environment: ["XDG_CACHE_HOME": home])
        #expect(dot.stdout.contains("event cache: off (--no-cache)"), "\(dot.stdout)")
        let extract = try Binary.run(["extract", "seeds", "--no-cache"], environment: ["XDG_CACHE_HOME": home])
        #expect(extract.status == 0 && !FileManager.default.fileExists(atPath: home + "/evq"))
    }

    @Test func withoutACacheLocationEvqRunsQuietlyWithoutOne() throws {
        let run = try Binary.run(["-c", "releases | count"], environment: ["XDG_CACHE_HOME": "relative/ignored", "HOME": ""])
        #expect(run.status == 0 && run.stderr.isEmpty, "\(run.stderr)")
        let dot = try Binary.run(["-c", ".cache"], environment: ["XDG_CACHE_HOME": "", "HOME": ""])
        #expect(dot.stdout.contains("event cache: none (neither XDG_CACHE_HOME nor HOME"), "\(dot.stdout)")
        let info = try Binary.run(["cache", "info"], environment: ["XDG_CACHE_HOME": "", "HOME": ""])
        #expect(info.status == 1 && info.stderr.contains("evq: error: no event cache: neither"), "\(info.stderr)")
    }

    @Test(arguments: ["garbage", "damaged-sqlite"])
    func aDamagedOrForeignCacheIsSetAsideWithAWarning(kind: String) throws {
        let home = Self.cacheHome()
        let env = ["XDG_CACHE_HOME": home]
        let reference = try Binary.run(["--no-cache", "-c", "events | count by type"], environment: env)
        try FileManager.default.createDirectory(atPath: home + "/evq", withIntermediateDirectories: true)
        let db = home + "/evq/events.sqlite"
        if kind == "garbage" {
            try Data(repeating: 0x42, count: 10_000).write(to: URL(fileURLWithPath: db))
        } else {
            // SQLite's header, then damage.
            try Data(Array("SQLite format 3\u{0}".utf8) + [UInt8](repeating: 0xEE, count: 8_000)).write(to: URL(fileURLWithPath: db))
        }
        let run = try Binary.run(["-c", "events | count by type"], environment: env)
        #expect(run.status == 0)
        #expect(run.stdout == reference.stdout)
        #expect(run.stderr.contains("warning: the event cache") && run.stderr.contains("moved it to"), "\(run.stderr)")
        let again = try Binary.run(["-c", "events | count by type"], environment: env)
        #expect(again.stdout == reference.stdout && !again.stderr.contains("warning"), "\(again.stderr)")
        let aside = try FileManager.default.contentsOfDirectory(atPath: home + "/evq").filter { $0.contains(".corrupt-") }
        #expect(aside.count == 1)
    }

    @Test func anImportedEventSetIsCachedToo() throws {
        let home = Self.cacheHome()
        let file = home + "/events.csv"
        try "type,date,count,actors\nrelease,2025-12-13,123,Lukashenko\narrest,2025-11,,\n".write(toFile: file, atomically: true, encoding: .utf8)
        let env = ["XDG_CACHE_HOME": home]
        let first = try Binary.run(["--corpus", file, "-c", "events | count"], environment: env)
        #expect(first.status == 0 && first.stdout.contains("2"), "\(first.stderr)")
        let dot = try Binary.run(["--corpus", file, "-c", ".cache"], environment: env)
        #expect(dot.stdout.contains("1 event set, 1 from the cache"), "\(dot.stdout)")
    }
}
