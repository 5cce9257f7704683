import Testing
@testable import EvqExtract

struct DecoderTests {
    @Test func normalisesTypography() {
        let raw: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("A\u{00A0}b\r\n\u{201C}q\u{201D} \u{2013} it\u{2019}s\rend".utf8)
        let out = TextDecoder().decode(raw)
        #expect(out.text == "A b\n\"q\" - it's\nend")
        #expect(out.warnings.isEmpty)
    }

    /// Every typography rewrite, and truncated sequences at the end left as they are.
    @Test(arguments: [
        ("a\tb\u{0B}c\u{0C}d", "a b c d"),
        ("\u{2018}x\u{2019} \u{201B}y\u{2032}", "'x' 'y'"),
        ("\u{201C}x\u{201D} \u{201F}y\u{2033}", "\"x\" \"y\""),
        ("1\u{2010}2\u{2011}3\u{2012}4\u{2013}5\u{2014}6\u{2015}7", "1-2-3-4-5-6-7"),
        ("wait\u{2026}", "wait..."),
        ("a\u{2002}b\u{2009}c\u{202F}d", "a b c d"),
        ("a\u{200B}b\u{2060}c", "abc"),
        ("a\u{2028}b\u{2029}c", "a\nb\nc"),
        ("a\r\nb\rc", "a\nb\nc"),
        ("\u{00E9}t\u{00E9} \u{20AC}", "\u{00E9}t\u{00E9} \u{20AC}"),
    ])
    func normalisesEveryRewrite(_ input: String, _ expected: String) {
        #expect(String(decoding: TextDecoder.normalize(Array(input.utf8)), as: UTF8.self) == expected)
    }

    @Test func normaliseKeepsTruncatedSequences() {
        #expect(TextDecoder.normalize([0x41, 0xE2, 0x80]) == [0x41, 0xE2, 0x80])
        #expect(TextDecoder.normalize([0x41, 0xC2]) == [0x41, 0xC2])
        #expect(TextDecoder.normalize([]) == [])
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

struct HostileNumberTests {
    static let texts = [
        "Belarus freed 99999999999999999999999 prisoners.",
        "Belarus freed a million million million million million million million prisoners.",
        "Belarus freed hundred hundred hundred hundred hundred hundred hundred hundred hundred hundred prisoners.",
        "Belarus freed 99999999999999.5 million prisoners 9223372036854775807 days ago.",
        "Belarus freed 9223372036854775807 women and 9223372036854775807 men.",
        "They swapped 900000000000 Americans and 900000000000 Russians in an exchange.",
    ]

    @Test(arguments: texts)
    func hugeNumbersDoNotCrash(_ text: String) {
        let r = extract(files: [("n.txt", "---\ndate: 2025-01-01\n---\n" + text)])
        for e in r.corpus.all { #expect((e.count?.value ?? 0) <= QuantityFinder.limit * 2) }
    }
}

/// Random bytes and random word salads from the lexicons must never crash the pipeline.
struct FuzzTests {
    /// SplitMix64: a fixed seed makes a failure reproducible.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func randomInputsDoNotCrash(seed: UInt64) {
        var rng = SeededGenerator(state: seed)
        let words = ["Belarus", "freed", "released", "more", "than", "50", "prisoners", "on", "Tuesday", "since", "July", "2024", "said",
            "\"", ",", ".", "U.S.", "sanctions", "lifting", "Dec.", "12", "who", "which", "-", "(", ")", ":", "'", "s", "into", "Lithuania",
            "15", "women", "and", "seven", "men", "hundreds", "of", "a", "dozen", "exchange", "for", "in", "Mr.", "Coale", "told", "AFP",
            "Read More", "\n\n", "\n", "•", "Hot this week", "17.1 C", "<p>", "</p>", "<li>", "&amp;", "---", "date:", "ago", "weeks", "two"]
        for round in 0..<60 {
            var bytes: [UInt8]
            if round % 3 == 0 {
                bytes = (0..<Int.random(in: 0...3000, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            } else {
                let n = Int.random(in: 0...600, using: &rng)
                bytes = Array((0..<n).map { _ in words.randomElement(using: &rng) ?? "" }.joined(separator: round % 2 == 0 ? " " : "").utf8)
            }
            let name = round % 4 == 0 ? "f.html" : "f.txt"
            let r = Extractor().extract([RawDocument(name: name, bytes: bytes), RawDocument(name: "g.txt", bytes: Array("---\ndate: 2025-12-13\n---\n".utf8) + bytes)])
            #expect(r.corpus.documents.count == 2)
        }
    }
}

/// Plain runs are copied eight bytes at a time: a mark to rewrite at any offset is still found.
struct NormalizeRunTests {
    @Test(arguments: Array(0..<20))
    func rewritesAtEveryOffset(_ k: Int) {
        let plain = String(repeating: "a", count: k)
        let input = plain + "\u{2019}s\u{00A0}x\r\n" + plain + "\t\u{201C}q\u{201D}" + plain
        let expected = plain + "'s x\n" + plain + " \"q\"" + plain
        #expect(String(decoding: TextDecoder.normalize(Array(input.utf8)), as: UTF8.self) == expected)
    }
}
