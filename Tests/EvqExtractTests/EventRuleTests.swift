import EvqModel
import Foundation
import Testing
@testable import EvqExtract

/// Whole-pipeline rules on one-paragraph articles with a known publication date (front matter).
struct EventRuleTests {
    func events(_ body: String, date: String = "2025-03-03") -> [Event] {
        extract(files: [("a.txt", "---\ndate: \(date)\n---\n\(body)\n")]).corpus.all
    }

    struct Case: Sendable, CustomStringConvertible {
        var text: String
        var type: EventType
        var status: Status
        var count: Int?
        var date: String?
        var total = false
        var description: String { text }
    }

    static let cases: [Case] = [
        Case(text: "Belarus freed 14 political prisoners on Saturday.", type: .release, status: .occurred, count: 14, date: "2025-03-01"),
        Case(text: "Another 30 prisoners were expected to be released next week.", type: .release, status: .expected, count: 30, date: nil),
        Case(text: "Officials denied that any prisoners would be freed this year.", type: .release, status: .denied, count: nil, date: nil),
        Case(text: "Washington may lift sanctions on the national airline.", type: .sanctionsEased, status: .hypothetical, count: nil, date: nil),
        Case(text: "Police detained 12 protesters in Minsk on Friday.", type: .arrest, status: .occurred, count: 12, date: "2025-02-28"),
        Case(text: "More than 300 people have been freed since July 2024.", type: .release, status: .occurred, count: 300, date: "2024-07..2025-03-03", total: true),
        Case(text: "Russia and the United States exchanged prisoners on Wednesday, with Moscow freeing two Americans and Washington handing over two Russians.",
            type: .exchange, status: .occurred, count: 4, date: "2025-02-26"),
        Case(text: "The EU imposed sanctions on 25 Belarusian judges on Tuesday.", type: .sanctionsImposed, status: .occurred, count: 25, date: "2025-02-25"),
    ]

    @Test(arguments: cases)
    func readsOneEvent(_ c: Case) throws {
        let all = events(c.text).filter { $0.type != .statement }
        let e = try #require(all.first { $0.type == c.type }, "\(all.map(\.summary))")
        #expect(e.status == c.status)
        #expect(e.count?.value == c.count)
        #expect(e.total == c.total)
        if let d = c.date { #expect(e.date.display == d) } else { #expect(e.date.isMissing || e.status != .occurred) }
    }

    static let noEvents = [
        "About 1,150 political prisoners remain behind bars.",
        "Squeeze the grated potatoes hard to release as much liquid as you can.",
        "He has refused to ask Lukashenko for a pardon, his family says.",
        "The country has been repeatedly sanctioned by Western countries.",
        "Lukashenko has ruled the nation of 9.5 million for more than three decades.",
    ]

    @Test(arguments: noEvents)
    func yieldsNoHappening(_ text: String) {
        #expect(events(text).filter { $0.type != .statement && $0.status == .occurred }.isEmpty, "\(text)")
    }

    @Test func agenciesAndUnnamedSourcesAreNotSpeakers() {
        let all = events("Belarus freed 14 prisoners, Reuters reported. Officials said more would follow. Viasna said the releases were welcome. Tsikhanouskaya told AFP she was glad.")
        let speakers = Set(all.filter { $0.type == .statement }.flatMap(\.actors))
        #expect(speakers == ["Viasna", "Tsikhanouskaya"])
    }

    @Test func pardonedAndFreedIsOneEvent() {
        let all = events("Belarus freed 14 prisoners on Saturday. The group of nine women and five men had been pardoned by President Alexander Lukashenko.")
        let r = all.filter { $0.category == .releases }
        #expect(r.count == 1)
        #expect(r.first?.attributes["also_type"] == "pardon")
    }

    @Test func deportationBesideRelease() {
        let all = events("Belarus freed 14 prisoners on Saturday and drove them to the Lithuanian border.")
        #expect(all.filter { $0.category == .releases }.count == 1)
        let d = all.first { $0.type == .deportation }
        #expect(d?.places == ["Lithuania"])
        #expect(d?.count?.value == 14)
    }

    @Test func sidecarMetadataGivesThePublicationDate() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("evq-extract-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("Belarus freed 14 prisoners on Tuesday.\n".utf8).write(to: dir.appendingPathComponent("story.txt"))
        try Data("date: 2025-12-13\ntitle: Story\n".utf8).write(to: dir.appendingPathComponent("story.meta"))
        let r = try CorpusLoader().load(paths: [dir.path])
        let doc = try #require(r.corpus.documents.first)
        #expect(doc.dateSource == .metadata)
        #expect(doc.title == "Story")
        #expect(r.corpus.all.first?.date.display == "2025-12-09")
    }

    @Test func undatedArticleLeavesWeekdaysUnresolved() {
        let e = extract(files: [("u.txt", "Belarus freed 14 prisoners on Tuesday.\n")]).corpus.all.first
        #expect(e?.date.isMissing == true)
        #expect(e?.date.text == "Tuesday")
    }

    @Test func longSingleLineFinishes() {
        let sentence = "Belarus freed 14 prisoners on Saturday, officials said. "
        let line = String(repeating: sentence, count: 36_000)  // about 2 MB, no newline (the benchmark does 10 MB)
        let start = Date()
        let r = Extractor().extract([RawDocument(name: "big.txt", bytes: Array(line.utf8))])
        #expect(!r.corpus.all.isEmpty)
        #expect(Date().timeIntervalSince(start) < 120)
    }
}
