import Testing

@testable import EvqStore

struct StringInternerTests {
    static func intern(_ interner: inout StringInterner, _ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { interner.string($0) }
    }

    static func storage(_ s: String) -> UnsafeRawPointer? {
        s.utf8.withContiguousStorageIfAvailable { UnsafeRawPointer($0.baseAddress) } ?? nil
    }

    /// Equal bytes give one shared string; other bytes, even with the same length and
    /// prefix, give their own.
    @Test(arguments: ["article-53473.txt", "Sviatlana Kharmontsau", "Łódź, Hrodna and Vilnius"])
    func equalBytesShareOneString(text: String) {
        var interner = StringInterner()
        let a = StringInternerTests.intern(&interner, Array(text.utf8))
        let b = StringInternerTests.intern(&interner, Array(text.utf8))
        var other = Array(text.utf8)
        other[other.count - 1] ^= 1
        let c = StringInternerTests.intern(&interner, other)
        #expect(a == text && b == text)
        #expect(StringInternerTests.storage(a) == StringInternerTests.storage(b))
        #expect(c == String(decoding: other, as: UTF8.self))
        #expect(StringInternerTests.storage(c) != StringInternerTests.storage(a))
    }

    /// Short strings come from a cache keyed by their bytes: equal bytes give equal strings,
    /// and strings differing in one byte or only in length never answer for each other.
    @Test func shortStringsAreExact() {
        var interner = StringInterner()
        let texts = ["Minsk", "Minsk ", "Minsl", "M", "at least 2", "Ціханоўская", "exactly15bytes!", "a\u{0}b"]
        for _ in 0..<3 {
            for t in texts { #expect(StringInternerTests.intern(&interner, Array(t.utf8)) == t) }
        }
        let invalid: [UInt8] = [0xF0, 0x9F, 0x98]
        for _ in 0..<2 {
            #expect(StringInternerTests.intern(&interner, invalid) == String(decoding: invalid, as: UTF8.self))
        }
        #expect(StringInternerTests.intern(&interner, []) == "")
    }

    /// Invalid UTF-8 is repaired as `String(decoding:as:)` repairs it, every time.
    @Test func invalidUTF8IsRepairedEveryTime() {
        var interner = StringInterner()
        let bytes = Array("a name longer than fifteen ".utf8) + [0xFF, 0xC3]
        for _ in 0..<3 {
            #expect(StringInternerTests.intern(&interner, bytes) == String(decoding: bytes, as: UTF8.self))
        }
    }
}
