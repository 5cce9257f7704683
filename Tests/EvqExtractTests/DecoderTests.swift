import Testing
@testable import EvqExtract

struct DecoderTests {
    @Test func normalisesTypography() {
        let raw: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("A\u{00A0}b\r\n\u{201C}q\u{201D} \u{2013} it\u{2019}s\rend".utf8)
        let out = TextDecoder().decode(raw)
        #expect(out.text == "A b\n\"q\" - it's\nend")
        #expect(out.warnings.isEmpty)
    }

    @Test func invalidUTF8IsReadWithAWarning() {
        let out = TextDecoder().decode([0x41, 0xFF, 0x42])
        #expect(out.text == "A\u{FFFD}B")
        #expect(out.warnings.count == 1)
    }

    @Test func htmlBlocksAndEntities() {
        let html = "<html><head><title>T &amp; U</title></head><body><nav>Home | World</nav><h1>Head</h1><p>One&nbsp;&ldquo;two&rdquo;</p><ul><li>A</li><li>B</li></ul><script>x=1</script></body></html>"
        let out = TextDecoder().decode(Array(html.utf8))
        #expect(out.htmlTitle == "T & U")
        #expect(out.text == "Head\n\nOne \"two\"\n\nA\n\nB")
    }

    @Test func frontMatterGivesMetadata() {
        let out = TextDecoder().decode(Array("---\ndate: 2025-12-13\ntitle: \"X\"\n---\nBody".utf8))
        #expect(out.frontMatter["date"] == "2025-12-13")
        #expect(out.frontMatter["title"] == "X")
        #expect(out.text == "Body")
    }

    @Test func hostileInputDoesNotCrash() {
        for bytes in [[UInt8](), Array("<<<<<<".utf8), Array("<p".utf8), [0xE2, 0x80], Array(repeating: 0x2E, count: 1000), [0x00, 0x0D, 0x0D]] {
            let r = Extractor().extract([RawDocument(name: "x.html", bytes: bytes), RawDocument(name: "x.txt", bytes: bytes)])
            #expect(r.corpus.all.isEmpty)
        }
    }
}
