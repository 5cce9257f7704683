import Testing
@testable import EvqExtract

struct NameTests {
    static let variantPairs: [(String, String, Bool)] = [
        ("Ales Bialiatski", "Ales Bialacki", true),
        ("Ales Bialiatski", "Bialacky", true),
        ("Sviatlana Tsikhanouskaya", "Tsikhnouskaya", true),
        ("Sviatlana Tsikhanouskaya", "Ціханоўская", true),
        ("Alexander Lukashenko", "Łukašenka", true),
        ("Alexander Lukashenko", "Alexander Lukashenka", true),
        ("John Coale", "John Cole", false),
        ("Donald Trump", "Donald Tusk", false),
        ("Alexander Lukashenko", "Alaksandr Łukašenka", true),
        ("Sviatlana Tsikhanouskaya", "Siarhei Tsikhanouski", false),
    ]

    @Test(arguments: variantPairs)
    func surnameVariants(_ c: (String, String, Bool)) {
        #expect(NameVariants().samePerson(c.0, c.1) == c.2, "\(c.0) / \(c.1)")
    }

    @Test func foldsToASCII() {
        let lex = Lexicon.standard
        #expect(lex.fold("Łukašenka") == "lukasenka")
        #expect(lex.fold("Ціханоўская") == "tsikhanouskaya")
    }

    @Test func groupPicksTheFullFormAsCanonical() {
        let g = NameVariants().group(["Ales Bialiatski": 3, "Bialacki": 1, "Ales Bialacky": 1, "John Coale": 2])
        #expect(g["Bialacki"] == "Ales Bialiatski")
        #expect(g["Ales Bialacky"] == "Ales Bialiatski")
        #expect(g["John Coale"] == "John Coale")
    }

    @Test func findsTitlesPlacesAndAgencies() {
        let names = NameFinder().find(tokens("Belarusian President Alexander Lukashenko told Reuters in Minsk."))
        #expect(names.map(\.kind) == [.demonym, .person, .agency, .place])
        #expect(names[1].text == "Alexander Lukashenko")
        #expect(names[1].role == "president")
        #expect(names[0].canonical == "Belarus")
    }
}
