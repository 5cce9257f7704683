import EvqModel
import Testing
@testable import EvqExtract

/// The rules of SentenceRefinements.swift and their lexicon entries, each read from one or two
/// sentences of the shapes DevSet articles 44-55 brought in (both sides' figures of a swap,
/// "N for N", relative-clause dates, negated and scheduled trigger nouns, words that look like
/// exchanges or meetings but are not).
struct RefinementRuleTests {
    typealias Case = OneEventCase

    /// Publication day 2025-03-03 is a Monday.
    static let cases: [Case] = [
        // "25 prisoners for 25": a bare number after "for" is the other side.
        Case(text: "In January, the two sides exchanged 25 prisoners for 25 in a deal brokered by the United Arab Emirates.", type: .exchange,
            count: 50, date: "2025-01"),
        // A trigger noun whose "was expected" comes after an appositive: still to come.
        Case(text: "Defence Minister Rustem Umerov said another swap, of 500 for 500, was expected next week.", type: .exchange,
            status: .expected, count: 1000, date: "2025-03-10..2025-03-16"),
        // A date inside a relative clause after the trigger dates that clause, not the trigger.
        Case(text: "Israel released 183 Palestinian prisoners on Saturday in the fifth exchange under a ceasefire deal that took effect last month.",
            type: .exchange, count: 183, date: "2025-03-01"),
        // A pluperfect relative clause is background: the main clause's date is not its own.
        Case(text: "Venezuela released 10 U.S. citizens on Friday in exchange for 252 Venezuelan migrants whom the United States had deported to El Salvador.",
            type: .exchange, count: 262, date: "2025-02-28"),
        // "the number of PEOPLE freed": the running total is a release's, whatever its subject.
        Case(text: "The swaps brought to more than 5,000 the number of Ukrainians freed from Russian captivity since February 2022.", type: .release,
            count: 5000, date: "2022-02..2025-03-03", total: true),
        // "seven of them", "Twenty-five nationals among those pardoned": the subject's count.
        Case(text: "Seven of them were deported to Egypt on Saturday.", type: .deportation, count: 7, date: "2025-03-01"),
        Case(text: "Twenty-five foreign nationals among those pardoned will be deported, the ministry said.", type: .deportation, status: .expected,
            count: 25),
        // "held talks ... and agreed to meet again": a second meeting, still to come, without the first's date.
        Case(text: "Aliyev and Pashinyan held talks in Abu Dhabi last week and agreed to meet again before the end of the year.", type: .meeting,
            status: .expected),
        // "freed 127 ..., the first group of 553 it has promised to release": the promise has its own count.
        Case(text: "Cuba freed 127 prisoners on Wednesday, the first group of 553 it has promised to release under a deal mediated by the Vatican.",
            type: .release, status: .expected, count: 553),
        // Named people each way: 3 + 2.
        Case(text: "In August, Russia freed journalist Evan Carter, former Marine Paul Whitman and radio editor Lena Kurmash in exchange for Vadim Sokolov and Roman Selin.",
            type: .exchange, count: 5, date: "2024-08"),
        // An armed group (organizations.txt) and a state each freeing people in one sentence.
        Case(text: "Hamas freed four Israeli soldiers on Saturday and Israel released 200 Palestinian prisoners hours later.", type: .exchange,
            count: 204, date: "2025-03-01"),
        // A date after the comma closing an "including ..." subset is the main clause's.
        Case(text: "Turkish police detained seven journalists, including an AFP photographer, in dawn raids on their homes on Saturday.",
            type: .arrest, count: 7, date: "2025-03-01"),
        // "open to" (hedges.tsv) makes a happening only possible.
        Case(text: "The Kremlin said it was open to a new exchange involving Americans.", type: .exchange, status: .hypothetical),
        // Singular captive nouns (captives.txt) and "rearrested".
        Case(text: "Police arrested a journalist on Saturday.", type: .arrest, date: "2025-03-01"),
        Case(text: "The activist was rearrested on Friday.", type: .arrest, date: "2025-02-28"),
        Case(text: "Iran has detained a French tourist, his family said on Sunday.", type: .arrest, date: "2025-03-02"),
        // "a"/"an" + a demonym right after the verb opens a person as its object.
        Case(text: "Police detained a British-Iranian academic at Tehran airport on Saturday.", type: .arrest, date: "2025-03-01"),
        Case(text: "Russia freed a U.S. citizen on Friday in exchange for a Russian national.", type: .exchange, count: 2, date: "2025-02-28"),
        // "The deportations in March": the plural noun is a trigger.
        Case(text: "The deportations in March, under an 18th-century wartime law, were challenged in U.S. courts.", type: .deportation,
            date: "2025-03"),
    ]

    @Test(arguments: cases)
    func readsOneEvent(_ c: Case) throws {
        if c.status == .occurred {
            try c.check()
        } else {
            // (The first event of the type may be the occurred one of the same sentence.)
            let all = articleEvents(c.text)
            let e = try #require(all.first { $0.type == c.type && $0.status == c.status }, "\(all.map(\.summary))")
            #expect(e.count?.value == c.count)
            if let date = c.date { #expect(e.date.display == date) }
        }
    }

    /// The later happening of "held talks last week and agreed to meet again" takes no date
    /// from the first, and the first keeps its own.
    @Test func laterHappeningKeepsNoDateOfTheFirst() throws {
        let all = articleEvents("Aliyev and Pashinyan held talks in Abu Dhabi last week and agreed to meet again before the end of the year.")
        let held = try #require(all.first { $0.type == .meeting && $0.status == .occurred }, "\(all.map(\.summary))")
        let again = try #require(all.first { $0.type == .meeting && $0.status == .expected }, "\(all.map(\.summary))")
        #expect(held.date.display == "2025-02-24..2025-03-02")
        #expect(again.date.isMissing)
    }

    /// "met Dmitriev, ..., who had visited Washington in January": the visit is dated January,
    /// the meeting by the sentence's own "Earlier on Sunday".
    @Test func relativeClauseDateStaysInItsClause() {
        let all = articleEvents("Earlier on Sunday, Witkoff met Kirill Dmitriev, head of Russia's sovereign wealth fund, who had visited Washington in January.")
        #expect(all.contains { $0.type == .meeting && $0.date.display == "2025-03-02" }, "\(all.map(\.summary))")
        #expect(all.contains { $0.type == .meeting && $0.date.display == "2025-01" }, "\(all.map(\.summary))")
    }

    /// Sentences whose trigger words report no happening of any type but statements.
    static let noEvents = [
        "Kremlin aide Yuri Ushakov told reporters the two had exchanged \"signals\" on Ukraine.",
        "The two delegations exchanged lists of prisoners on Tuesday.",
        "A meeting between Putin and Ukrainian President Volodymyr Zelenskiy is not on the agenda, Ushakov said.",
        "An exchange of prisoners is not planned this year, the ministry said.",
        "At the border crossing, relatives met them with flags and flowers.",
        "An opposition activist who suffered a cardiac arrest in custody was taken to hospital.",
        "Prosecutors issued arrest warrants for three opposition journalists living abroad.",
        "Authorities said the freed men would be allowed to return home.",
        "The swap was brokered by the UAE, which has mediated more than a dozen exchanges since 2022.",
    ]

    @Test(arguments: noEvents)
    func readsNothing(_ text: String) {
        let all = articleEvents(text)
        #expect(all.isEmpty, "\(all.map(\.summary))")
    }

    /// State news agencies (agencies.txt) are cited sources, not speakers.
    @Test func stateNewsAgencyIsNoSpeaker() {
        let all = extract(files: [("a.txt", "---\ndate: 2025-03-03\n---\nThe king pardoned 630 prisoners on Tuesday, the state news agency BNA reported.\n")]).corpus.all
        #expect(all.contains { $0.type == .pardon })
        #expect(!all.contains { $0.type == .statement }, "\(all.map(\.summary))")
    }

    /// "303 Ukrainian servicemen had returned home" and "303 Russian soldiers had been
    /// returned": both sides of the exchange told before, equal figures counted twice.
    @Test func bothSidesFiguresAddUp() throws {
        let all = articleEvents("""
            Russia and Ukraine carried out a prisoner exchange on Sunday mediated by the United Arab Emirates.

            Ukrainian President Volodymyr Zelenskiy said 303 Ukrainian servicemen had returned home. Russia's Defence Ministry said 303 Russian soldiers had been returned from territory controlled by Kyiv.
            """)
        let x = try #require(all.first { $0.type == .exchange }, "\(all.map(\.summary))")
        #expect(x.count?.value == 606)
        #expect(x.date.display == "2025-03-02")
        #expect(!all.contains { $0.type == .release }, "\(all.map(\.summary))")
    }

    /// "On Friday ... swapped 390 prisoners each, and on Saturday Ukraine received 307 soldiers
    /// in return for 307 Russians": two exchanges, each with its own day and count.
    @Test func twoSwapsInOneSentence() {
        let all = articleEvents("On Friday the two sides swapped 390 prisoners each, and on Saturday Ukraine received 307 soldiers in return for 307 Russians.")
        #expect(all.contains { $0.type == .exchange && $0.count?.value == 780 && $0.date.display == "2025-02-28" }, "\(all.map(\.summary))")
        #expect(all.contains { $0.type == .exchange && $0.count?.value == 614 && $0.date.display == "2025-03-01" }, "\(all.map(\.summary))")
        #expect(all.filter { $0.type == .exchange }.count == 2)
    }

    /// A returned group with no exchange told nearby reports nothing.
    @Test func returnedGroupAloneIsNoEvent() {
        let all = articleEvents("Officials said 40 soldiers had returned to their base on Sunday.")
        #expect(all.isEmpty, "\(all.map(\.summary))")
    }

    /// "seven of them were deported to Egypt" after an exchange stands beside it (an expulsion,
    /// not one of its legs).
    @Test func expulsionStandsBesideAnExchange() throws {
        let all = articleEvents("""
            Israel released 183 Palestinian prisoners on Saturday, hours after Hamas freed three Israeli hostages, in the fifth exchange under the deal.

            Buses carrying the freed prisoners were greeted by crowds in Ramallah, while seven of them were deported to Egypt.
            """)
        #expect(all.contains { $0.type == .exchange && $0.count?.value == 186 }, "\(all.map(\.summary))")
        #expect(all.contains { $0.type == .deportation && $0.count?.value == 7 }, "\(all.map(\.summary))")
    }

    /// "U.S. President Donald Trump" inside a sentence does not end it.
    @Test func usPresidentDoesNotEndASentence() throws {
        let all = articleEvents("Netanyahu, who met U.S. President Donald Trump at the White House on Tuesday, has threatened to resume fighting.")
        let m = try #require(all.first { $0.type == .meeting }, "\(all.map(\.summary))")
        #expect(m.date.display == "2025-02-25")
        #expect(m.actors.contains("Donald Trump"))
    }
}
