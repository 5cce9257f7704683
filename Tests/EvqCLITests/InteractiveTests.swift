import Foundation
import Testing

/// The real binary at a real terminal (tmux). Skipped only when tmux is not installed; CI
/// installs it (.ci/run).
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed (CI installs it): interactive tests skipped"))
struct InteractiveTests {
    @Test func promptAppearsAndCtrlDExitsWithANewline() throws {
        let t = Tmux()
        defer { t.stop() }
        try t.start()
        #expect(t.waitForPrompt())
        try t.send("C-d")
        #expect(t.waitForExit())
    }

    @Test func ctrlCWhileTheFirstCorpusLoadsEndsEvqWith130() throws {
        let t = Tmux()
        defer { t.stop() }
        // Enough articles that extracting them takes seconds: the development set, sixty times.
        let devSet = Binary.packageRoot.appendingPathComponent("Tests/EvqExtractTests/DevSet").path
        let corpus = t.home + "/corpus"
        try FileManager.default.createDirectory(atPath: corpus, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: devSet) where name.hasSuffix(".txt") {
            let text = try String(contentsOfFile: devSet + "/" + name, encoding: .utf8)
            for k in 0..<60 { try (text + "\n(Copy \(k).)\n").write(toFile: corpus + "/\(k)-\(name)", atomically: true, encoding: .utf8) }
        }
        try t.start(arguments: ["--corpus", corpus], showExitStatus: true)
        usleep(300_000)
        #expect(!t.screen().contains("evq>"), "the corpus loaded before Ctrl-C; the test needs a bigger one")
        try t.send("C-c")
        let ended = t.wait(for: "[exit 130]")
        #expect(ended.ok, "\(ended.screen)")
        #expect(ended.screen.contains("evq: interrupted"))
        #expect(!ended.screen.contains("evq>"))
    }

    @Test func historySurvivesARestart() throws {
        let t = Tmux()
        defer { t.stop() }
        try t.start()
        #expect(t.waitForPrompt())
        try t.type("releases | take 1")
        try t.send("Enter")
        #expect(t.wait { $0.components(separatedBy: "evq>").count >= 3 }.ok)
        try t.send("C-d")
        #expect(t.waitForExit())
        let file = t.home + "/state/evq/history"
        let attributes = try FileManager.default.attributesOfItem(atPath: file)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)

        let again = Tmux(home: t.home)

        defer { again.stop() }
        try again.start()
        #expect(again.waitForPrompt())
        try again.send("Up")
        let recalled = again.wait(for: "evq> releases | take 1")
        #expect(recalled.ok, "\(recalled.screen)")
    }

    @Test func tabCompletesCollections() throws {
        let t = Tmux()
        defer { t.stop() }
        try t.start()
        #expect(t.waitForPrompt())
        try t.type("rel")
        try t.send("Tab")
        let done = t.wait(for: "evq> releases")
        #expect(done.ok, "\(done.screen)")
    }

    @Test func tabCompletesStagesAfterAPipe() throws {
        let t = Tmux()
        defer { t.stop() }
        try t.start()
        #expect(t.waitForPrompt())
        try t.type("releases | so")
        try t.send("Tab")
        let done = t.wait(for: "evq> releases | sort")
        #expect(done.ok, "\(done.screen)")
    }

    @Test func tabCompletesKnownNamesInQuotes() throws {
        let t = Tmux()
        defer { t.stop() }
        try t.start()
        #expect(t.waitForPrompt())
        try t.type("meetings where actors contains \"Coa")
        try t.send("Tab")
        // Whatever the extractor calls him, the completed name is quoted and contains the typed word.
        let done = t.wait { $0.range(of: #"actors contains "[^"]*Coale[^"]*""#, options: .regularExpression) != nil }
        #expect(done.ok, "\(done.screen)")
    }

    @Test func ctrlCAbandonsTheLineAndTheShellCarriesOn() throws {
        let t = Tmux()
        defer { t.stop() }
        try t.start()
        #expect(t.waitForPrompt())
        try t.type("releases where da")
        // The terminal drops unread input on ^C, as it would for a person typing faster than
        // the shell reads: wait until the line is on screen.
        #expect(t.wait(for: "evq> releases where da").ok)
        try t.send("C-c")
        let fresh = t.wait { screen in
            let lines = screen.split(separator: "\n").map(String.init).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            return lines.count >= 2 && lines[lines.count - 1] == "evq>" && lines[lines.count - 2].hasPrefix("evq> releases where da")
        }
        #expect(fresh.ok, "\(fresh.screen)")
        try t.type(".format csv")
        try t.send("Enter")
        try t.type(".types")
        try t.send("Enter")
        #expect(t.wait(for: "type,category,meaning").ok)
        #expect(!t.screen().contains("error"))
    }

    @Test func aThreeLineQueryUsesTheContinuationPrompt() throws {
        let t = Tmux()
        defer { t.stop() }
        try t.start()
        #expect(t.waitForPrompt())
        for line in ["releases |", "sort date |", "take 2"] {
            try t.type(line)
            try t.send("Enter")
        }
        let shown = t.wait { $0.contains("...> sort date |") && $0.contains("...> take 2") }
        #expect(shown.ok, "\(shown.screen)")
        // The statement ran as one query: two events and a fresh prompt after them.
        let after = t.wait { screen in
            let lines = screen.split(separator: "\n").map(String.init).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            return lines.last == "evq>" && lines.contains("2 events")
        }
        #expect(after.ok, "\(after.screen)")
        #expect(!after.screen.contains("error"))
        try t.send("C-d")
        #expect(t.waitForExit())
        let history = try String(contentsOfFile: t.home + "/state/evq/history", encoding: .utf8)
        #expect(history == "releases |\\nsort date |\\ntake 2\n")
    }

    @Test func formatJSONChangesTheOutput() throws {
        let t = Tmux()
        defer { t.stop() }
        try t.start()
        #expect(t.waitForPrompt())
        try t.type(".types")
        try t.send("Enter")
        #expect(t.wait(for: "sanctions_eased").ok)
        #expect(!t.screen().contains("{\"type\""))
        try t.type(".format json")
        try t.send("Enter")
        try t.type(".types")
        try t.send("Enter")
        let json = t.wait(for: "{\"type\":\"release\",\"category\":\"releases\"")
        #expect(json.ok, "\(json.screen)")
    }

    @Test func noColorGivesNoEscapeCodes() throws {
        let coloured = Tmux()
        defer { coloured.stop() }
        try coloured.start()
        #expect(coloured.waitForPrompt())
        try coloured.type(".types")
        try coloured.send("Enter")
        #expect(coloured.wait(for: "12 rows").ok)
        #expect(coloured.screen(escapes: true).contains("\u{1B}["), "colour expected on a terminal without NO_COLOR")

        for (arguments, environment) in [([String](), ["NO_COLOR": "1"]), (["--no-color"], [:])] {
            let plain = Tmux()
            defer { plain.stop() }
            try plain.start(arguments: arguments, environment: environment)
            #expect(plain.waitForPrompt())
            try plain.type(".types")
            try plain.send("Enter")
            #expect(plain.wait(for: "12 rows").ok)
            #expect(!plain.screen(escapes: true).contains("\u{1B}["))
        }
    }

    @Test func initFileRunsUnlessNoInit() throws {
        let home = Binary.temporaryFolder()
        try FileManager.default.createDirectory(atPath: home + "/config/evq", withIntermediateDirectories: true)
        try ".format csv\n".write(toFile: home + "/config/evq/init.evq", atomically: true, encoding: .utf8)
        let t = Tmux(home: home)
        defer { t.stop() }
        try t.start()
        #expect(t.waitForPrompt())
        try t.type(".types")
        try t.send("Enter")
        #expect(t.wait(for: "type,category,meaning").ok)

        let skipped = Tmux(home: home)

        defer { skipped.stop() }
        try skipped.start(arguments: ["--no-init"])
        #expect(skipped.waitForPrompt())
        try skipped.type(".types")
        try skipped.send("Enter")
        #expect(skipped.wait(for: "12 rows").ok)
        #expect(!skipped.screen().contains("type,category,meaning"))
    }
}
