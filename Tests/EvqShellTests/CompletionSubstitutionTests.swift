import Testing
import EvqLineEditor

@Test(arguments: [
    ("rel", ["releases", "release"], "release"),
    ("\"Tsikh", ["\"Sviatlana Tsikhanouskaya\"", "\"Tsikhnouskaya\""], "\"Tsikh"),
    ("\"Coa", ["\"John Coale\""], "\"John Coale\""),
    ("so", ["sort"], "sort"),
    ("x", ["a", "b"], "x"),
])
func completionNeverErasesWhatWasTyped(_ typed: String, _ candidates: [String], _ expected: String) {
    #expect(ReadlineReader.substitution(typed: typed, candidates: candidates) == expected)
}
