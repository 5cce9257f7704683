import EvqModel
import Foundation
import Testing
@testable import EvqExtract

/// Rules added for articles evq has never seen (issue 3): exchanges told with "in exchange
/// for" or over several sentences, arrests and sanctions without the usual words, and the
/// phrases whose trigger words report nothing (vetoes, demands, plain negation).
struct GeneralisationRuleTests {
    func events(_ body: String, date: String = "2025-03-03") -> [Event] { articleEvents(body, date: date) }

    typealias Case = OneEventCase

    /// Publication day 2025-03-03 is a Monday.
    static let cases: [Case] = [
        Case(text: "Iran released two Austrian citizens on Saturday in exchange for Reza Tavakoli, an Iranian diplomat.", type: .exchange, count: 3, date: "2025-03-01"),
        Case(text: "In May, Tehran freed three French citizens in exchange for two Iranians held in France.", type: .exchange, count: 5, date: "2024-05"),
        Case(text: "Police in Kazakhstan detained 37 people on Friday at a rally in Almaty.", type: .arrest, count: 37, date: "2025-02-28"),
        Case(text: "The blogger Dana Seitkali was taken into custody at her home on Saturday.", type: .arrest, count: nil, date: "2025-03-01"),
        Case(text: "Officers rounded up 11 oil workers on Friday.", type: .arrest, count: 11, date: "2025-02-28"),
        Case(text: "Kaval, 34, was arrested in April at his parents' home.", type: .arrest, count: nil, date: "2024-04"),
        Case(text: "Amaglobeli was first detained in January after a scuffle with a police officer.", type: .arrest, count: nil, date: "2025-01"),
        Case(text: "Canada on Monday froze the assets of 14 Iranian prison officials.", type: .sanctionsImposed, count: 14, date: "2025-03-03"),
        Case(text: "Australia blacklisted two judges of the Revolutionary Courts on Monday.", type: .sanctionsImposed, count: 2, date: "2025-03-03"),
        Case(text: "The EU is expected to impose an asset freeze and travel ban on 20 more officials.", type: .sanctionsImposed, status: .expected, count: 20),
        Case(text: "Last year's prize was awarded to reporter Bolot Asanov.", type: .award, date: "2024"),
        Case(text: "The 2023 Golden Quill Prize went to reporter Bolot Asanov.", type: .award, date: "2023"),
        Case(text: "Canada has sanctioned more than 200 individuals since the start of the crackdown in August 2020.", type: .sanctionsImposed,
            count: 200, date: "2020-08..2025-03-03"),
        Case(text: "Toktorov said border talks with Tajikistan would resume in December.", type: .meeting, status: .expected, date: "2025-12"),
        Case(text: "Opposition leader Nika Melia said he would meet U.S. diplomats next week.", type: .meeting, status: .expected, date: "2025-03-10..2025-03-16"),
        Case(text: "U.S. special envoy John Coale arrived in Minsk on Tuesday for talks with President Alexander Lukashenko.", type: .meeting, date: "2025-02-25"),
        Case(text: "Russia and Ukraine exchanged 95 prisoners of war each on Tuesday.", type: .exchange, count: 190, date: "2025-02-25"),
        Case(text: "In December 2023, Moldova handed over two Russian soldiers in return for 12 Moldovan citizens.", type: .exchange, count: 14, date: "2023-12"),
        Case(text: "The government has released some 300 prisoners so far this year.", type: .release, count: 300, date: "2025..2025-03-03"),
    ]

    @Test(arguments: cases)
    func readsOneEvent(_ c: Case) throws { try c.check() }

    /// Sentences whose trigger words report no happening of any kind.
    static let noEvents = [
        "Father Ernesto Vilchez had been released from hospital in May, his family said.",
        "The ministry said in a statement released on Sunday that 18 prisoners were in good health.",
        "The three soldiers were met at the airport by relatives on Tuesday.",
        "The court's decision met with criticism from Washington, and Hanoi has refused to meet demands from Brussels.",
        "Last year's winner Bolot Asanov was in pre-trial detention at the time.",
        "The U.N. human rights office on Friday urged Georgia to release the protesters.",
        "The rally's organisers have not been arrested.",
        "No prisoners were freed on Friday.",
        "Q: Can I exchange my device for a larger model?",
        "Melia met with relatives of the detained protesters at the court on Tuesday.",
        "Officials did not say whether more prisoners would be freed.",
        "Lukashenko and Putin have met more than 20 times since 2020.",
        "She said that lifting sanctions on the airline could lead to the release of more prisoners.",
        "The talks are part of efforts to release Belarusian political prisoners.",
    ]

    @Test(arguments: noEvents)
    func yieldsNoEvent(_ text: String) {
        let all = events(text)
        #expect(all.isEmpty, "\(all.map(\.summary))")
    }

    @Test(arguments: [
        ("The Russian embassy in London said the measures were illegal.", "Russian Embassy in London"),
        ("The U.N. human rights office said it was alarmed by the arrests.", "U.N. Human Rights Office"),
        ("Georgia's ruling Georgian Dream party said the decision was political.", "Georgian Dream"),
        ("The ruling was upheld on Monday, her lawyer, Tran Quoc Hung, said.", "Tran Quoc Hung"),
        ("Her husband, Nguyen Van Duc, accepted the award at a ceremony in Geneva and said the family was proud.", "Nguyen Van Duc"),
    ])
    func organisationsAndAppositivesSpeak(_ text: String, _ speaker: String) {
        let all = extract(files: [("a.txt", "---\ndate: 2025-03-03\n---\n\(text)\n")]).corpus.all
        #expect(all.filter { $0.type == .statement }.flatMap(\.actors) == [speaker])
    }

    @Test func explicitDenialIsStillADeniedEvent() {
        let all = events("Foreign Minister Lukas Brenner denied that Vienna had agreed to free any other prisoners.")
        #expect(all.map(\.status) == [.denied])
    }

    @Test func theLegsOfAnExchangeAreNotReleasesAndTheirSumIsItsCount() throws {
        let all = events("""
            Kyrgyzstan and Tajikistan exchanged detainees at a border crossing on Tuesday.

            Kyrgyz authorities handed over five Tajik citizens, while Tajikistan freed three Kyrgyz soldiers.

            The three soldiers were flown to Bishkek later on Tuesday.

            Separately, Tajik police on Friday released nine activists detained at a protest.
            """, date: "2025-11-05")
        let x = try #require(all.first { $0.type == .exchange }, "\(all.map(\.summary))")
        #expect(x.count?.value == 8)
        #expect(x.date.display == "2025-11-04")
        #expect(!all.contains { $0.type == .deportation })
        // The release told as a separate happening stays a release.
        #expect(all.filter { $0.type == .release }.map { $0.count?.value } == [9])
    }

    @Test func anExchangeToldAsReleaseForPeopleAbsorbsItsLaterUndatedLegs() throws {
        let all = events("""
            Belarus released five Lithuanian citizens on Friday in exchange for 12 Belarusians held in Lithuania.

            The deal was mediated by the Vatican, officials said.

            Talks on the deal began in the spring.

            Lithuania has closed two border crossings this year.

            The five Lithuanians freed in the deal were taken to a hospital in Vilnius for checks.
            """)
        let x = try #require(all.first { $0.type == .exchange }, "\(all.map(\.summary))")
        #expect(x.count?.value == 17)
        #expect(x.date.display == "2025-02-28")
        #expect(!all.contains { $0.type == .release })
    }

    @Test func freedPrisonersFlownAbroadAreADeportationBesideTheRelease() {
        let all = events("Nicaragua's government released eighteen political prisoners on Saturday and put them on a chartered plane to Guatemala.")
        #expect(all.map(\.type).sorted { $0.rawValue < $1.rawValue } == [.deportation, .release])
        #expect(all.allSatisfy { $0.count?.value == 18 && $0.date.display == "2025-03-01" })
    }
}
