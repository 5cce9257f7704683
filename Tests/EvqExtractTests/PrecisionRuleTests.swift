import EvqModel
import Foundation
import Testing
@testable import EvqExtract

/// Rules for the types evq read worst on unseen articles (issue 3): release precision (words
/// that look like releases but are not), prisoner exchanges counted both ways and told over
/// several sentences, and meetings (who hosts whom, what is planned, what only greets).
struct PrecisionRuleTests {
    func events(_ body: String, date: String = "2025-03-03") -> [Event] { articleEvents(body, date: date) }

    func statements(_ body: String, date: String = "2025-03-03") -> [Event] {
        extract(files: [("a.txt", "---\ndate: \(date)\n---\n\(body)\n")]).corpus.all.filter { $0.type == .statement }
    }

    typealias Case = OneEventCase

    /// Publication day 2025-03-03 is a Monday.
    static let cases: [Case] = [
        // Exchanges: everyone moved both ways.
        Case(text: "Two Americans were swapped for a Russian on Saturday.", type: .exchange, count: 3, date: "2025-03-01"),
        Case(text: "Russia and Ukraine carried out a 1,000-for-1,000 prisoner exchange on Friday.", type: .exchange, count: 2000, date: "2025-02-28"),
        Case(text: "Russia and Ukraine carried out a 10-for-10 prisoner exchange on Friday.", type: .exchange, count: 20, date: "2025-02-28"),
        Case(text: "Under the deal, Belarus released Andrzej Poczobut and Poland freed two Belarusian agents on Saturday.", type: .exchange, count: 3,
            date: "2025-03-01"),
        Case(text: "Russia and Ukraine each released 150 prisoners of war on Sunday.", type: .exchange, count: 300, date: "2025-03-02"),
        Case(text: "Belarus released Poczobut and four other Polish citizens, while Poland handed over two Belarusians and a Russian national, "
            + "Polish Foreign Minister Radoslaw Sikorski said.", type: .exchange, count: 8),
        Case(text: "Azerbaijan returned two Armenian soldiers on Tuesday, and Armenia handed back a captured Azerbaijani serviceman.",
            type: .exchange, count: 3, date: "2025-02-25"),
        // An undated return told before an old, dated swap is the report's own news, not that swap's leg
        // (without the rule the count was 84 + 115).
        Case(text: "Ukraine said on Sunday that 84 prisoners of war had returned home.\n\nIn August last year, Russia released 115 Ukrainian "
            + "soldiers in a swap brokered by the United Arab Emirates.", type: .exchange, count: 115, date: "2024-08"),
        Case(text: "Officials said more exchanges of prisoners were planned.", type: .exchange, status: .expected),
        Case(text: "Coale is visiting Minsk this week, his third trip since June.", type: .meeting, date: "2025-03-03..2025-03-09"),
        Case(text: "Last month, Russia freed American teacher Marc Fogel in exchange for Russian cybercriminal Alexander Vinnik.", type: .exchange,
            count: 2, date: "2025-02"),
        Case(text: "In 2022, Caracas released seven Americans in exchange for two nephews of the president's wife.", type: .exchange, count: 9,
            date: "2022"),
        Case(text: "A second exchange, of about 250 prisoners, is due to take place next month.", type: .exchange, status: .expected, count: 250,
            date: "2025-04"),
        Case(text: "Peskov said Moscow had not ruled out an exchange of prisoners with Washington.", type: .exchange, status: .hypothetical),
        Case(text: "Rubio and Lavrov met in Riyadh on Tuesday and discussed the possibility of a prisoner exchange.", type: .exchange,
            status: .hypothetical),
        // Meetings: hosting, receiving, states through their ministers, plans.
        Case(text: "On Tuesday, Cassis received Bayramov in Bern.", type: .meeting, date: "2025-02-25"),
        Case(text: "Swiss Foreign Minister Ignazio Cassis hosted Armenia's Ararat Mirzoyan on Wednesday.", type: .meeting, date: "2025-02-26"),
        Case(text: "The foreign ministers of Armenia and Azerbaijan held talks in Geneva on Wednesday.", type: .meeting, date: "2025-02-26"),
        Case(text: "A planned meeting between Pakistani Interior Minister Mohsin Naqvi and his Indian counterpart was postponed.", type: .meeting,
            status: .expected),
        Case(text: "Mirzoyan told reporters the sides had agreed to meet again in November.", type: .meeting, status: .expected, date: "2025-11"),
        Case(text: "Maduro said he was ready to sit down with Washington again.", type: .meeting, status: .hypothetical),
        // Arrests and sentences in other words.
        Case(text: "Two journalists were seized by masked men outside their office on Monday.", type: .arrest, count: 2, date: "2025-03-03"),
        Case(text: "Tbilisi police raided the offices of three NGOs and detained their directors on Wednesday.", type: .arrest, date: "2025-02-26"),
        Case(text: "A court in Baku handed the journalist a nine-year prison sentence on Monday.", type: .sentencing, date: "2025-03-03"),
        // Releases, pardons, arrests: status and dates.
        Case(text: "Belarus freed Ihar Losik, Ales Pushkin and three other journalists on Friday.", type: .release, count: 5, date: "2025-02-28"),
        Case(text: "He was detained in November after crossing into Venezuela from Colombia.", type: .arrest, date: "2024-11"),
        Case(text: "Belarus freed 16 prisoners on Friday, a day after U.S. envoy John Coale held talks with Lukashenko in Minsk.", type: .meeting,
            date: "2025-02-27"),
        Case(text: "Lukashenko pardoned 25 prisoners in September and freed 14 others in June.", type: .release, count: 14, date: "2024-06"),
        Case(text: "Poczobut was arrested in March 2021 and sentenced to eight years in a penal colony in February 2023.", type: .sentencing,
            date: "2023-02"),
        Case(text: "Their release brings to more than 400 the number of political prisoners Lukashenko has freed since July 2024.", type: .release,
            count: 400, date: "2024-07..2025-03-03", total: true),
        Case(text: "His newspaper had campaigned for his release since his arrest in March 2023.", type: .arrest, date: "2023-03"),
        Case(text: "She said she would pardon all jailed protesters if parliament did not pass the law.", type: .pardon, status: .hypothetical),
        Case(text: "The government plans to release 2,000 inmates under the amnesty next month.", type: .release, status: .expected, count: 2000,
            date: "2025-04"),
        Case(text: "Last year, the same group freed a German priest held since 2022.", type: .release, date: "2024"),
        Case(text: "The family is awaiting his release from a penal colony near Minsk.", type: .release, status: .expected),
        Case(text: "His release was postponed until after the election, his lawyer said.", type: .release, status: .expected),
        Case(text: "Belarus has freed 40 prisoners this year.", type: .release, count: 40, date: "2025..2025-03-03", total: true),
    ]

    @Test(arguments: cases)
    func readsOneEvent(_ c: Case) throws {
        // Every case here also asserts the total flag: false unless the case says otherwise.
        var c = c
        c.total = c.total ?? false
        try c.check()
    }

    /// Sentences whose trigger words report no happening (of any type but statements).
    static let noEvents = [
        "The State Department released a brief statement on the prisoners on Sunday.",
        "Amnesty International released its annual report on Monday, saying 45 prisoners are held.",
        "Families of the men had been pressing for their release for months.",
        "South Korea freed up $3 billion in Iranian oil revenue on Tuesday.",
        "Lukashenko told Coale that Belarus was ready to meet Washington halfway.",
        "President Gustavo Petro suspended peace talks with the ELN in January.",
        "The meeting between Coale and Lukashenko was cancelled on Friday.",
        "Two people familiar with the talks said Carter was well.",
        "The ministry released the names of the prisoners on Saturday.",
        "Lithuania returned the bodies of two soldiers, and Belarus handed back a damaged truck.",
        "The disputed election in 2020 handed Lukashenko a sixth term.",
        "Police seized the assets of five activists on Friday.",
        "The release of political prisoners remains a key demand of the opposition.",
        "We released Tessera 2.4 on Monday.",
        "I met Maria Novak in Warsaw in 2010.",
        "The prisoners flew to Guatemala, where they were received by Guatemalan officials and the Foreign Ministry.",
        "Maria Novak exchanged ideas with other developers in Berlin.",
        "Manchester City have released striker Tom Ellis, ending a six-year spell.",
        "Ihar Losik, who had been jailed since 2020, was among them.",
        "The EU said sanctions on Belarus will stay in place until all political prisoners are freed.",
    ]

    @Test(arguments: noEvents)
    func readsNothing(_ text: String) {
        #expect(events(text).isEmpty, "\(events(text).map(\.summary))")
    }

    /// "any easing of sanctions" is no particular happening.
    @Test func anyIsNoParticularHappening() {
        let all = events("The EU has tied any easing of sanctions to the release of political prisoners.")
        #expect(!all.contains { $0.status == .occurred }, "\(all.map(\.summary))")
    }

    /// Greeting freed people on arrival is no meeting.
    @Test func greetingAtTheAirportIsNoMeeting() {
        let all = events("The Russians were flown to Moscow, where President Vladimir Putin met them at Vnukovo airport.")
        #expect(!all.contains { $0.type == .meeting }, "\(all.map(\.summary))")
    }

    /// "according to Amnesty", "Amnesty International": a trigger word that is a name.
    @Test func triggerWordInsideANameIsNoEvent() {
        let all = events("Iran has released 14 dual nationals since 2023, according to Amnesty. Amnesty International said 45 remain held.")
        #expect(!all.contains { $0.type == .amnesty })
        #expect(all.contains { $0.type == .release && $0.total && $0.count?.value == 14 })
    }

    /// An exchange told one side per sentence is one event counting both sides.
    @Test(arguments: [
        ("Moscow freed five Americans and three Germans on Wednesday in a prisoner swap. In return, the United States released six Russians.", 14),
        ("Russia and the United States carried out a prisoner swap on Wednesday. Moscow freed five Americans and three Germans. "
            + "In return, the United States released six Russians. The five Americans were flown to Maryland.", 14),
        ("An armed group freed three foreign hostages on Saturday. The authorities released 30 of the group's fighters in return.", 33),
        ("India and Pakistan swapped prisoners on Monday. Pakistan handed over 22 Indian fishermen, while India sent back 15 civilians, "
            + "among them three women.", 37),
        ("The Houthis freed 48 soldiers on Sunday in a prisoner swap. In return, the government released 72 fighters.", 120),
    ])
    func exchangeLegsAddUp(_ text: String, _ count: Int) throws {
        let all = events(text)
        let x = try #require(all.first { $0.type == .exchange }, "\(all.map(\.summary))")
        #expect(x.count?.value == count)
        #expect(!all.contains { DocumentMerger.family($0.type) == "release" || $0.type == .deportation }, "\(all.map(\.summary))")
    }

    /// A headline's swap over a body that tells each side as a release is one exchange.
    @Test func headlineSwapGathersTheBodysReleases() throws {
        let x = extract(files: [("a.txt", "Russia and US swap prisoners in Istanbul\n\nPublished 7 Nov 2025 09:00 GMT\n\n"
            + "ISTANBUL (AP) - Russia freed American journalist Daniel Hart and two other U.S. citizens on Thursday, U.S. officials said.\n\n"
            + "The United States released four Russians, including an arms dealer convicted in 2019, a Kremlin spokesman said.\n")])
        let all = x.corpus.all.filter { $0.type != .statement }
        let e = try #require(all.first { $0.type == .exchange }, "\(all.map(\.summary))")
        #expect(e.count?.value == 7)
        #expect(e.date.display == "2025-11-06")
        #expect(all.count == 1, "\(all.map(\.summary))")
    }

    /// "Most of those pardoned were freed on Friday" is the pardon told before, a day later.
    @Test func pardonThenFreedIsOneHappening() {
        let all = events("Aliyev on Thursday signed a decree pardoning 154 prisoners. Most of those pardoned were freed on Friday.")
        #expect(all.filter { DocumentMerger.family($0.type) == "release" }.count == 1, "\(all.map(\.summary))")
    }

    /// A count past another event's trigger is that event's.
    @Test func countOfAnotherEventIsNotTaken() throws {
        let all = events("The release came a day after the U.S. Treasury imposed sanctions on 21 Venezuelan officials on Tuesday.")
        let s = try #require(all.first { $0.type == .sanctionsImposed })
        #expect(s.count?.value == 21)
        #expect(!all.contains { $0.type == .release && $0.count != nil })
    }

    /// The same exact group pardoned one day and released the next is one happening.
    @Test func pardonedThenReleasedNextDayIsOneHappening() {
        let all = events("Lukashenko pardoned 16 prisoners on Friday. The 16 were released on Saturday and driven to the Lithuanian border.")
        #expect(all.filter { DocumentMerger.family($0.type) == "release" }.count == 1, "\(all.map(\.summary))")
        #expect(all.contains { $0.type == .deportation && $0.count?.value == 16 })
    }

    /// An article telling a release without a day joins another article's dated report of it.
    @Test func undatedReportJoinsItsDatedHappening() {
        let x = extract(files: [
            ("a.txt", "---\ndate: 2025-02-01\n---\nVenezuela freed six detained Americans on Friday.\n"),
            ("b.txt", "---\ndate: 2025-02-03\n---\nThe release of six Americans by Venezuela has raised hopes, advocates said on Monday.\n"),
        ])
        let releases = x.corpus.all.filter { $0.type == .release }
        #expect(releases.count == 1)
        #expect(releases.first?.sources == ["a.txt", "b.txt"])
        #expect(releases.first?.date.display == "2025-01-31")
    }

    /// Reports of one release a day apart with the same count, or "about" a round figure near
    /// the other's, are one happening.
    @Test(arguments: [
        ("Belarus freed 31 prisoners on Friday.", "Belarus freed 31 prisoners on Saturday.", 1),
        ("Belarus freed 123 prisoners on Friday.", "Belarus freed about 120 prisoners on Friday.", 1),
        ("Belarus freed 31 prisoners on Friday.", "Belarus freed 31 prisoners on Wednesday.", 2),
        ("Belarus freed 123 prisoners on Friday.", "Belarus freed about 100 prisoners on Friday in Grodno.", 2),
    ])
    func nearReportsMerge(_ a: String, _ b: String, _ n: Int) {
        let x = extract(files: [("a.txt", "---\ndate: 2025-03-03\n---\n\(a)\n"), ("b.txt", "---\ndate: 2025-03-03\n---\n\(b)\n")])
        #expect(x.corpus.all.filter { $0.type == .release }.count == n)
    }

    /// Two arrests told with only the same month and no number are two people's.
    @Test func sameMonthWithoutCountDoesNotTie() {
        let x = extract(files: [
            ("a.txt", "---\ndate: 2025-06-05\n---\nHis newspaper had campaigned for him since his arrest in March 2023.\n"),
            ("b.txt", "---\ndate: 2025-04-23\n---\nThe reporter Pham Thi Lan was arrested in Hanoi in March 2023.\n"),
        ])
        #expect(x.corpus.all.filter { $0.type == .arrest }.count == 2)
    }

    /// Blocs, seats of government and publishers of statements speak; places do not.
    @Test(arguments: [
        ("Venezuela freed six Americans on Friday, the White House said.", "White House"),
        ("The European Union called for the release of all detained protesters.", "European Union"),
        ("The State Department released a statement welcoming the release.", "State Department"),
        ("Houthi negotiator Abdulqader al-Murtada told Reuters the swap was complete.", "Abdulqader al-Murtada"),
        ("The figures come from the Viasna human rights center, which says about 1,100 remain behind bars.", "Viasna Human Rights Center"),
    ])
    func speakers(_ text: String, _ speaker: String) {
        #expect(statements(text).contains { $0.actors == [speaker] }, "\(statements(text).map(\.actors))")
    }

    @Test func aPlaceReleasingAStatementIsNoSpeaker() {
        #expect(statements("Baku released a statement on Wednesday evening.").isEmpty)
        #expect(events("Baku released a statement on Wednesday evening.").isEmpty)
    }
}
