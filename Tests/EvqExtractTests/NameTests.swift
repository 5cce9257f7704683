import EvqDiagnostics
import EvqModel
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

/// `NameVariants.keepsFirstLetter` must agree with `NameKey`: a word starting with such a letter
/// keeps it as the first letter of its key, whatever follows.
struct FirstLetterTests {
    static let letters = Array("abcdefghijklmnopqrstuvwxyz".utf8)

    @Test(arguments: letters.filter { NameVariants.keepsFirstLetter($0) })
    func keyKeepsTheFirstLetter(_ first: UInt8) {
        for a in Self.letters {
            for b in Self.letters {
                let word = String(decoding: [first, a, b, UInt8(ascii: "a")], as: UTF8.self)
                #expect(NameKey.transliteration(word).utf8.first == first, "\(word)")
            }
        }
    }

    @Test func someLettersAreRewritten() {
        // The others really are rule starts (so the test above is not vacuous).
        #expect(NameKey.transliteration("tsar").utf8.first != UInt8(ascii: "t"))
        #expect(!NameVariants.keepsFirstLetter(UInt8(ascii: "t")))
        #expect(Self.letters.filter { NameVariants.keepsFirstLetter($0) }.count == 16)
    }
}

/// `NameVariants.phonetic` (the fast rewrite) must give `NameKey.transliteration`'s key.
struct PhoneticKeyTests {
    static let fragments = ["s", "c", "h", "t", "z", "k", "x", "o", "u", "w", "v", "y", "i", "j", "a", "e", "sch", "tch", "ovs", "b", "l"]

    @Test(arguments: fragments)
    func agreesWithNameKey(_ first: String) {
        for a in Self.fragments {
            for b in Self.fragments {
                for word in [first + a + b, first + a + b + "ka", "a" + first + a + b] {
                    #expect(NameVariants.phonetic(word) == NameKey.transliteration(word), "\(word)")
                }
            }
        }
    }

    @Test(arguments: ["tsikhanouskaya", "tsikhanovskaya", "bialiatski", "bialacki", "bialacky", "lukashenka", "lukasenka", "poczobut", "", "x"])
    func agreesOnNames(_ word: String) {
        #expect(NameVariants.phonetic(word) == NameKey.transliteration(word))
    }
}

/// `DocumentAnalyzer.spaceSplit` is `split(separator: " ")`.
struct SpaceSplitTests {
    @Test(arguments: ["Alexander Lukashenko", " two  spaces ", "", " ", "one", "Łukašenka Ціханоўская", "a b c d"])
    func splitsLikeSplit(_ s: String) {
        #expect(DocumentAnalyzer.spaceSplit(s) == s.split(separator: " "))
    }
}

/// `NameVariants.distance` (bytes, three rows) must give `Suggest.distance`'s answer.
struct NameDistanceTests {
    static let words = ["", "a", "ab", "ba", "abc", "acb", "tsikhanouskaya", "tsikhnouskaya", "cihanuskaa", "bialacki", "bialiatski",
        "Minsk", "mink", "MINSK", "abcdef", "badcfe", "Łukašenka", "lukasenka", "ca", "abc def"]

    @Test(arguments: words)
    func agreesWithSuggest(_ a: String) {
        for b in Self.words {
            #expect(NameVariants.distance(a, b) == Suggest.distance(a, b), "\(a) / \(b)")
        }
    }
}
