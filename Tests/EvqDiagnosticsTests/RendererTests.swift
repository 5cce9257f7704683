import Testing
@testable import EvqDiagnostics

@Test func rendersLineColumnAndCaret() {
    let file = SourceFile(name: "<query>", text: "releases where date >")
    let d = Diagnostic.error("expected a value after `>`", at: SourceSpan(21, 21), help: "a date looks like 2025-09")
    let text = DiagnosticRenderer().render(d, in: file)
    #expect(text == """
        <query>:1:22: error: expected a value after `>`
         1 | releases where date >
           |                      ^
        help: a date looks like 2025-09

        """)
}

@Test func columnsCountCharactersNotBytes() {
    let file = SourceFile(name: "f", text: "a\n\"Łukašenka\" x")
    #expect(file.location(of: file.byteCount - 1) == (2, 13))
    let d = Diagnostic.error("bad", at: SourceSpan(file.byteCount - 1, file.byteCount))
    #expect(DiagnosticRenderer().render(d, in: file).contains("            ^\n"))
}

@Test func controlCharactersNeverReachTheTerminal() {
    #expect(escapeControls("a\u{1B}[31mb\u{202E}c") == "a\u{FFFD}[31mb\u{FFFD}c")
}

@Test func suggestionsFindNearTyposAndPrefixes() {
    #expect(Suggest.nearest("relases", in: ["events", "releases"]) == "releases")
    #expect(Suggest.nearest("cout", in: ["count", "date"]) == "count")
    #expect(Suggest.nearest("zzzzzz", in: ["count", "date"]) == nil)
    #expect(Suggest.nearest("rel", in: ["events", "releases"]) == "releases")
}

@Test func aSwappedPairOfLettersIsOneEdit() {
    #expect(Suggest.distance("tkae", "take") == 1)
    #expect(Suggest.distance("kitten", "sitting") == 3)
    #expect(Suggest.nearest("tkae", in: ["where", "take", "sort"]) == "take")
}

@Test func lineAndParagraphSeparatorsAreNeutralisedToo() {
    #expect(escapeControls("a\u{2028}b\u{2029}c\u{85}d") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d")
    #expect(isUnsafeForDisplay("\u{2066}") && !isUnsafeForDisplay("é") && !isUnsafeForDisplay("Ł"))
}
