import EvqDiagnostics
import EvqEval
import EvqModel
import Foundation
import Testing

/// Queries the mutation fuzzer starts from.
let fuzzSeeds = [
    "releases where date > 2025-09",
    "releases where date >= 2025-06 | sort date | show date, count, places, sources",
    "sanctions | count by month(date)",
    "meetings where actors contains \"Coale\" | why",
    "let big = releases where count > 100; big | sum count by type",
    "events where (type in (pardon, release) or not date is missing) and summary ~ \"rel(ease)?\"",
    "events | order by count desc | head 3 | select id, coalesce(count, 0) * 2 as n",
    "events where date between today - 90d and today + 1w | timeline by week",
    "actors where mentions > 0 | sort name | distinct name, aliases",
    "documents | where published >= 2025-12-01 | show name, title, len(title)",
]

/// The queries of Examples/*.evq and of docs/LANGUAGE.md (meta command lines left out), so the
/// mutations start from what users are shown; falls back to `fuzzSeeds` alone.
func exampleQueries() -> [String] {
    var root = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { root.deleteLastPathComponent() }
    var out: [String] = []
    let examples = root.appendingPathComponent("Examples")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: examples.path)) ?? []
    for name in names.sorted() where name.hasSuffix(".evq") {
        let text = (try? String(contentsOf: examples.appendingPathComponent(name), encoding: .utf8)) ?? ""
        out += text.components(separatedBy: "\n").filter { !$0.hasPrefix(".") && !$0.hasPrefix("#") && !$0.isEmpty }
    }
    let doc = (try? String(contentsOfFile: languageDocPath(), encoding: .utf8)) ?? ""
    for block in doc.components(separatedBy: "```evq\n").dropFirst() {
        out.append(block.components(separatedBy: "\n```")[0])
    }
    return out
}

/// Feeds random and mutated query strings through the whole engine: nothing crashes, nothing
/// takes a second, and every statement ends in a result or a diagnostic that renders.
/// Split in four parts that run in parallel; 100,000 inputs in all (`EVQ_FUZZ_COUNT` overrides).
@Test(arguments: 0..<4)
func randomAndMutatedQueriesNeverCrashOrHang(part: Int) {
    let total = (Int(ProcessInfo.processInfo.environment["EVQ_FUZZ_COUNT"] ?? "") ?? 100_000) / 4
    var r = SplitMix(seed: 20_251_213 + UInt64(part))
    let clock = ContinuousClock()
    var slowest = Duration.zero
    var slowestText = ""
    var results = 0, failures = 0
    let renderer = DiagnosticRenderer()
    let examples = fuzzSeeds + exampleQueries()
    #expect(examples.count > 100, "the examples were not found")
    for i in 0..<total {
        let text: String
        switch i % 3 {
        case 0: text = QueryGrammar.query(&r)
        case 1: text = mutate(r.pick(examples), &r)
        default: text = mutate(QueryGrammar.query(&r), &r)
        }
        var context = QueryContext(corpus: Fixture.corpus, today: Fixture.today)
        let file = SourceFile(name: "fuzz", text: text)
        let start = clock.now
        let outcomes = QueryEngine.run(file, in: &context)
        _ = QueryEngine.isComplete(text)
        let elapsed = clock.now - start
        if elapsed > slowest {
            slowest = elapsed
            slowestText = text
        }
        if text.contains(where: { !$0.isWhitespace }) && !text.hasPrefix("#") && outcomes.isEmpty {
            // Only blank or comment-only input may give no outcome at all.
            let meaningful = Lexer_hasTokens(text)
            if meaningful { Issue.record("no outcome for: \(text)") }
        }
        for o in outcomes {
            switch o {
            case .failed(let d):
                failures += 1
                if d.isEmpty { Issue.record("failure without a diagnostic: \(text)") }
                for diag in d {
                    if let s = diag.span, s.end > file.byteCount { Issue.record("span past the end: \(text)") }
                    _ = renderer.render(diag, in: file)
                }
            case .result, .bound: results += 1
            }
        }
    }
    #expect(slowest < .seconds(1), "slowest input took \(slowest): \(slowestText)")
    #expect(results > total / 20, "too few inputs ran at all (\(results))")
    #expect(failures > total / 20, "too few inputs failed (\(failures))")
}

/// True when the lexer finds anything but newlines and comments.
func Lexer_hasTokens(_ text: String) -> Bool {
    var stripped = ""
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        stripped += line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
    }
    return stripped.contains { !$0.isWhitespace && $0 != ";" }
}

func mutate(_ text: String, _ r: inout SplitMix) -> String {
    var bytes = Array(text.utf8)
    let alphabet: [UInt8] = Array("()[]|,;'\"=<>!~+-*/%#.\\ \n\t\r0123456789dwmyazAZ_".utf8) + [0, 0x1B, 0x7F, 0xC3, 0xA9, 0xE2, 0x80, 0xAE, 0xFF]
    for _ in 0..<r.int(1...4) {
        let at = bytes.isEmpty ? 0 : r.int(0...bytes.count)
        switch r.int(0...4) {
        case 0: bytes.insert(r.pick(alphabet), at: at)
        case 1: if !bytes.isEmpty, at < bytes.count { bytes.remove(at: at) }
        case 2: if at < bytes.count { bytes[at] = r.pick(alphabet) }
        case 3:
            // Duplicate a chunk: grows nesting and repetition.
            if !bytes.isEmpty {
                let a = r.int(0...(bytes.count - 1)), b = min(bytes.count, a + r.int(1...12))
                bytes.insert(contentsOf: Array(bytes[a..<b]), at: at)
            }
        default:
            let other = Array(r.pick(fuzzSeeds).utf8)
            bytes = Array(bytes.prefix(at)) + other.suffix(r.int(0...other.count))
        }
    }
    return String(decoding: bytes, as: UTF8.self)
}

/// Inputs built to stress one limit each; described by name so test output stays short.
enum Pathological: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case openParensBeforeCollection, nestedParens, manyNots, longAndChain, longOrChain, manyPipes, manyTakes, longRegex,
         hugeString, hugeNumber, manyQuotes, manyStatements, longSum, deepAtLimit, chainAtLimit

    var testDescription: String { rawValue }

    var text: String {
        switch self {
        case .openParensBeforeCollection: return String(repeating: "(", count: 10_000) + "events"
        case .nestedParens: return "events where " + String(repeating: "(", count: 10_000) + "x" + String(repeating: ")", count: 10_000)
        case .manyNots: return "events where " + String(repeating: "not ", count: 50_000) + "total"
        case .longAndChain: return "events where " + Array(repeating: "total", count: 5_000).joined(separator: " and ")
        case .longOrChain: return "events where " + Array(repeating: "count > 1", count: 5_000).joined(separator: " or ")
        case .manyPipes: return String(repeating: "events | ", count: 5_000) + "count"
        case .manyTakes: return "events | " + Array(repeating: "take 1", count: 5_000).joined(separator: " | ")
        case .longRegex: return "events where summary ~ \"" + String(repeating: "a", count: 400) + "\""
        case .hugeString: return "events where id = \"" + String(repeating: "x", count: 200_000) + "\""
        case .hugeNumber: return "events where id = " + String(repeating: "9", count: 400)
        case .manyQuotes: return String(repeating: "\"", count: 10_001)
        case .manyStatements: return String(repeating: "events;", count: 3_000)
        case .longSum: return "events | show " + Array(repeating: "1", count: 5_000).joined(separator: " + ")
        case .deepAtLimit: return "events where " + String(repeating: "not ", count: 190) + "total"
        case .chainAtLimit: return "events where " + Array(repeating: "count > 1", count: 190).joined(separator: " and ")
        }
    }
}

@Test(arguments: Pathological.allCases)
func pathologicalInputsAnswerQuickly(_ p: Pathological) {
    let clock = ContinuousClock()
    var context = QueryContext(corpus: Fixture.corpus, today: Fixture.today)
    let start = clock.now
    let outcomes = QueryEngine.run(SourceFile(name: "p", text: p.text), in: &context)
    #expect(clock.now - start < .seconds(2))
    #expect(!outcomes.isEmpty)
    if p == .deepAtLimit || p == .chainAtLimit {
        if case .result = outcomes.last {} else { Issue.record("\(p) should run") }
    }
}

@Test func longChainsOfAndAreRefusedWithADiagnostic() {
    let text = "events where " + Array(repeating: "count > 1", count: 5_000).joined(separator: " and ")
    var context = QueryContext(corpus: Fixture.corpus, today: Fixture.today)
    let out = QueryEngine.run(SourceFile(name: "p", text: text), in: &context)
    if case .failed(let d) = out.last {
        #expect(d.first?.message.hasPrefix("expression is nested too deeply") == true)
    } else {
        Issue.record("a 5,000-term chain should be refused")
    }
}

/// Random regular expressions: each is refused with a diagnostic or runs quickly.
@Test func randomRegularExpressionsAreSafe() {
    var r = SplitMix(seed: 99)
    let parts = ["a", "b", ".", "(", ")", "|", "*", "+", "?", "{2}", "{2,}", "{1,3}", "[a-z]", "[^x]", "\\d", "\\w", "\\s", "^", "$",
                 "\\1", "(?:", "(?=", "(?i)", "\\", "[", "]", "{", "}", "{99999}"]
    let clock = ContinuousClock()
    var slowest = Duration.zero
    var slowestPattern = ""
    let corpus = Corpus(events: [Event(id: "x", type: .release, actors: [String(repeating: "a", count: 3000) + "b"])])
    for _ in 0..<3_000 {
        let pattern = (0..<r.int(1...12)).map { _ in r.pick(parts) }.joined()
        var context = QueryContext(corpus: corpus, today: Fixture.today)
        let text = "events where actors ~ \"\(pattern.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\""))\""
        let start = clock.now
        let out = QueryEngine.run(SourceFile(name: "re", text: text), in: &context)
        let t = clock.now - start
        if t > slowest { (slowest, slowestPattern) = (t, pattern) }
        #expect(!out.isEmpty)
    }
    #expect(slowest < .seconds(1), "slowest pattern \(slowestPattern) took \(slowest)")
}
