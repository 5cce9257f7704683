import Testing
@testable import EvqModel

@Test(arguments: [
    ("bialiatski", "bialacky"), ("bialacki", "bialiatsky"), ("tsikhanouskaya", "tsikhanovskaya"),
    ("tsikhanouskaya", "tsikhanowskaya"), ("kalesnikava", "kalesnikava"),
])
func romanizationsOfOneNameShareAKey(_ a: String, _ b: String) {
    #expect(NameKey.transliteration(a) == NameKey.transliteration(b))
}

@Test(arguments: [("lukashenko", "lukashenka"), ("coale", "cole"), ("minsk", "pinsk")])
func differentNamesKeepDifferentKeys(_ a: String, _ b: String) {
    #expect(NameKey.transliteration(a) != NameKey.transliteration(b))
}
