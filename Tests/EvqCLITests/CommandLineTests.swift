import Foundation
import Testing

struct ExitCase: CustomTestStringConvertible, Sendable {
    var arguments: [String]
    var status: Int32
    var testDescription: String { "evq " + arguments.joined(separator: " ") }
}

@Suite(.serialized)
struct CommandLineTests {
    static let exits: [ExitCase] = [
        ExitCase(arguments: ["--version"], status: 0),
        ExitCase(arguments: ["--help"], status: 0),
        ExitCase(arguments: ["-c", ".types"], status: 0),
        ExitCase(arguments: ["extract", "seeds"], status: 0),
        ExitCase(arguments: ["-c", ".format yaml"], status: 1),
        ExitCase(arguments: ["-f", "/no/such/script.evq"], status: 1),
        ExitCase(arguments: ["--corpus", "/no/such/folder", "-c", ".types"], status: 1),
        ExitCase(arguments: ["extract", "/no/such/folder"], status: 1),
        ExitCase(arguments: ["--bogus"], status: 2),
        ExitCase(arguments: ["--format", "xml", "-c", ".types"], status: 2),
        ExitCase(arguments: ["--today", "2025-02-30", "-c", ".types"], status: 2),
        ExitCase(arguments: ["-c", ".types", "-f", "x.evq"], status: 2),
        ExitCase(arguments: ["extract"], status: 2),
        ExitCase(arguments: ["extract", "--format", "md", "seeds"], status: 2),
        ExitCase(arguments: ["test", "/no/such/script.evq"], status: 1),
        ExitCase(arguments: ["test", "--bogus"], status: 2),
    ]

    @Test(arguments: exits)
    func exitCodes(_ c: ExitCase) throws {
        let run = try Binary.run(c.arguments)
        #expect(run.status == c.status, "stderr: \(run.stderr)")
        if c.status == 2 { #expect(run.stderr.hasPrefix("evq: error: ")) }
    }

    @Test func aFailingQueryShowsItsColumnAndCaret() throws {
        let run = try Binary.run(["-c", "releases where date >"])
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("<command>:1:"))
        #expect(run.stderr.contains("error: "))
        #expect(run.stderr.contains(" 1 | releases where date >\n"))
        #expect(run.stderr.contains("^"))
    }

    @Test func pipedInputIsAScriptWithoutPrompts() throws {
        let run = try Binary.run([], input: ".format csv\n.types\n")
        #expect(run.status == 0)
        #expect(!run.stdout.contains("evq>"))
        #expect(run.stdout.hasPrefix("type,category,meaning\n"))
        #expect(!run.stdout.contains("\u{1B}"))
    }

    @Test func scriptErrorsNameFileLineAndColumnAfterEarlierOutput() throws {
        let folder = Binary.temporaryFolder()
        let script = folder + "/weekly.evq"
        try ".format csv\n.types\n\n.format  yaml\n.fields\n".write(toFile: script, atomically: true, encoding: .utf8)
        for arguments in [["-f", script], [script]] {
            let run = try Binary.run(arguments)
            #expect(run.status == 1)
            #expect(run.stdout.hasPrefix("type,category,meaning\n"))
            #expect(!run.stdout.contains("field,type"))
            #expect(run.stderr.hasPrefix("\(script):4:10: error: unknown format `yaml`"))
            #expect(run.stderr.contains(" 4 | .format  yaml\n   |          ^^^^\n"))
        }
    }

    @Test func formatOptionAppliesToResults() throws {
        let run = try Binary.run(["--format", "md", "-c", ".types"])
        #expect(run.stdout.hasPrefix("| type | category | meaning |\n"))
    }

    @Test func extractPrintsTheEventSetInTheChosenFormat() throws {
        let folder = Binary.temporaryFolder()
        let events = folder + "/set.jsonl"
        try """
        {"type":"release","date":"2025-09","count":{"value":50,"qualifier":"more_than"},"places":["Minsk"]}
        {"type":"release","total":true,"count":430}
        {"type":"release","status":"expected"}

        """.write(toFile: events, atomically: true, encoding: .utf8)
        let jsonl = try Binary.run(["extract", events])
        #expect(jsonl.status == 0)
        #expect(jsonl.stdout.split(separator: "\n").count == 3)
        let csv = try Binary.run(["extract", "--format", "csv", events])
        #expect(csv.stdout.hasPrefix("id,type,category,status,total,date,count,actors,places,sources,attributes\n"))
        #expect(csv.stdout.contains(",release,releases,occurred,false,2025-09,>50,,Minsk,,"))
        let json = try Binary.run(["extract", "--format", "json", events])
        let parsed = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [Any]
        #expect(parsed?.count == 3)
    }

    @Test func pipedQueriesPrintResultsWithoutPrompts() throws {
        let run = try Binary.run([], input: "releases | count\n")
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("count\n-----\n"))
        #expect(!run.stdout.contains("evq>"))
    }

    @Test func eventResultsAsJSONUseTheDesignsFieldNames() throws {
        let run = try Binary.run(["--format", "json", "-c", "events"])
        #expect(run.status == 0)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        for event in parsed {
            for key in ["id", "type", "category", "status", "total", "date", "count", "actors", "places", "sources", "evidence"] {
                #expect(event[key] != nil, "missing \(key)")
            }
        }
    }

    @Test func laterStatementsSeeEarlierBindings() throws {
        let run = try Binary.run([], input: "let recent = releases where date > 2025-09\nrecent | count\n")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("count\n"))
    }

    @Test func withoutSeedsTheCorpusIsEmptyWithAWarning() throws {
        let run = try Binary.run(["-c", "events | count"], in: Binary.temporaryFolder())
        #expect(run.status == 0)
        #expect(run.stderr.contains("warning: no ./seeds here"))
        #expect(run.stdout.hasPrefix("count\n-----\n    0\n"))
    }

    @Test func noColorWhenNotATerminal() throws {
        let run = try Binary.run(["-c", ".types"])
        #expect(!run.stdout.contains("\u{1B}"))
        #expect(!run.stderr.contains("\u{1B}"))
    }
}
