import EvqModel
import Testing
@testable import EvqExtract

struct QuantityTests {
    static let cases: [(text: String, value: Int?, qualifier: Qualifier)] = [
        ("Belarus freed 123 political prisoners.", 123, .exact),
        ("It freed 1,150 prisoners.", 1150, .exact),
        ("It freed fifteen prisoners.", 15, .exact),
        ("It freed twenty-two prisoners.", 22, .exact),
        ("It freed a dozen prisoners.", 12, .exact),
        ("It freed more than 50 political prisoners.", 50, .moreThan),
        ("It freed over 40 people.", 40, .moreThan),
        ("It freed at least 16 detainees.", 16, .atLeast),
        ("It freed about 300 prisoners.", 300, .about),
        ("It freed nearly 300 prisoners.", 300, .about),
        ("It freed some 30 activists.", 30, .about),
        ("It may free up to 20 prisoners.", 20, .atMost),
        ("It freed hundreds of prisoners.", nil, .unspecified),
        ("It freed dozens of prisoners.", nil, .unspecified),
        ("It freed more than a thousand prisoners.", 1000, .moreThan),
        ("It freed 15 women and seven men.", 22, .exact),
    ]

    @Test(arguments: cases)
    func readsCounts(_ c: (text: String, value: Int?, qualifier: Qualifier)) {
        let q = QuantityFinder().find(tokens(c.text)).first { $0.noun != nil }
        #expect(q?.quantity.value == c.value, "\(c.text)")
        #expect(q?.quantity.qualifier == c.qualifier, "\(c.text)")
    }

    @Test func partsAreKept() {
        let q = QuantityFinder().find(tokens("a decree granting amnesty to 22 people - 15 women and seven men - before the New Year")).first
        #expect(q?.quantity.value == 22)
        #expect(q?.parts == ["women": 15, "men": 7])
    }

    static let notCounts = [
        "Lukashenko has ruled the nation of 9.5 million with an iron fist.",
        "He has ruled for more than three decades.",
        "She was sentenced to 10 years in prison.",
        "A 71-year-old teacher was among them.",
        "Turnout was 45 percent.",
        "He won the prize in 2022.",
    ]

    @Test(arguments: notCounts)
    func measuresAreNotCounts(_ text: String) {
        #expect(QuantityFinder().find(tokens(text)).allSatisfy { $0.noun == nil }, "\(text)")
    }

    @Test func stocksAreMarked() {
        let q = QuantityFinder().find(tokens("More than a thousand political prisoners are still behind bars.")).first
        #expect(q?.isStock == true)
    }
}
