import EvqLineEditor
import Foundation
import Testing

struct HistoryStoreTests {
    @Test func createdWithItsFoldersAndMode0600() throws {
        let path = temporaryFolder() + "/state/evq/history"
        var store = HistoryStore(path: path)
        store.append("releases")
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "releases\n")
    }

    @Test func survivesARestartWithMultiLineEntriesIntact() {
        let path = temporaryFolder() + "/history"
        var store = HistoryStore(path: path)
        store.append("releases |\n  take 1")
        store.append("match ~ \"a\\\\b\"")
        let reloaded = HistoryStore(path: path)
        #expect(reloaded.entries == ["releases |\n  take 1", "match ~ \"a\\\\b\""])
    }

    @Test func consecutiveDuplicatesAndBlanksAreSkipped() {
        let path = temporaryFolder() + "/history"
        var store = HistoryStore(path: path)
        let added = ["a", "a", "   ", "b", "a"].map { store.append($0) }
        #expect(added == [true, false, false, true, true])
        #expect(HistoryStore(path: path).entries == ["a", "b", "a"])
    }

    @Test func boundedInMemoryAndOnDisk() throws {
        let path = temporaryFolder() + "/history"
        var store = HistoryStore(path: path, limit: 10)
        for i in 0..<57 { store.append("q\(i)") }
        #expect(store.entries.count == 10)
        #expect(store.entries.last == "q56")
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count <= 11)
        #expect(lines.last == "q56")
        #expect(HistoryStore(path: path, limit: 10).entries == (47..<57).map { "q\($0)" })
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent) == ["history"])
    }

    @Test(arguments: [
        (["EVQ_HISTORY": "/x/h", "XDG_STATE_HOME": "/s", "HOME": "/home/u"], "/x/h"),
        (["XDG_STATE_HOME": "/s", "HOME": "/home/u"], "/s/evq/history"),
        (["XDG_STATE_HOME": "relative", "HOME": "/home/u"], "/home/u/.local/state/evq/history"),
        (["HOME": "/home/u"], "/home/u/.local/state/evq/history"),
    ])
    func pathFollowsTheEnvironment(environment: [String: String], expected: String) {
        #expect(HistoryStore.defaultPath(environment: environment) == expected)
    }

    @Test func noHomeMeansNoFile() {
        #expect(HistoryStore.defaultPath(environment: [:]) == nil)
    }
}

