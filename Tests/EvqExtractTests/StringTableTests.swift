import Testing
@testable import EvqExtract

/// `StringTable` and `StringSet` must answer exactly as `[String: V]` and `Set<String>` do,
/// including strings equal only under canonical equivalence.
struct StringTableTests {
    static let keys = ["minsk", "Minsk", "belarus", "tsikhanouskaya", "a", "", "eight-bytes", "12345678", "123456789",
        "opposition leader", "Łukašenka", "caf\u{E9}", "\u{212A}elvin", "prize"]
    static let queries = keys + ["MINSK", "minsk ", "cafe\u{301}", "Kelvin", "kelvin", "Lukasenka", "1234567", "opposition  leader",
        "prizes", "łukašenka", "\u{212A}", "K", "eight-byte", "eight-bytess"]

    @Test(arguments: queries)
    func agreesWithDictionary(_ q: String) {
        var d: [String: Int] = [:]
        for (k, key) in Self.keys.enumerated() { d[key] = k }
        let table = StringTable(d)
        #expect(table[q] == d[q], "\(q.debugDescription)")
        let set = Set(Self.keys)
        #expect(StringSet(set).contains(q) == set.contains(q), "\(q.debugDescription)")
    }

    @Test func manyKeys() {
        var d: [String: Int] = [:]
        for k in 0..<2000 { d["word\(k)"] = k }
        let table = StringTable(d)
        for k in stride(from: 0, to: 4000, by: 7) { #expect(table["word\(k)"] == d["word\(k)"]) }
        #expect(table.count == 2000)
    }
}

/// `hasASCIISuffix` answers as `String.hasSuffix` does, combining marks included.
struct ASCIISuffixTests {
    @Test(arguments: [
        ("released", "ed"), ("ed", "ed"), ("d", "ed"), ("edd", "ed"), ("red", "ed"), ("e\u{301}d", "ed"),
        ("x\u{301}ed", "ed"), ("ed\u{301}", "ed"), ("freeing", "ing"), ("ing", "ing"), ("ng", "ing"), ("Łódźing", "ing"), ("", "ed"),
    ])
    func matchesHasSuffix(word: String, suffix: String) {
        let fast = suffix == "ed" ? hasASCIISuffix(word, "ed") : hasASCIISuffix(word, "ing")
        #expect(fast == word.hasSuffix(suffix))
    }

    @Test func answersBothWays() {
        #expect(hasASCIISuffix("pardoned", "ed"))
        #expect(!hasASCIISuffix("pardon", "ed"))
    }
}
