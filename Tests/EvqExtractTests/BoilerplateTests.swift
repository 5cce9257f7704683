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
