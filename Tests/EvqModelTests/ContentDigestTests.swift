import EvqModel
import Testing

struct ContentDigestTests {
    /// Contiguous bytes take a fast path; it must give what feeding byte by byte gives.
    @Test(arguments: ["", "a", "Łódź, 12 Dec. 2025", String(repeating: "released 52 prisoners ", count: 200)])
    func contiguousAndByteByByteAgree(text: String) {
        var oneByOne = ContentDigest()
        for byte in text.utf8 { oneByOne.feed(byte) }
        var array = ContentDigest()
        array.feed(Array(text.utf8))
        var string = ContentDigest()
        string.feed(text)
        var lazy = ContentDigest()
        lazy.feed(text.utf8.lazy.map { $0 })  // not contiguous: the iterator path
        #expect(array.hex == oneByOne.hex)
        #expect(string.hex == oneByOne.hex)
        #expect(lazy.hex == oneByOne.hex)
        #expect(ContentDigest.fnv1a64(text) == oneByOne.lane64)
    }
}
