import Foundation
import Testing
@testable import EvqExtract

struct BoilerplateTests {
    func kinds(_ text: String) -> [(String, Block.Kind)] {
        let u = Array(text.utf8)
        let blocks = BoilerplateClassifier().classify(BlockSplitter().split(u), in: u)
        return blocks.map { (String(decoding: u[$0.start..<$0.end], as: UTF8.self), $0.kind) }
    }

    static let single: [(text: String, kind: Block.Kind)] = [
        ("Go to Source", .boilerplate),
        ("source", .boilerplate),
        ("17.1 C", .boilerplate),
        ("New Delhi", .boilerplate),
        ("Home | World | Europe", .boilerplate),
        ("(Reporting by Jane Doe; editing by John Roe)", .boilerplate),
        ("© 2025 AFP. All rights reserved.", .boilerplate),
        ("In this photo released by the press service, two men shake hands in Minsk, Dec. 12, 2025.", .caption),
        ("Political prisoners", .heading),
        ("Belarus freed 14 prisoners on Saturday, officials said.", .body),
    ]

    @Test(arguments: single)
    func judgesShape(_ c: (text: String, kind: Block.Kind)) {
        #expect(kinds(c.text).first?.1 == c.kind, "\(c.text)")
    }

    @Test func linkListAfterHeadingIsBoilerplate() {
        let text = """
            Belarus freed 14 prisoners on Saturday, officials said in a statement.

            Most read

            Police detain 12 at a sit-in

            Officers removed activists from the road on Monday. Read More

            Ministers meet in Geneva

            Talks between the delegations lasted six hours. Read More

            Weather today
            """
        let k = kinds(text)
        #expect(k[0].1 == .body)
        #expect(k.dropFirst().allSatisfy { $0.1 == .boilerplate })
    }

    @Test func bulletSummaryIsBody() {
        let k = kinds("  • Belarusian President Lukashenko pardoned 22 people before the New Year\n  • More news here")
        #expect(k[0].1 == .body)
    }
}

/// `fastJudge` (bytes, plain paragraphs) must agree with `judge` wherever it decides.
struct FastJudgeTests {
    static let longNonASCII = "Aliaksandr Łukašenka — who has ruled Belarus since 1994 — pardoned 52 prisoners on Thursday, "
        + "officials in Minsk said, in a move that Sviatlana Ціханоўская described as a cynical trade for relief from sanctions "
        + "imposed after the disputed election of 2020, while rights groups said more than 1,100 people remain behind bars today"

    static let texts: [String] = [
        "Belarus freed 14 political prisoners on Saturday, officials said, in a move that followed months of talks.",
        "Belarus freed 14 political prisoners on Saturday and officials said more could follow soon Read More",
        "Belarus freed 14 political prisoners on Saturday and officials said more could follow soon. Continue reading...",
        "Copyright 2025 The Agency, a news service for the region and beyond. All Rights Reserved.",
        "Home | World | Europe | Politics | Business | Sports | Culture | Science | Health | Opinion | Video",
        "(Reporting by Jane Doe in Vilnius and John Roe in Warsaw; editing by Mark Smith and Anna Lee)",
        "In this photo released by the press service, two men shake hands in Minsk on Friday, Dec. 12, 2025.",
        "Pictured: the freed prisoners arrive at the border crossing in Lithuania on Saturday afternoon in buses",
        "Freed prisoners arrive at the border crossing in Lithuania on Saturday afternoon in two buses (AP Photo/Jane Doe)",
        "Freed prisoners arrive at the border crossing in Lithuania on Saturday afternoon in two buses (potato pancakes)",
        "Freed prisoners arrive at the border crossing in Lithuania on Saturday afternoon in two buses (as expected.)",
        "Why the release of political prisoners in Belarus matters for the region and its future",
        "Why the release of political prisoners in Belarus matters for the region and its future\"",
        "Go to Source and read the whole story about the release of the prisoners in Belarus right now.",
        "Officials said on Saturday that the prisoners had been freed and were on their way to the border >>",
        "Ales Bialiatski, who won the Nobel Peace Prize in 2022, was among those freed on Saturday, his wife said.",
        "By Jane Doe and John Roe, Associated Press",
        "By Jane Doe and John Roe. Published 14 Sep 2025 09:12 GMT.",
        "By Jane Doe and John Roe in Vilnius.",
        "Police detain 12 at a sit-in",
        // Short ASCII blocks (weather and place lines are decided on bytes too).
        "17.1 C", "-3 C", "Sunny 21C", "64 F", "21 C.", "C", "F 12", "12 CF", "1, 2 C", "Minsk", "MINSK", "minsk",
        "Vilnius", "Go to Source", "Home", "12:45", "Read more", "Topics", "(AP)", "By AP", "Belarus frees prisoners",
        // Non-ASCII paragraphs of more than 40 words (decided on bytes when their ends are ASCII).
        Self.longNonASCII + ".",
        Self.longNonASCII + " Read More",
        Self.longNonASCII + " read more »",
        Self.longNonASCII + " (AP Photo/Jane Doe)",
        Self.longNonASCII + " (AP Photo/Łukašenka)",
        Self.longNonASCII + " — and more",
        "In this photo Łukašenka " + Self.longNonASCII,
        "In this phótó " + Self.longNonASCII + ".",
        Self.longNonASCII + " . . . . . . . . . . . .",
        "Ministers meet in Geneva on Monday.",
        "Officers removed activists from the road on Monday. Read More",
        "Related Articles and more from the region",
        "Sunny and warm, 21 C in Minsk",
    ]

    func agrees(_ text: String) -> Bool {
        let classifier = BoilerplateClassifier()
        let bytes = Array(text.utf8)
        guard let fast = bytes.withUnsafeBufferPointer({ classifier.fastJudge($0) }) else { return true }
        let slow = classifier.judge(text)
        return fast.kind == slow.kind && fast.reason == slow.reason
    }

    @Test(arguments: texts)
    func agreesWithJudge(_ text: String) {
        #expect(agrees(text), "\(text)")
    }

    @Test func decidesPlainParagraphs() {
        let classifier = BoilerplateClassifier()
        let bytes = Array(Self.texts[0].utf8)
        #expect(bytes.withUnsafeBufferPointer { classifier.fastJudge($0) }?.kind == .body)
    }

    @Test func agreesOnEveryDevSetBlock() throws {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("DevSet")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        var blocks = 0
        for f in files where f.hasSuffix(".txt") || f.hasSuffix(".md") || f.hasSuffix(".html") {
            let raw = try [UInt8](Data(contentsOf: dir.appendingPathComponent(f)))
            let u = Array(TextDecoder().decode(raw).text.utf8)
            for b in BlockSplitter().split(u) {
                let text = String(decoding: u[b.start..<b.end], as: UTF8.self)
                #expect(agrees(text), "\(f): \(text)")
                blocks += 1
            }
        }
        #expect(blocks > 50)
    }
}
