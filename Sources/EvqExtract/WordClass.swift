/// What the lexicons say about one lowercased word, as bits: computed once per token by the
/// `Tokenizer` (`Token.classes`), so that the stages test a bit where they used to hash the
/// word into one set after another (the cost that dominated extraction).
///
/// A bit is set exactly when the word is in the named set, so `t.has(.captive)` and
/// `lexicon.captives.contains(t.lower)` always agree; only single words are classed (phrases
/// such as "opposition leader" are still looked up as strings, and only rarely).
public struct WordClass: OptionSet, Sendable, Hashable {
    public let rawValue: UInt64
    public init(rawValue: UInt64) { self.rawValue = rawValue }

    /// First word of a trigger phrase (`Lexicon.triggers`).
    public static let trigger = WordClass(rawValue: 1 << 0)
    /// First word of a `statement` trigger.
    public static let statementTrigger = WordClass(rawValue: 1 << 1)
    /// First word of a `sanctions_eased` trigger.
    public static let sanctionsEasedTrigger = WordClass(rawValue: 1 << 2)
    /// `Lexicon.dateStarters`.
    public static let dateStarter = WordClass(rawValue: 1 << 3)
    /// `Lexicon.dateWords`.
    public static let dateWord = WordClass(rawValue: 1 << 4)
    /// `Lexicon.quantityStarters`.
    public static let quantityStarter = WordClass(rawValue: 1 << 5)
    /// `Lexicon.qualifierFirstWords`.
    public static let qualifierFirst = WordClass(rawValue: 1 << 6)
    /// A key of `Lexicon.numbers`.
    public static let number = WordClass(rawValue: 1 << 7)
    /// `Lexicon.nonNameWords`.
    public static let nonName = WordClass(rawValue: 1 << 8)
    /// `Lexicon.nameFirstWords`.
    public static let nameFirst = WordClass(rawValue: 1 << 9)
    /// `NameFinder.connectors`.
    public static let connector = WordClass(rawValue: 1 << 10)
    /// `Lexicon.cueFirstWords`.
    public static let cueFirst = WordClass(rawValue: 1 << 11)
    /// `Lexicon.habitualFirstWords`.
    public static let habitualFirst = WordClass(rawValue: 1 << 12)
    /// `Lexicon.captives`.
    public static let captive = WordClass(rawValue: 1 << 13)
    /// `Lexicon.organizationWords`.
    public static let organization = WordClass(rawValue: 1 << 14)
    /// `Lexicon.titles` (single-word entries).
    public static let title = WordClass(rawValue: 1 << 15)
    /// `Lexicon.stopwords`.
    public static let stopword = WordClass(rawValue: 1 << 16)
    /// `Lexicon.unnamed` (single-word entries).
    public static let unnamed = WordClass(rawValue: 1 << 17)
    /// A key of `Lexicon.months`.
    public static let month = WordClass(rawValue: 1 << 18)
    /// A key of `Lexicon.weekdays`.
    public static let weekday = WordClass(rawValue: 1 << 19)
    /// `Lexicon.agencies` (single-word entries).
    public static let agency = WordClass(rawValue: 1 << 20)
    /// `Clauses.openers`.
    public static let clauseOpener = WordClass(rawValue: 1 << 21)
    /// `Clauses.relativeOpeners`.
    public static let relativeOpener = WordClass(rawValue: 1 << 22)
    /// `QuantityFinder.measureNouns`.
    public static let measureNoun = WordClass(rawValue: 1 << 23)
    /// `QuantityFinder.measurePrefixes`.
    public static let measurePrefix = WordClass(rawValue: 1 << 24)
    /// `TemporalTagger.yearPrepositions`.
    public static let yearPreposition = WordClass(rawValue: 1 << 25)
    /// `EventFinder.placePrepositions`.
    public static let placePreposition = WordClass(rawValue: 1 << 26)
    /// `EventFinder.placeNouns`.
    public static let placeNoun = WordClass(rawValue: 1 << 27)
    /// `EventFinder.agentNouns`.
    public static let agentNoun = WordClass(rawValue: 1 << 28)
    /// `EventFinder.prisonNouns`.
    public static let prisonNoun = WordClass(rawValue: 1 << 29)
    /// `EventFinder.totalCueFirstWords`.
    public static let totalCueFirst = WordClass(rawValue: 1 << 30)
    /// First word of a `Lexicon.stocks` phrase.
    public static let stockFirst = WordClass(rawValue: 1 << 31)
    /// `SentenceSplitter.abbreviations`.
    public static let abbreviation = WordClass(rawValue: 1 << 32)
    /// `SentenceSplitter.openers`.
    public static let sentenceOpener = WordClass(rawValue: 1 << 33)
    /// A key of `Lexicon.placesLower` whose place is a demonym.
    public static let demonym = WordClass(rawValue: 1 << 34)
    /// A key of `Lexicon.numbers` of kind `scale`.
    public static let scale = WordClass(rawValue: 1 << 35)
    /// A key of `Lexicon.placesLower`.
    public static let place = WordClass(rawValue: 1 << 36)
    /// A single-word entry of `Lexicon.nameEntries`.
    public static let nameEntry = WordClass(rawValue: 1 << 37)
    /// A word of some `Lexicon.nameEntries` entry (a multi-word name can only be made of these).
    public static let namePart = WordClass(rawValue: 1 << 38)
    /// A word of some `Lexicon.titles` entry.
    public static let titlePart = WordClass(rawValue: 1 << 39)
    /// `StatusClassifier.modals` ("could", "may", "might").
    public static let modal = WordClass(rawValue: 1 << 40)
    /// `StatusClassifier.modalStops` (auxiliaries and the comma that end the modal search).
    public static let modalStop = WordClass(rawValue: 1 << 41)
    /// `TemporalTagger.relativeWords` (the words `parse` reads by name).
    public static let dateRelative = WordClass(rawValue: 1 << 42)
    /// First word of a `Lexicon.sanctionPhrases` phrase ("asset", "travel", "embargo").
    public static let sanctionPhraseFirst = WordClass(rawValue: 1 << 47)
    /// Not from the lexicon but from the token's shape: its text contains a hyphen (set by the
    /// tokenizer; "twenty-two", "-").
    public static let hyphenated = WordClass(rawValue: 1 << 48)
    /// Shape, set by the tokenizer: a word whose text ends with a dot ("U.S.", "Dec.").
    public static let endsWithDot = WordClass(rawValue: 1 << 49)

    /// The classes of every word any of the lexicon's single-word sets holds.
    static func table(for lexicon: Lexicon.Builder) -> [String: WordClass] {
        var table: [String: WordClass] = [:]
        func mark<S: Sequence>(_ words: S, _ c: WordClass) where S.Element == String {
            for w in words { table[w, default: []].insert(c) }
        }
        mark(lexicon.triggers.keys, .trigger)
        for (w, entries) in lexicon.triggers {
            if entries.contains(where: { $0.type == "statement" }) { table[w, default: []].insert(.statementTrigger) }
            if entries.contains(where: { $0.type == "sanctions_eased" }) { table[w, default: []].insert(.sanctionsEasedTrigger) }
        }
        mark(lexicon.dateStarters, .dateStarter)
        mark(lexicon.dateWords, .dateWord)
        mark(lexicon.quantityStarters, .quantityStarter)
        mark(lexicon.qualifierFirstWords, .qualifierFirst)
        mark(lexicon.numbers.keys, .number)
        mark(lexicon.numbers.filter { $0.value.kind == "scale" }.map(\.key), .scale)
        mark(lexicon.nonNameWords, .nonName)
        mark(lexicon.nameFirstWords, .nameFirst)
        mark(NameFinder.connectors, .connector)
        mark(lexicon.cueFirstWords, .cueFirst)
        mark(lexicon.habitualFirstWords, .habitualFirst)
        mark(lexicon.captives, .captive)
        mark(lexicon.organizationWords, .organization)
        mark(lexicon.titles, .title)
        mark(lexicon.stopwords, .stopword)
        mark(lexicon.unnamed, .unnamed)
        mark(lexicon.months.keys, .month)
        mark(lexicon.weekdays.keys, .weekday)
        mark(lexicon.agencies, .agency)
        mark(Clauses.openers, .clauseOpener)
        mark(Clauses.relativeOpeners, .relativeOpener)
        mark(QuantityFinder.measureNouns, .measureNoun)
        mark(QuantityFinder.measurePrefixes, .measurePrefix)
        mark(TemporalTagger.yearPrepositions, .yearPreposition)
        mark(EventFinder.placePrepositions, .placePreposition)
        mark(EventFinder.placeNouns, .placeNoun)
        mark(EventFinder.agentNouns, .agentNoun)
        mark(EventFinder.prisonNouns, .prisonNoun)
        mark(EventFinder.totalCueFirstWords, .totalCueFirst)
        mark(lexicon.stocks.compactMap(\.first), .stockFirst)
        mark(lexicon.sanctionPhrases.compactMap(\.first), .sanctionPhraseFirst)
        mark(SentenceSplitter.abbreviations, .abbreviation)
        mark(SentenceSplitter.openers, .sentenceOpener)
        mark(lexicon.placesLower.keys, .place)
        mark(StatusClassifier.modals, .modal)
        mark(StatusClassifier.modalStops, .modalStop)
        mark(TemporalTagger.relativeWords, .dateRelative)
        mark(lexicon.nameEntries, .nameEntry)
        mark(lexicon.nameEntries.flatMap { $0.split(separator: " ").map(String.init) }, .namePart)
        mark(lexicon.titles.flatMap { $0.split(separator: " ").map(String.init) }, .titlePart)
        mark(lexicon.placesLower.filter { $0.value.kind == "demonym" }.map(\.key), .demonym)
        return table
    }
}
