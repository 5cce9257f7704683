import EvqModel
import Foundation
import Testing
@testable import EvqExtract

/// Whole-seed assertions: what the two seed articles must yield (issues 2 and 3).
struct SeedTests {
    static let seedDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("seeds").path
    static let extraction: Extraction? = try? CorpusLoader().load(paths: [seedDir])
    static let s000 = "000_594616dacb38118b.txt"
    static let s004 = "004_75a6d9dd27e3569d.txt"

    var corpus: Corpus {
        get throws { try #require(Self.extraction).corpus }
    }

    func events(_ type: EventType, _ collection: EventCollection = .events) throws -> [Event] {
        try corpus.events(in: collection).filter { $0.type.category == type.category && ($0.type == type || type.category == .releases) }
    }

    @Test func oneReleaseOf123FromBothSeeds() throws {
        let r = try events(.release).filter { $0.count?.value == 123 }
        #expect(r.count == 1)
        let e = try #require(r.first)
        #expect(e.sources == [Self.s000, Self.s004])
        #expect(e.date.display == "2025-12-13")
        #expect(e.date.precision == .day)
        #expect(e.count?.qualifier == .exact)
        #expect(e.evidence.contains { $0.source == Self.s000 } && e.evidence.contains { $0.source == Self.s004 })
    }

    @Test func pardonOf22InDecember() throws {
        let e = try #require(events(.release).first { $0.count?.value == 22 })
        #expect([EventType.release, .pardon, .amnesty].contains(e.type))
        #expect(e.attributes["women"] == "15")
        #expect(e.attributes["men"] == "7")
        let s = try #require(e.date.start), en = try #require(e.date.end)
        #expect(s >= day("2025-12-01") && en <= day("2025-12-31"))
        #expect(e.sources == [Self.s000])
    }

    @Test func seed000PublicationIsInferredFromTheShared123Release() throws {
        let d = try #require(corpus.documents.first { $0.name == Self.s000 })
        #expect(d.dateSource == .inferred)
        #expect(d.published.start == day("2025-12-14"))
        #expect(d.published.end == day("2025-12-31"))
        let d4 = try #require(corpus.documents.first { $0.name == Self.s004 })
        #expect(d4.dateSource == .dateline)
        #expect(d4.published.display == "2025-12-13")
        #expect(d4.datelinePlace == "VILNIUS, LITHUANIA")
        #expect(d4.title.hasPrefix("Belarusian leader pardons 123"))
    }

    @Test func septemberReleaseOfMoreThan50() throws {
        let e = try #require(events(.release).first { $0.count?.value == 50 })
        #expect(e.count?.qualifier == .moreThan)
        #expect(e.date.display == "2025-09")
        #expect(e.date.precision == .month)
        #expect(e.places.contains("Minsk") || e.places.contains("Lithuania"))
    }

    @Test func totalSinceJuly2024() throws {
        let totals = try corpus.events(in: .totals)
        let e = try #require(totals.first { $0.count?.value == 430 })
        #expect(e.total)
        #expect(e.count?.qualifier == .moreThan)
        #expect(e.date.start == day("2024-07-01"))
        #expect(try events(.release).allSatisfy { !$0.total })
    }

    @Test func sanctions() throws {
        let eased = try corpus.events(in: .events).filter { $0.type == .sanctionsEased }
        #expect(eased.contains { $0.actors.contains("United States") && $0.date.display == "2025-12-13" })
        #expect(eased.contains { $0.date.display == "2025-09" })
        let imposed = try corpus.all.filter { $0.type == .sanctionsImposed }
        #expect(imposed.contains { $0.actors.contains("European Union") })
    }

    @Test func meetingInMinsk() throws {
        let m = try corpus.events(in: .events).filter { $0.type == .meeting }
        let e = try #require(m.first { $0.actors.contains("John Coale") })
        #expect(e.actors.contains("Alexander Lukashenko"))
        #expect(e.places.contains("Minsk"))
        #expect(e.date.start == day("2025-12-12"))
        #expect(e.date.end == day("2025-12-13"))
        #expect(m.contains { $0.date.display == "2025-09" })
    }

    @Test func deportationBesideTheRelease() throws {
        let d = try corpus.events(in: .events).filter { $0.type == .deportation }
        let december = try #require(d.first { $0.date.display == "2025-12-13" })
        #expect(Set(december.places) == ["Lithuania", "Ukraine"])
        #expect(december.sources == [Self.s000])
        // "released more than 50 political prisoners into Lithuania" in September 2025.
        let september = try #require(d.first { $0.date.display == "2025-09" })
        #expect(september.places == ["Lithuania"])
        #expect(d.count == 2)
        #expect(try events(.release).filter { $0.date.display == "2025-12-13" }.count == 1)
    }

    @Test func statementsByNamedSpeakersOnly() throws {
        let s = try corpus.events(in: .events).filter { $0.type == .statement }
        let speakers = Set(s.flatMap(\.actors))
        #expect(speakers.contains("John Coale"))
        #expect(speakers.contains("Sviatlana Tsikhanouskaya"))
        for agency in ["Belta", "BelTA", "AFP", "TASR", "The Associated Press", "AP"] { #expect(!speakers.contains(agency)) }
        // One per speaker per article.
        #expect(s.filter { $0.actors == ["John Coale"] }.count == 1)
    }

    @Test func nobelPrize2022() throws {
        let a = try #require(corpus.events(in: .events).first { $0.type == .award })
        #expect(a.date.display == "2022")
        #expect(a.attributes["prize"] == "Nobel Peace Prize")
        #expect(a.actors.count == 1)
    }

    @Test func expectedReleaseIsUnconfirmed() throws {
        let u = try corpus.events(in: .unconfirmed)
        #expect(u.contains { $0.type == .release && $0.status == .expected })
    }

    @Test func nothingFromLinkLists() throws {
        for e in try corpus.all {
            for ev in e.evidence {
                for word in ["Messi", "Gandhi", "Hamas", "Dubai", "Seattle", "Musk", "Mandir", "Gurjit"] {
                    #expect(!ev.sentence.contains(word), "\(e.type) from \(ev.sentence)")
                }
            }
        }
    }

    @Test func spellingVariantsAreAliases() throws {
        let aliases = try corpus.aliases
        #expect(aliases["Sviatlana Tsikhanouskaya"]?.contains("Tsikhnouskaya") == true)
        #expect(aliases["Minsk"]?.contains("Mink") == true)
        let bialacki = aliases.first { $0.value.contains("Bialacki") }
        #expect(bialacki != nil)
    }

    @Test func idsAreStableAndDistinct() throws {
        let again = try CorpusLoader().load(paths: [Self.seedDir]).corpus
        #expect(try corpus.all.map(\.id) == again.all.map(\.id))
        #expect(Set(try corpus.all.map(\.id)).count == (try corpus.all.count))
    }
}
