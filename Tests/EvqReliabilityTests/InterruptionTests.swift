import Foundation
import Testing

/// Interruptions lose nothing: a process killed (SIGKILL) while it writes the event cache leaves
/// a cache the next run uses or rebuilds, and Ctrl-C during the first extraction ends evq with
/// status 130 and stores nothing. (scripts/reliability.sh kills at many more points.)
struct InterruptionTests {
    /// A corpus big enough that extracting and storing it takes a while: the development
    /// articles, each in several copies made distinct by a closing line.
    static func corpus(copies: Int) throws -> String {
        let devSet = Evq.root.appendingPathComponent("Tests/EvqExtractTests/DevSet").path
        let folder = Evq.folder() + "/corpus"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let names = try FileManager.default.contentsOfDirectory(atPath: devSet).filter { $0.hasSuffix(".txt") }.sorted()
        for name in names {
            let text = try String(contentsOfFile: devSet + "/" + name, encoding: .utf8)
            for k in 0..<copies {
                try (text + "\n(Copy \(k) of this report.)\n").write(toFile: folder + "/\(k)-\(name)", atomically: true, encoding: .utf8)
            }
        }
        return folder
    }

    /// Starts evq; returns the process and its output pipes (`discard`: output thrown away,
    /// so a child killed late never blocks on a full pipe).
    static func start(_ arguments: [String], cacheHome: String, discard: Bool = false) throws -> (Process, Pipe, Pipe) {
        guard let url = Evq.url else { throw CocoaError(.fileNoSuchFile) }
        let p = Process()
        p.executableURL = url
        p.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["XDG_CACHE_HOME"] = cacheHome
        env["NO_COLOR"] = "1"
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = discard ? FileHandle.nullDevice : out
        p.standardError = discard ? FileHandle.nullDevice : err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        return (p, out, err)
    }

    static func size(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
    }

    /// The write of this corpus puts about 230 KB into the log, so each size kills it at
    /// another point of the transaction.
    @Test(arguments: [1, 32 << 10, 128 << 10])
    func killedWhileWritingTheCacheLeavesOneTheNextRunCanUse(walBytes: Int) throws {
        let folder = try Self.corpus(copies: 4)
        let query = ["--corpus", folder, "-c", "events | sort date, id | take 400", "--format", "jsonl"]
        let reference = try Evq.run(["--no-cache"] + query)
        #expect(reference.status == 0)
        #expect(reference.stdout.count > 1000)

        let cacheHome = Evq.folder()
        let wal = cacheHome + "/evq/events.sqlite-wal"
        let (p, _, _) = try Self.start(query, cacheHome: cacheHome, discard: true)
        // Kill as soon as the write transaction has put `walBytes` into the write-ahead log
        // (or when the run ends first: then there was nothing to interrupt at this size).
        while p.isRunning, Self.size(wal) < walBytes { usleep(200) }
        if p.isRunning { kill(p.processIdentifier, SIGKILL) }
        p.waitUntilExit()
        // Early in the transaction the kill always lands (finishing ~200 KB of writes between
        // the poll and the signal does not happen); the last size may race with the commit.
        if walBytes <= 32 << 10 { #expect(p.terminationReason == .uncaughtSignal, "the run was not interrupted") }

        for attempt in 0..<2 {
            let next = try Evq.run(query, environment: ["XDG_CACHE_HOME": cacheHome])
            #expect(next.status == 0, "attempt \(attempt): \(next.stderr)")
            #expect(next.stdout == reference.stdout, "attempt \(attempt) differs from the uncached run")
            #expect(!next.stderr.contains("error"), "attempt \(attempt): \(next.stderr)")
        }
        let info = try Evq.run(["cache", "info"], environment: ["XDG_CACHE_HOME": cacheHome])
        #expect(info.text.contains("articles: \(try FileManager.default.contentsOfDirectory(atPath: folder).count) "), "\(info.text)")
    }

    @Test func ctrlCDuringTheFirstExtractionEndsWith130AndStoresNothing() throws {
        let folder = try Self.corpus(copies: 40)
        let cacheHome = Evq.folder()
        let (p, out, err) = try Self.start(["--corpus", folder, "-c", "events | count"], cacheHome: cacheHome)
        usleep(300_000)  // well into the extraction (it takes seconds), past the handler's installation
        #expect(p.isRunning)
        kill(p.processIdentifier, SIGINT)
        p.waitUntilExit()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(p.terminationReason == .exit)
        #expect(p.terminationStatus == 130)
        #expect(stderr.contains("interrupted"), "\(stderr)")
        #expect(stdout.isEmpty)
        let info = try Evq.run(["cache", "info"], environment: ["XDG_CACHE_HOME": cacheHome])
        #expect(info.text.contains("articles: 0 "), "\(info.text)")
    }
}
