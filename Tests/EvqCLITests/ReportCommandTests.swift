import Foundation
import Testing

/// `evq report QUERY --html FILE`, `.export FILE.html` and the seed example of `sequence`,
/// through the real binary.
@Suite(.serialized)
struct ReportCommandTests {
    @Test func reportWritesAPageWithTheChart() throws {
        let out = Binary.temporaryFolder() + "/out.html"
        let run = try Binary.run(["report", "releases", "--html", out])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("3 events"))
        let html = try String(contentsOfFile: out, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<svg"))
        #expect(html.contains("class=\"bar\""))
        #expect(html.contains("123"))
        #expect(!html.contains("<script"))
        // No temporary file is left next to it.
        let left = try FileManager.default.contentsOfDirectory(atPath: (out as NSString).deletingLastPathComponent)
        #expect(left == ["out.html"])
    }

    @Test(arguments: [
        (["report", "releases | count", "--html"], Int32(1)),
        (["report", "relases", "--html"], Int32(1)),
        (["report", "releases"], Int32(2)),
    ])
    func reportRefusesWhatItCannotReport(_ arguments: [String], _ status: Int32) throws {
        let out = Binary.temporaryFolder() + "/x.html"
        let args = arguments.last == "--html" ? arguments + [out] : arguments
        let run = try Binary.run(args)
        #expect(run.status == status, "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func exportWithAnHTMLExtensionWritesTheReport() throws {
        let out = Binary.temporaryFolder() + "/m.html"
        let run = try Binary.run([], input: "meetings\n.export \(out)\n")
        #expect(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOfFile: out, encoding: .utf8)
        #expect(html.contains("2 events from 1 article"))
        #expect(html.contains("class=\"meeting\""))
    }

    @Test func exportAfterASequenceReportsTheChainsEvents() throws {
        let out = Binary.temporaryFolder() + "/s.html"
        let run = try Binary.run([], input: "sequence within 2d [meetings where actors contains \"Coale\"] [releases]\n.export \(out)\n")
        #expect(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOfFile: out, encoding: .utf8)
        #expect(html.contains("2 events from"))
    }

    @Test func theDocsSequenceExampleFindsTheMinskTalksAndTheRelease() throws {
        let run = try Binary.run(["-c", "sequence within 2d [meetings where actors contains \"Coale\"] [releases] | show date1, type1, date2, type2, summary2",
                                  "--format", "csv"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "date1,type1,date2,type2,summary2\n2025-12-12..2025-12-13,meeting,2025-12-13,release,\"release 123 Maria Kalesnikava, Ales Bialacky\"\n")
    }
}
