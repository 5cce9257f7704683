import EvqModel
import Foundation
import Testing

@testable import EvqStore

/// The importer must read exactly what `EventSetIO.read` reads, to the same events.
struct EventSetImporterTests {
    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8])
    func fullFormRoundTripMatchesEventSetIO(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let events = (0..<300).map { _ in RandomEvents.event(&rng) }
        let text = EventSetIO.writeJSONL(events)
        let reference = try EventSetIO.read(text, file: "r.jsonl")
        let fast = try EventSetImporter().read(json: text, file: "r.jsonl")
        #expect(fast == reference)
        #expect(fast == events)
    }

    /// Intervals imported without a precision get the one their shape states, by one rule.
    @Test func intervalsWithoutPrecisionMatchEventSetIO() throws {
        let text = """
            {"type":"release","date":{"start":"2025-06-01","end":"2025-06-30"}}
            {"type":"release","date":{"start":"2025-01-01","end":"2025-12-31"}}
            {"type":"release","date":{"start":"2025-06-03","end":"2025-06-03"}}
            {"type":"release","date":{"start":"2025-06","end":"2025-06"}}
            {"type":"release","date":{"start":"2025-06-03","end":"2025-07-03"}}
            {"type":"release","date":2025}

            """
        let fast = try EventSetImporter().read(json: text, file: "p.jsonl")
        #expect(fast == (try EventSetIO.read(text, file: "p.jsonl")))
        #expect(fast.map(\.date.precision) == [.month, .year, .day, .month, .range, .year])
        #expect(throws: ImportError.self) { try EventSetImporter().read(json: "{\"type\":\"x\",\"date\":9223372036854775807}\n", file: "y.jsonl") }
    }

    @Test func crlfFilesMatchEventSetIO() throws {
        var rng = SplitMix64(seed: 77)
        let events = (0..<40).map { _ in RandomEvents.event(&rng) }
        let text = events.map { EventSetIO.jsonLine($0) }.joined(separator: "\r\n") + "\r\n"
        #expect(try EventSetImporter().read(json: text, file: "w.jsonl") == EventSetIO.read(text, file: "w.jsonl"))
        #expect(try EventSetImporter().read(json: text, file: "w.jsonl") == events)
    }

    @Test func jsonArrayMatchesEventSetIO() throws {
        var rng = SplitMix64(seed: 99)
        let events = (0..<50).map { _ in RandomEvents.event(&rng) }
        let text = EventSetIO.writeJSON(events)
        #expect(try EventSetImporter().read(json: text, file: "a.json") == EventSetIO.read(text, file: "a.json"))
        #expect(try EventSetImporter().read(json: text, file: "a.json") == events)
    }

    /// Compact forms and odd-but-valid lines, each checked against `EventSetIO.read`.
    @Test(arguments: [
        #"{"type":"release","date":"2025"}"#,
        #"{"type":"release","date":"2025-09"}"#,
        #"{"type":"release","date":"2025-09-11"}"#,
        #"{"type":"release","date":"2024-07..2025-12"}"#,
        #"{"type":"release","date":" 2025-09 "}"#,
        #"{"type":"release","date":2024}"#,
        #"{"type":"release","date":null}"#,
        #"{"type":"release","date":{"start":"2025-01-02"}}"#,
        #"{"type":"release","date":{"start":"2025-01","end":"2025-03"}}"#,
        #"{"type":"release","date":{"start":"2025-01","end":"2025-01"}}"#,
        #"{"type":"release","date":{"start":"2025-01-02","end":"2025-02-01","precision":"day","text":"early 2025"}}"#,
        #"{"type":"release","date":{"text":"some day"}}"#,
        #"{"type":"release","count":5}"#,
        #"{"type":"release","count":{"value":50,"qualifier":"more_than","text":"more than 50"}}"#,
        #"{"type":"release","count":{"value":null,"qualifier":"about"}}"#,
        #"{"type":"release","count":{"text":"hundreds"}}"#,
        #"{"type":"release","count":null}"#,
        #"{"type":"release","count":12.0}"#,
        #"{"type":"release","place":"Minsk","places":["Vilnius"]}"#,
        #"{"type":"release","source":"a.txt","sources":["b.txt"]}"#,
        #"{"type":"Protest","category":"whatever","extra":{"nested":[1,2,{"x":null}]}}"#,
        #"{"type":"rel\u0065ase","actors":["Bia\u0142iatski","\ud83c\udf89"]}"#,
        #"{"\u0074ype":"award","id":"x1"}"#,
        #"  {"type":"meeting","status":"expected","total":true,"id":""}  "#,
        #"{"type":"release","attributes":{"women":"15","men":"7"},"evidence":[{"source":"s","sentence":"t","span":{"start":1,"end":2}}]}"#,
        #"{"type":"release","actors":null,"places":null,"status":null,"total":null,"id":null}"#,
        // Escaped keys and values inside nested objects, and escaped names of enum values.
        #"{"type":"release","date":{"st\u0061rt":"2025-01-02","\u0065nd":"2025-01-09","pr\u0065cision":"r\u0061nge"}}"#,
        #"{"type":"release","count":{"v\u0061lue":3,"qu\u0061lifier":"\u0061t_least"},"status":"\u0065xpected"}"#,
        #"{"type":"release","evidence":[{"s\u006furce":"s","sentence":"t","sp\u0061n":{"st\u0061rt":1,"end":2}}]}"#,
        #"{"type":"rel\u0065ase"}"#,
        #"{"type":"RELEASE","status":"denied","count":{"value":2,"qualifier":"at_most"},"date":{"start":"2025-01","precision":"month"}}"#,
    ])
    func compactFormsMatchEventSetIO(line: String) throws {
        let reference = try EventSetIO.read(line, file: "c.jsonl")
        let fast = try EventSetImporter().read(json: line, file: "c.jsonl")
        #expect(fast == reference)
        #expect(fast.count == 1)
    }

    /// Lines `EventSetIO.read` rejects are rejected too, naming the line.
    @Test(arguments: [
        #"{"date":"2025"}"#,
        #"{"type":null}"#,
        #"{"type":5}"#,
        #"{"type":"release","date":"2025-13"}"#,
        #"{"type":"release","date":"yesterday"}"#,
        #"{"type":"release","date":true}"#,
        #"{"type":"release","count":"5"}"#,
        #"{"type":"release","count":{"value":1,"qualifier":"roughly"}}"#,
        #"{"type":"release","status":"maybe"}"#,
        #"{"type":"release","actors":"Coale"}"#,
        #"{"type":"release","actors":[1]}"#,
        #"{"type":"release","attributes":{"a":1}}"#,
        #"{"type":"release","evidence":[{"source":"s"}]}"#,
        #"{"type":"release"} trailing"#,
        #"{"type":"release""#,
        #"{"type":"rel"#,
        #"["#,
        #"not json"#,
        "{\"type\":\"re\u{01}lease\"}",
        #"{"type":"release","x":tru}"#,
        #"{"type":"release","x":[1,}"#,
    ])
    func invalidLinesAreRejectedWithTheirLine(line: String) {
        let text = "# a comment\n\n" + #"{"type":"release"}"# + "\n" + line + "\n"
        #expect(throws: (any Error).self) { try EventSetIO.read(text, file: "bad.jsonl") }
        do {
            _ = try EventSetImporter().read(json: text, file: "bad.jsonl")
            Issue.record("accepted: \(line)")
        } catch {
            if line == "[" || line.hasPrefix("[") { return }
            #expect(error.line == 4)
            #expect(error.description.hasPrefix("bad.jsonl:4: "))
        }
    }

    /// Values `EventSetIO` would not survive either are errors here, not crashes.
    @Test(arguments: [
        #"{"type":"release","date":9223372036854775807}"#,
        #"{"type":"release","date":-9223372036854775808}"#,
        #"{"type":"release","date":1e300}"#,
        String(repeating: "[", count: 5000),
        #"{"type":"release","x":"# + String(repeating: "[", count: 5000),
    ])
    func hostileValuesAreErrors(line: String) {
        #expect(throws: ImportError.self) { try EventSetImporter().read(json: line + "\n", file: "h.jsonl") }
    }

    @Test func missingTypeIsNamed() {
        #expect(throws: ImportError(file: "f.jsonl", line: 2, message: "missing field `type`")) {
            try EventSetImporter().read(json: "{\"type\":\"release\"}\n{\"date\":\"2025\"}\n", file: "f.jsonl")
        }
    }

    @Test func crlfBlankLinesCommentsAndByteOrderMark() throws {
        let text = "\u{FEFF}{\"type\":\"release\",\"count\":3}\r\n\r\n# note\r\n{\"type\":\"pardon\"}\r\n"
        let events = try EventSetImporter().read(json: text, file: "w.jsonl")
        #expect(events.map(\.type) == [.release, .pardon])
        #expect(events.first?.count == Quantity(value: 3))
    }

    /// Small chunks put line ends at every possible place relative to the chunk boundary.
    @Test(arguments: [16, 17, 64, 1000])
    func streamingInChunksGivesTheSameEvents(chunk: Int) throws {
        var rng = SplitMix64(seed: UInt64(chunk))
        let events = (0..<120).map { _ in RandomEvents.event(&rng) }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("evq-import-\(chunk)-\(UUID()).jsonl").path
        try EventSetIO.writeJSONL(events).write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try EventSetImporter(chunkSize: chunk).importFile(at: path) == events)
    }

    /// A file that starts with blanks longer than a chunk is still recognised as an array or
    /// as lines, and a file of blanks holds no events.
    @Test(arguments: [16, 40, 1 << 16])
    func leadingBlanksAcrossChunks(chunk: Int) throws {
        var rng = SplitMix64(seed: 77)
        let events = (0..<30).map { _ in RandomEvents.event(&rng) }
        let blanks = String(repeating: " \n", count: 50)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("evq-blank-\(chunk)-\(UUID()).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let array = "[" + events.map { EventSetIO.jsonLine($0) }.joined(separator: ",\n") + "]"
        for (text, expected) in [(blanks + array, events), (blanks + EventSetIO.writeJSONL(events), events), (blanks, [])] {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            #expect(try EventSetImporter(chunkSize: chunk, parallelism: 2).importFile(at: path) == expected)
        }
    }

    /// Parsing on several threads gives the same events in the same order, and errors keep
    /// their exact line number whichever part of the file they fall in.
    @Test(arguments: [2, 3, 4])
    func parallelParsingKeepsOrderAndLineNumbers(threads: Int) throws {
        var rng = SplitMix64(seed: UInt64(threads))
        let events = (0..<400).map { _ in RandomEvents.event(&rng) }
        let dir = FileManager.default.temporaryDirectory.path
        let path = dir + "/evq-par-\(threads)-\(UUID()).jsonl"
        var lines = events.map { EventSetIO.jsonLine($0) }
        lines.insert("# comment", at: 10)
        lines.insert("", at: 200)
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var importer = EventSetImporter(chunkSize: 5000, parallelism: threads)
        importer.parallelThreshold = 0
        #expect(try importer.importFile(at: path) == events)

        for badLine in [3, 150, 390] {
            var broken = lines
            broken[badLine - 1] = #"{"type":"release","count":"many"}"#
            try (broken.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
            #expect(throws: ImportError.self) { try importer.importFile(at: path) }
            do { _ = try importer.importFile(at: path) } catch { #expect(error.line == badLine) }
        }
    }

    @Test func unreadableAndEmptyFiles() throws {
        #expect(throws: ImportError.self) { try EventSetImporter().importFile(at: "/nonexistent/x.jsonl") }
        #expect(throws: ImportError.self) { try EventSetImporter().importFile(at: NSTemporaryDirectory()) }
        #expect(try EventSetImporter().read(json: "", file: "e.jsonl") == [])
        #expect(try EventSetImporter().read(json: "\n\n  \n", file: "e.jsonl") == [])
    }
}

/// Repeated name lists are read once and shared (see `ListInterner`), without changing what
/// is read.
struct ListInterningTests {
    @Test func repeatedListsShareOneArray() throws {
        let long = "a place name longer than fifteen bytes"
        var lines: [String] = []
        for i in 0..<60 {
            let places = i % 3 == 0 ? "[\"\(long)\", \"Minsk\"]" : i % 3 == 1 ? "[ \"\(long)\" ,\"Minsk\" ]" : "[\"q\\\"uote\"]"
            lines.append("{\"type\":\"arrest\",\"id\":\"e\(i)\",\"places\":\(places),\"actors\":[\"Person \(i)\"]}")
        }
        let text = lines.joined(separator: "\n")
        let events = try EventSetImporter().read(json: text, file: "l.jsonl")
        #expect(events == (try EventSetIO.read(text, file: "l.jsonl")))
        func storage(_ list: [String]) -> UnsafeRawPointer? { list.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) } }
        // Three spellings of lists, each shared from its second sighting on (the first is
        // only noted), so at most two arrays per spelling.
        let arrays = Set(events.map { storage($0.places) })
        #expect(arrays.count <= 6)
        #expect(Set(events.map(\.places)) == [[long, "Minsk"], ["q\"uote"]])
        // Unique lists are not shared.
        #expect(Set(events.map { storage($0.actors) }).count == 60)
    }

    /// Short raw lists are kept in their slot, long ones in the arena: both read back right,
    /// also once the table is full.
    @Test(arguments: ["", String(repeating: "and longer ", count: 4)])
    func aFullTableStillReadsCorrectly(padding: String) throws {
        var interner = ListInterner(capacity: 16)
        let lists = (0..<200).map { i in "[\"name number \(i % 40) is long enough\(padding)\"]" }
        for text in lists + lists + lists {
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { raw in
                let hash = ListInterner.hash(raw)
                if let shared = interner.lookup(raw, hash: hash) {
                    #expect("[\"\(shared[0])\"]" == text)
                } else {
                    interner.offer(raw, hash: hash, list: [String(text.dropFirst(2).dropLast(2))])
                }
            }
        }
    }
}
