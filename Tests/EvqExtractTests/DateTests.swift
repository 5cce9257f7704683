import EvqModel
import Testing
@testable import EvqExtract

/// Relative and absolute date expressions, anchored to a publication date (2025-12-13 is a Saturday).
struct DateTests {
    static let cases: [(text: String, pub: String, expected: String)] = [
        ("It happened on Tuesday.", "2025-12-13", "2025-12-09"),
        ("They met Friday.", "2025-12-13", "2025-12-12"),
        ("They met on Saturday.", "2025-12-13", "2025-12-13"),
        ("He left last Saturday.", "2025-12-13", "2025-12-06"),
        ("He left last Thursday.", "2025-12-13", "2025-12-11"),
        ("It was signed December 13.", "2026-01-05", "2025-12-13"),
        ("It was signed on Dec. 12, 2025.", "2026-03-01", "2025-12-12"),
        ("Published 14 Sep 2025 09:12 GMT", "2020-01-01", "2025-09-14"),
        ("They were freed in September 2025.", "2025-12-13", "2025-09"),
        ("It happened last year.", "2025-12-13", "2024"),
        ("It happened earlier this month.", "2025-12-13", "2025-12..2025-12-13"),
        ("He was sentenced two weeks ago.", "2025-12-13", "2025-11-26..2025-12-02"),
        ("They were freed over the weekend.", "2025-03-03", "2025-03..2025-03-02"),
        ("Belarus released 430 since July 2024.", "2025-12-13", "2024-07..2025-12-13"),
        ("The dialogue grew in recent months.", "2025-12-13", "2025-06-14..2025-12-13"),
        ("They met on Friday and Saturday.", "2025-12-13", "2025-12-12..2025-12-13"),
        ("He won the prize in 2022.", "2025-12-13", "2022"),
        ("It happened yesterday.", "2025-12-13", "2025-12-12"),
        ("The last time they met, in September, nothing happened.", "2025-12-13", "2025-09"),
        ("It was announced in March.", "2025-02-10", "2024-03"),
        ("400 were held since protests began last November.", "2024-06-05", "2023-11..2024-06-05"),
        ("They have been freed since the summer of 2024.", "2025-11-21", "2024-06..2025-11-21"),
        // A month with the year named relatively: that month of that year, not the latest such month.
        ("In August last year, Russia released 115 soldiers.", "2025-09-14", "2024-08"),
        ("They met in December last year.", "2025-03-01", "2024-12"),
        ("Talks resumed in March this year.", "2025-09-14", "2025-03"),
        ("The amnesty takes effect in January next year.", "2025-09-14", "2026-01"),
    ]

    @Test(arguments: cases)
    func resolvesAgainstPublicationDate(_ c: (text: String, pub: String, expected: String)) {
        let d = resolveFirst(c.text, pub: c.pub)
        #expect(d?.display == c.expected, "\(c.text)")
    }

    @Test func futureBiasLooksForward() {
        #expect(resolveFirst("They will meet on Tuesday.", pub: "2025-12-13", future: true)?.display == "2025-12-16")
    }

    @Test func withoutPublicationDateRelativeStaysMissing() {
        #expect(resolveFirst("It happened on Tuesday.", pub: nil)?.isMissing == true)
        #expect(resolveFirst("It happened on Tuesday.", pub: nil)?.text == "Tuesday")
        #expect(resolveFirst("It happened in September 2025.", pub: nil)?.display == "2025-09")
    }

    @Test func windowGivesTheRangeOfAllMatchingDays() {
        let t = tokens("On Tuesday he signed it.")
        let m = TemporalTagger().tag(t)[0]
        let w = PublicationWindow(start: day("2025-12-13"), end: day("2025-12-31"))
        let d = DateResolver().resolve(m.expression, text: m.text, window: w)
        #expect(d.display == "2025-12-09..2025-12-30")
        #expect(d.precision == .range)
        let open = DateResolver().resolve(m.expression, text: m.text, window: PublicationWindow(start: day("2025-12-13"), end: nil))
        #expect(open.isMissing)
    }

    @Test func mayAndMarchAsVerbsAreNotDates() {
        #expect(TemporalTagger().tag(tokens("Putin may accept some advice.")).isEmpty)
        #expect(TemporalTagger().tag(tokens("Protesters march to the square.")).isEmpty)
    }
}
