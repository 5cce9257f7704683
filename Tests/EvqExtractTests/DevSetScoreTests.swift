import EvqModel
import Foundation
import Testing
@testable import EvqExtract

/// Scores the extractor on the development set (Tests/EvqExtractTests/DevSet: articles `NN-*`
/// and `gold.jsonl`, format in that folder's README.md) with the matching rule of issue 3:
/// same type (pardon matches release), same status and total, a shared source, overlapping
/// dates, equal counts when both are given, and for statements the same speaker. Prints
/// per-type precision, recall and F1, date accuracy and count accuracy.
///
/// `EVQ_DEVSET_DIR` may point at another copy of the folder.
struct DevSetScoreTests {
    static var folder: String {
        ProcessInfo.processInfo.environment["EVQ_DEVSET_DIR"]
            ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("DevSet").path
    }

    struct Gold {
        var sources: Set<String>
        var type: String
        var status: String
        var total: Bool
        var start: Day?
        var end: Day?
        var counts: [(value: Int, qualifier: String)]
        var actors: [String]
    }

    static func loadGold(_ path: String) -> [Gold]? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        var out: [Gold] = []
        for line in text.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let obj = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { continue }
            var g = Gold(sources: Set(obj["sources"] as? [String] ?? []), type: obj["type"] as? String ?? "",
                status: obj["status"] as? String ?? "occurred", total: obj["total"] as? Bool ?? false, start: nil, end: nil, counts: [],
                actors: obj["actors"] as? [String] ?? [])
            if let d = obj["date"] as? [String: Any], let s = d["start"] as? String {
                g.start = Day(iso: s)
                g.end = Day(iso: d["end"] as? String ?? s)
            }
            for c in [obj["count"]] + ((obj["count_alternatives"] as? [Any]) ?? []) {
                if let c = c as? [String: Any], let v = c["value"] as? Int { g.counts.append((v, c["qualifier"] as? String ?? "exact")) }
            }
            out.append(g)
        }
        return out
    }

    static func family(_ t: String) -> String { t == "pardon" ? "release" : t }

    struct Score {
        var perType: [String: (tp: Int, extracted: Int, gold: Int)] = [:]
        var dateRight = 0, dateTotal = 0, countRight = 0, countTotal = 0
        var f1: Double {
            let tp = perType.values.reduce(0) { $0 + $1.tp }
            let ex = perType.values.reduce(0) { $0 + $1.extracted }
            let go = perType.values.reduce(0) { $0 + $1.gold }
            let p = ex == 0 ? 0 : Double(tp) / Double(ex), r = go == 0 ? 0 : Double(tp) / Double(go)
            return p + r == 0 ? 0 : 2 * p * r / (p + r)
        }
        var dateAccuracy: Double { dateTotal == 0 ? 1 : Double(dateRight) / Double(dateTotal) }
        var countAccuracy: Double { countTotal == 0 ? 1 : Double(countRight) / Double(countTotal) }
    }

    static func score(_ events: [Event], gold: [Gold], corpus: Corpus, lexicon: Lexicon = .standard) -> (Score, [String]) {
        var s = Score()
        var misses: [String] = []
        func fold(_ x: String) -> String { lexicon.fold(x) }
        func speakerMatches(_ e: Event, _ g: Gold) -> Bool {
            let spellings = Set(e.actors.flatMap { corpus.spellings(of: $0) }.map(fold))
            return g.actors.contains { a in
                let f = fold(a)
                // An organisation named with or without its country ("Interior Ministry").
                if spellings.contains(where: { $0.contains(" ") && (f.hasSuffix(" " + $0) || $0.hasSuffix(" " + f)) }) { return true }
                return spellings.contains(f) || spellings.contains { NameVariants.similar($0.split(separator: " ").last.map(String.init) ?? $0, f.split(separator: " ").last.map(String.init) ?? f) && ($0.split(separator: " ").first == f.split(separator: " ").first || !$0.contains(" ") || !f.contains(" ")) }
            }
        }
        func matches(_ e: Event, _ g: Gold) -> Int? {
            guard family(e.type.rawValue) == family(g.type), e.status.rawValue == g.status, e.total == g.total,
                !g.sources.isDisjoint(with: e.sources)
            else { return nil }
            var agree = 0
            if let gs = g.start, let ge = g.end, let es = e.date.start, let ee = e.date.end {
                if es > ge || gs > ee { return nil }
                agree += 1
            }
            if let v = e.count?.value, !g.counts.isEmpty {
                if !g.counts.contains(where: { $0.value == v }) { return nil }
                agree += 1
            }
            if e.type == .statement, !speakerMatches(e, g) { return nil }
            return agree
        }
        var pairs: [(Int, Int, Int)] = []
        for (i, e) in events.enumerated() {
            for (j, g) in gold.enumerated() { if let a = matches(e, g) { pairs.append((a, i, j)) } }
        }
        pairs.sort { $0.0 != $1.0 ? $0.0 > $1.0 : ($0.1, $0.2) < ($1.1, $1.2) }
        var usedE = Set<Int>(), usedG = Set<Int>()
        for g in gold { s.perType[family(g.type), default: (0, 0, 0)].gold += 1 }
        for e in events { s.perType[family(e.type.rawValue), default: (0, 0, 0)].extracted += 1 }
        for (_, i, j) in pairs where !usedE.contains(i) && !usedG.contains(j) {
            usedE.insert(i)
            usedG.insert(j)
            let e = events[i], g = gold[j]
            s.perType[family(g.type), default: (0, 0, 0)].tp += 1
            if let gs = g.start, let ge = g.end {
                s.dateTotal += 1
                if let es = e.date.start, let ee = e.date.end, es >= gs, ee <= ge { s.dateRight += 1 } else {
                    misses.append("date  \(g.type) \(g.sources.sorted().first ?? "") gold \(gs.iso)..\(ge.iso) got \(e.date.display)")
                }
            }
            if !g.counts.isEmpty {
                s.countTotal += 1
                if let c = e.count, let v = c.value, g.counts.contains(where: { $0.value == v && $0.qualifier == c.qualifier.rawValue }) {
                    s.countRight += 1
                } else {
                    misses.append("count \(g.type) \(g.sources.sorted().first ?? "") gold \(g.counts.map { "\($0.qualifier) \($0.value)" }) got \(e.count?.display ?? "-")")
                }
            }
        }
        for (j, g) in gold.enumerated() where !usedG.contains(j) {
            misses.append("MISS  \(g.type)/\(g.status)\(g.total ? "/total" : "") \(g.sources.sorted()) \(g.start?.iso ?? "-") \(g.counts.first.map { "\($0.value)" } ?? "-") \(g.actors)")
        }
        for (i, e) in events.enumerated() where !usedE.contains(i) {
            misses.append("EXTRA \(e.type)/\(e.status.rawValue)\(e.total ? "/total" : "") \(e.sources) \(e.date.display) \(e.count?.display ?? "-") \(e.actors) | \(e.evidence.first?.sentence.prefix(90) ?? "")")
        }
        return (s, misses)
    }

    static func report(_ s: Score, title: String) -> String {
        var lines = ["\(title): event F1 \(String(format: "%.3f", s.f1)), date accuracy \(String(format: "%.3f", s.dateAccuracy)) (\(s.dateRight)/\(s.dateTotal)), count accuracy \(String(format: "%.3f", s.countAccuracy)) (\(s.countRight)/\(s.countTotal))"]
        for t in s.perType.keys.sorted() {
            let v = s.perType[t]!
            let p = v.extracted == 0 ? 0 : Double(v.tp) / Double(v.extracted)
            let r = v.gold == 0 ? 0 : Double(v.tp) / Double(v.gold)
            let f = p + r == 0 ? 0 : 2 * p * r / (p + r)
            lines.append(String(format: "  %-18@ P %.2f  R %.2f  F1 %.2f  (tp %d, extracted %d, gold %d)", t as NSString, p, r, f, v.tp, v.extracted, v.gold))
        }
        return lines.joined(separator: "\n")
    }

    /// Extracts `paths`, scores the result against `goldFile` and prints the report; nil (with a
    /// recorded issue) when the gold file is missing.
    static func scoreRun(paths: [String], goldFile: String, title: String, mayListMisses: Bool = true) throws -> Score? {
        guard let gold = loadGold(goldFile) else {
            Issue.record("\(title): no gold file at \(goldFile)")
            return nil
        }
        let extraction = try CorpusLoader().load(paths: paths)
        let (s, misses) = score(extraction.corpus.all, gold: gold, corpus: extraction.corpus)
        print(report(s, title: title))
        if mayListMisses, ProcessInfo.processInfo.environment["EVQ_DEVSET_VERBOSE"] != nil { print(misses.joined(separator: "\n")) }
        return s
    }

    /// The articles of a gold folder: files named `NN-*.txt|md|html` (README and gold files are not articles).
    static func articles(in dir: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { n in
            let parts = n.split(separator: "-", maxSplits: 1)
            return parts.count == 2 && parts[0].count == 2 && parts[0].allSatisfy(\.isNumber)
                && (n.hasSuffix(".txt") || n.hasSuffix(".md") || n.hasSuffix(".html"))
        }.sorted().map { dir + "/" + $0 }
    }

    @Test func devSetScoresMeetTheTargets() throws {
        let articles = Self.articles(in: Self.folder)
        #expect(articles.count >= 12)
        guard let s = try Self.scoreRun(paths: articles, goldFile: Self.folder + "/gold.jsonl", title: "DevSet") else { return }
        #expect(s.f1 >= 0.85)
        #expect(s.dateAccuracy >= 0.90)
        #expect(s.countAccuracy >= 0.95)
    }

    @Test func seedGoldScore() throws {
        guard let s = try Self.scoreRun(paths: [SeedTests.seedDir], goldFile: Self.folder + "/seeds-gold.jsonl", title: "Seeds") else { return }
        #expect(s.f1 >= 0.85)
        #expect(s.dateAccuracy >= 0.90)
        #expect(s.countAccuracy >= 0.95)
    }

    /// The held-out set (Tests/EvqExtractTests/HeldOut), written by someone who never saw the
    /// extractor's rules and never tuned on: what to expect on articles evq has never seen.
    /// Its floor is deliberately below the dev-set targets; the printed figures are the news.
    @Test func heldOutScore() throws {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("HeldOut").path
        let articles = Self.articles(in: dir)
        #expect(articles.count >= 10)
        // Never lists its misses (even with EVQ_DEVSET_VERBOSE): they would show its articles.
        guard let s = try Self.scoreRun(paths: articles, goldFile: dir + "/gold.jsonl", title: "HeldOut", mayListMisses: false) else { return }
        #expect(s.f1 >= 0.5)
        #expect(s.dateAccuracy >= 0.6)
        #expect(s.countAccuracy >= 0.6)
    }
}
