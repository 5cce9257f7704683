import Foundation
import EvqModel

/// The extractor's data: every word list it uses, read from the resource files in `Lexicons/`.
///
/// Kept as data so that a reader can review and extend the rules without reading Swift
/// (docs/EXTRACTION.md describes each file). Loaded once; immutable afterwards.
///
/// A class of constants rather than a struct: every stage, and every closure over a stage,
/// holds the lexicon, and copying a struct of some forty tables retained and released each of
/// them (a measurable part of extraction time); a copy of the class is one reference count.
public final class Lexicon: Sendable {
    /// One trigger entry: a phrase (lowercased words) that signals an event type.
    public struct Trigger: Sendable, Hashable {
        public var words: [String]
        public var type: String
        public var constraint: String
        /// `constraint` decided once at load, so the per-trigger check switches on a byte
        /// instead of comparing the string against every rule name.
        public var rule: Rule
        /// Whether `type` is "sanctions_imposed" / "exchange" (decided once at load).
        public var imposesSanctions: Bool
        public var isExchange: Bool
        /// Whether `type` is "statement" or "publication" (found by `StatementFinder`).
        public var isStatement: Bool
        /// `EventType(type)` and its `DocumentMerger.family`, made once at load (`EventFinder`
        /// asks for them per trigger word, and `EventType.init` lowercases its string).
        public var eventType: EventType
        public var family: String

        /// The constraint rules `EventFinder` knows; any other name checks no context.
        public enum Rule: UInt8, Sendable, Hashable {
            case other, captive, prison, sanctions, prize, meet, host, sentence, border
        }

        /// A trigger with its rule and type flags derived from the strings.
        public init(words: [String], type: String, constraint: String) {
            self.words = words
            self.type = type
            self.constraint = constraint
            switch constraint {
            case "captive": rule = .captive
            case "prison": rule = .prison
            case "sanctions": rule = .sanctions
            case "prize": rule = .prize
            case "meet": rule = .meet
            case "host": rule = .host
            case "sentence": rule = .sentence
            case "border": rule = .border
            default: rule = .other
            }
            imposesSanctions = type == "sanctions_imposed"
            isExchange = type == "exchange"
            isStatement = type == "statement" || type == "publication"
            eventType = EventType(type)
            family = DocumentMerger.family(eventType)
        }
    }

    /// One gazetteer entry.
    public struct Place: Sendable, Hashable {
        /// The canonical place ("Belarus", "Minsk").
        public var canonical: String
        /// country, city, capital, demonym, bloc.
        public var kind: String
        /// For cities and capitals: their country.
        public var country: String?
    }

    /// Triggers by their first word.
    public let triggers: StringTable<[Trigger]>
    public let captives: StringSet
    public let hedges: [(words: [String], status: String)]
    /// First words of hedge and negation cues (a quick test before matching).
    public let cueFirstWords: Set<String>
    public let negations: [[String]]
    /// `hedges` and `negations` by their first word, in file order (a cue word is matched
    /// against its own few phrases, not every phrase).
    public let hedgesByFirst: StringTable<[(words: [String], status: String)]>
    public let negationsByFirst: StringTable<[[String]]>
    public let habituals: [[String]]
    /// First words of habitual cues (a quick test before matching).
    public let habitualFirstWords: Set<String>
    public let stocks: [[String]]
    public let months: StringTable<Int>
    public let weekdays: StringTable<Int>
    /// number word -> (value, kind)
    public let numbers: StringTable<(value: Int, kind: String)>
    public let qualifiers: [(words: [String], qualifier: String)]
    /// The qualifier phrases alone, and their first words (a quick test before matching).
    public let qualifierPhrases: [[String]]
    public let qualifierFirstWords: Set<String>
    /// Titles by their lowercased words (single and multi-word).
    public let titles: StringSet
    /// Gazetteer by exact surface form (case-sensitive first, then lowercased in `placesLower`).
    public let places: StringTable<Place>
    public let placesLower: StringTable<Place>
    /// Longest gazetteer name, in words.
    public let placeMaxWords: Int
    /// Country -> its (singular) demonym, for naming "Belarus's foreign ministry".
    public let demonymOf: StringTable<String>
    public let agencies: StringSet
    public let agencyMaxWords: Int
    public let organizationWords: StringSet
    public let unnamed: StringSet
    public let boilerplateLines: StringSet
    public let captionCues: [[String]]
    /// The caption cues as phrases (words joined by one space), built once.
    public let captionPhrases: [String]
    /// Byte length of the longest furniture line (longer blocks skip the set lookup).
    public let boilerplateLineMaxBytes: Int
    /// Lowercased first words of gazetteer, agency and title entries (quick test for names).
    public let nameFirstWords: Set<String>
    /// Every lowercased gazetteer, agency and title entry (one test before the specific ones).
    public let nameEntries: StringSet
    /// Words that can start a count: number words, qualifier first words, "a", "an".
    public let quantityStarters: Set<String>
    /// Lowercase words that can start a date expression: number words and relative cues.
    public let dateStarters: Set<String>
    /// Lowercase words that can start a date when capitalised: date starters, month and
    /// weekday names (a quick test before parsing).
    public let dateWords: Set<String>
    /// Capitalised words that are never names: months (but "May"), weekdays, number words.
    public let nonNameWords: Set<String>
    public let stopwords: StringSet
    public let translit: [Character: String]
    /// Every single word of the sets above with its classes (`WordClass`), built once at the
    /// end of `init`; the tokenizer stamps each token with its entry.
    public let wordClasses: [String: WordClass]
    /// `wordClasses` for ASCII words, looked up from bytes.
    let wordTable: WordTable
    /// Phrases in which a trigger word does not signal its event ("released from hospital",
    /// "met with criticism"), by each of their words; `*` stands for any one word.
    public let vetoes: StringTable<[[String]]>
    /// `vetoes` with, per phrase, where the key word stands in it (found once here rather
    /// than by comparing every word of every phrase at each trigger).
    let vetoPositions: StringTable<[VetoEntry]>
    /// One veto phrase seen from one of its words: the phrase, where that word stands in it, and
    /// which words are the wildcard (a flat list, read per trigger word without nested arrays
    /// of tuples).
    struct VetoEntry: Sendable {
        let words: [String]
        let at: Int
        let wild: [Bool]
    }
    /// Phrases that, like the word "sanctions", make a sanctions trigger hold ("asset freeze").
    public let sanctionPhrases: [[String]]
    /// Whether every word of the phrase lists matched against tokens (`matchOne`,
    /// `matchPhrase`, `isVetoed`: triggers, vetoes, cues, habituals, stocks, qualifiers, sanction
    /// phrases) is `Lexicon.lengthSafe`: then `same` may compare lengths first.
    let phraseWordsLengthSafe: Bool

    /// The lexicons shipped with the module.
    public static let standard: Lexicon = Lexicon(loader: { name in
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Lexicons")
            ?? Bundle.module.url(forResource: name, withExtension: nil)
        else { return "" }
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    })

    /// Builds a lexicon from file contents given by `loader(fileName)`; tests may pass their own.
    public init(loader: (String) -> String) {
        let b = Builder(loader: loader)
        triggers = StringTable(b.triggers)
        captives = StringSet(b.captives)
        hedges = b.hedges
        cueFirstWords = b.cueFirstWords
        negations = b.negations
        hedgesByFirst = StringTable(b.hedgesByFirst)
        negationsByFirst = StringTable(b.negationsByFirst)
        habituals = b.habituals
        habitualFirstWords = b.habitualFirstWords
        stocks = b.stocks
        months = StringTable(b.months)
        weekdays = StringTable(b.weekdays)
        numbers = StringTable(b.numbers)
        qualifiers = b.qualifiers
        qualifierPhrases = b.qualifierPhrases
        qualifierFirstWords = b.qualifierFirstWords
        titles = StringSet(b.titles)
        places = StringTable(b.places)
        placesLower = StringTable(b.placesLower)
        placeMaxWords = b.placeMaxWords
        demonymOf = StringTable(b.demonymOf)
        agencies = StringSet(b.agencies)
        agencyMaxWords = b.agencyMaxWords
        organizationWords = StringSet(b.organizationWords)
        unnamed = StringSet(b.unnamed)
        boilerplateLines = StringSet(b.boilerplateLines)
        captionCues = b.captionCues
        captionPhrases = b.captionPhrases
        boilerplateLineMaxBytes = b.boilerplateLineMaxBytes
        nameFirstWords = b.nameFirstWords
        nameEntries = StringSet(b.nameEntries)
        quantityStarters = b.quantityStarters
        dateStarters = b.dateStarters
        dateWords = b.dateWords
        nonNameWords = b.nonNameWords
        stopwords = StringSet(b.stopwords)
        translit = b.translit
        wordClasses = b.wordClasses
        wordTable = b.wordTable
        vetoes = StringTable(b.vetoes)
        var positions: [String: [VetoEntry]] = [:]
        for key in b.vetoes.keys {
            positions[key] = (b.vetoes[key] ?? []).flatMap { p in
                p.indices.filter { p[$0] == key }.map { VetoEntry(words: p, at: $0, wild: p.map { $0 == "*" }) }
            }
        }
        vetoPositions = StringTable(positions)
        sanctionPhrases = b.sanctionPhrases
        var phraseWords = b.triggers.values.flatMap { $0.flatMap(\.words) } + b.vetoes.values.flatMap { $0.flatMap { $0 } }
        phraseWords += b.hedges.flatMap(\.words) + b.negations.flatMap { $0 } + b.habituals.flatMap { $0 } + b.stocks.flatMap { $0 }
        phraseWords += b.qualifierPhrases.flatMap { $0 } + b.sanctionPhrases.flatMap { $0 } + EventFinder.totalCues.flatMap { $0 }
        phraseWordsLengthSafe = phraseWords.allSatisfy(Self.lengthSafe)
    }

    /// ASCII without "K", ";" and "`". A string canonically equivalent to such a word (Swift's
    /// `==`) has exactly its bytes: the only non-ASCII characters that decompose to ASCII are the
    /// Kelvin sign ("K"), the Greek question mark (";") and varia ("`"). So a token of another
    /// UTF-8 length is not that word.
    static func lengthSafe(_ w: String) -> Bool {
        w.utf8.allSatisfy { $0 < 0x80 && $0 != UInt8(ascii: "K") && $0 != UInt8(ascii: ";") && $0 != UInt8(ascii: "`") }
    }

    /// `token == word` for a word of the phrase lists, with the lengths compared first when that
    /// is exact (most words a token is compared with differ in length, and a `String` compare of
    /// unequal strings takes the slow path every time).
    @inline(__always) func same(_ token: String, _ word: String) -> Bool {
        if phraseWordsLengthSafe, token.utf8.count != word.utf8.count { return false }
        return token == word
    }

    /// The tables as they are filled from the files (the lexicon's own properties are
    /// constants, set once from it).
    struct Builder {
        var triggers: [String: [Trigger]] = [:]
        var captives: Set<String> = []
        var hedges: [(words: [String], status: String)] = []
        var cueFirstWords: Set<String> = []
        var negations: [[String]] = []
        var hedgesByFirst: [String: [(words: [String], status: String)]] = [:]
        var negationsByFirst: [String: [[String]]] = [:]
        var habituals: [[String]] = []
        var habitualFirstWords: Set<String> = []
        var stocks: [[String]] = []
        var months: [String: Int] = [:]
        var weekdays: [String: Int] = [:]
        var numbers: [String: (value: Int, kind: String)] = [:]
        var qualifiers: [(words: [String], qualifier: String)] = []
        var qualifierPhrases: [[String]] = []
        var qualifierFirstWords: Set<String> = []
        var titles: Set<String> = []
        var places: [String: Place] = [:]
        var placesLower: [String: Place] = [:]
        var placeMaxWords: Int = 1
        var demonymOf: [String: String] = [:]
        var agencies: Set<String> = []
        var agencyMaxWords: Int = 1
        var organizationWords: Set<String> = []
        var unnamed: Set<String> = []
        var boilerplateLines: Set<String> = []
        var captionCues: [[String]] = []
        var captionPhrases: [String] = []
        var boilerplateLineMaxBytes: Int = 0
        var nameFirstWords: Set<String> = []
        var nameEntries: Set<String> = []
        var quantityStarters: Set<String> = []
        var dateStarters: Set<String> = []
        var dateWords: Set<String> = []
        var nonNameWords: Set<String> = []
        var stopwords: Set<String> = []
        var translit: [Character: String] = [:]
        var wordClasses: [String: WordClass] = [:]
        var wordTable: WordTable = WordTable([:])
        var vetoes: [String: [[String]]] = [:]
        var sanctionPhrases: [[String]] = []

        init(loader: (String) -> String) {
            // `trimmingCharacters(in: .whitespaces)`, skipped when neither end can be
            // whitespace (Foundation's trim was most of the time spent loading the lexicon).
            func trimmed(_ s: Substring) -> String {
                guard let a = s.utf8.first, let z = s.utf8.last else { return "" }
                func plain(_ c: UInt8) -> Bool { c > 0x20 && c < 0x80 }
                return plain(a) && plain(z) ? String(s) : s.trimmingCharacters(in: .whitespaces)
            }
            func rows(_ file: String) -> [[String]] {
                loader(file).split(whereSeparator: \.isNewline).compactMap { line -> [String]? in
                    let t = trimmed(line)
                    if t.isEmpty || t.hasPrefix("#") { return nil }
                    return line.split(separator: "\t", omittingEmptySubsequences: false).map(trimmed)
                }
            }
            func words(_ s: String) -> [String] { s.lowercased().split(separator: " ").map(String.init) }

            for r in rows("triggers.tsv") where r.count >= 2 {
                let w = words(r[0])
                guard let first = w.first else { continue }
                triggers[first, default: []].append(Trigger(words: w, type: r[1], constraint: r.count > 2 ? r[2] : "-"))
            }
            for k in triggers.keys { triggers[k]?.sort { $0.words.count > $1.words.count } }
            captives = Set(rows("captives.txt").map { $0[0].lowercased() })
            hedges = rows("hedges.tsv").filter { $0.count >= 2 }.map { (words($0[0]), $0[1]) }
            negations = rows("negations.txt").map { words($0[0]) }
            cueFirstWords = Set(hedges.compactMap { $0.words.first } + negations.compactMap(\.first))
            for h in hedges { if let f = h.words.first { hedgesByFirst[f, default: []].append(h) } }
            for n in negations { if let f = n.first { negationsByFirst[f, default: []].append(n) } }
            habituals = rows("habituals.txt").map { words($0[0]) }
            habitualFirstWords = Set(habituals.compactMap(\.first))
            stocks = rows("stocks.txt").map { words($0[0]) }
            for r in rows("months.txt") where r.count >= 2 { months[r[0].lowercased()] = Int(r[1]) }
            for r in rows("weekdays.txt") where r.count >= 2 { weekdays[r[0].lowercased()] = Int(r[1]) }
            for r in rows("numbers.tsv") where r.count >= 3 {
                if let v = Int(r[1]) { numbers[r[0].lowercased()] = (v, r[2]) }
            }
            qualifiers = rows("qualifiers.tsv").filter { $0.count >= 2 }.map { (words($0[0]), $0[1]) }
            qualifiers.sort { $0.words.count > $1.words.count }
            qualifierPhrases = qualifiers.map(\.words)
            qualifierFirstWords = Set(qualifiers.compactMap { $0.words.first })
            titles = Set(rows("titles.txt").map { $0[0].lowercased() })
            for r in rows("gazetteer.tsv") where r.count >= 3 {
                let kindParts = r[2].split(separator: ":", maxSplits: 1).map(String.init)
                let place = Place(canonical: r[1], kind: kindParts[0], country: kindParts.count > 1 ? kindParts[1] : nil)
                places[r[0]] = place
                placesLower[r[0].lowercased()] = place
                placeMaxWords = max(placeMaxWords, r[0].split(separator: " ").count)
                if place.kind == "demonym", !r[0].hasSuffix("s"), demonymOf[place.canonical] == nil { demonymOf[place.canonical] = r[0] }
            }
            for r in rows("agencies.txt") {
                agencies.insert(r[0].lowercased())
                agencyMaxWords = max(agencyMaxWords, r[0].split(separator: " ").count)
            }
            organizationWords = Set(rows("organizations.txt").map { $0[0].lowercased() })
            unnamed = Set(rows("unnamed.txt").map { $0[0].lowercased() })
            boilerplateLines = Set(rows("boilerplate.txt").map { $0[0].lowercased() })
            captionCues = rows("captions.txt").map { words($0[0]) }
            captionPhrases = captionCues.map { $0.joined(separator: " ") }
            boilerplateLineMaxBytes = boilerplateLines.map(\.utf8.count).max() ?? 0
            stopwords = Set(rows("stopwords.txt").map { $0[0].lowercased() })
            for r in rows("translit.tsv") where r.count >= 1 {
                if let c = r[0].first { translit[c] = r.count > 1 ? r[1] : "" }
            }
            for r in rows("vetoes.txt") {
                let w = words(r[0])
                for x in Set(w) where x != "*" { vetoes[x, default: []].append(w) }
            }
            for k in vetoes.keys { vetoes[k]?.sort { $0.lexicographicallyPrecedes($1) } }
            sanctionPhrases = rows("sanctionwords.txt").map { words($0[0]) }
            for name in places.keys { if let f = name.lowercased().split(separator: " ").first { nameFirstWords.insert(String(f)) } }
            for a in agencies { if let f = a.split(separator: " ").first { nameFirstWords.insert(String(f)) } }
            for t in titles { if let f = t.split(separator: " ").first { nameFirstWords.insert(String(f)) } }
            nameEntries = Set(placesLower.keys).union(agencies).union(titles)
            quantityStarters = Set(numbers.keys).union(qualifierFirstWords).union(["a", "an"])
            dateStarters = Set(numbers.keys).union([
                "yesterday", "today", "tomorrow", "last", "this", "next", "past", "earlier", "over", "recent", "a", "an",
                "spring", "summer", "autumn", "fall", "winter",
            ])
            dateWords = dateStarters.union(months.keys).union(weekdays.keys)
            nonNameWords = Set(months.keys.filter { $0 != "may" }).union(weekdays.keys).union(numbers.keys)
            wordClasses = WordClass.table(for: self)
            wordTable = WordTable(wordClasses)
        }
    }

    /// A name folded to lowercase ASCII: diacritics removed, Cyrillic transliterated, so that
    /// "Łukašenka" and "Lukasenka", "Ціханоўская" and "Tsikhanouskaya" compare equal.
    public func fold(_ name: String) -> String {
        if name.utf8.allSatisfy({ $0 < 0x80 }) { return name.lowercased() }
        var out = ""
        for ch in name {
            if let t = translit[ch] { out += t.lowercased(); continue }
            if ch == "ł" || ch == "Ł" { out += "l"; continue }
            let s = String(ch).folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
            for u in s.unicodeScalars where u.isASCII { out.unicodeScalars.append(u) }
        }
        return out.lowercased()
    }

    /// Whether the phrase `p` (lowercased words) starts at `i` in `tokens`.
    @inline(__always) func matchOne(_ p: [String], at i: Int, in tokens: [Token]) -> Bool {
        guard i + p.count <= tokens.count else { return false }
        for (k, w) in p.enumerated() where !same(tokens[i + k].lower, w) { return false }
        return true
    }

    /// Whether the trigger word at `i` sits inside a veto phrase of `vetoes.txt`.
    func isVetoed(at i: Int, in tokens: [Token]) -> Bool {
        guard let entries = vetoPositions[tokens[i].lower] else { return false }
        // (Through the buffers: reading `tokens[k]` in a loop may copy the token.)
        return tokens.withUnsafeBufferPointer { ts in
            entries.withUnsafeBufferPointer { es in
                for e in es.indices {
                    let j = es[e].at, n = es[e].words.count
                    let start = i - j
                    guard start >= 0, start + n <= ts.count else { continue }
                    var ok = true
                    // (Word `j` is the token at `i` itself.)
                    for k in 0..<n where k != j && !es[e].wild[k] && !same(ts[start + k].lower, es[e].words[k]) { ok = false; break }
                    if ok { return true }
                }
                return false
            }
        }
    }

    /// Whether `words` starting at `i` in `tokens` begin with one of `phrases`; returns its length.
    func matchPhrase(_ phrases: [[String]], at i: Int, in tokens: [Token]) -> Int? {
        for p in phrases where i + p.count <= tokens.count {
            var ok = true
            for (k, w) in p.enumerated() where !same(tokens[i + k].lower, w) { ok = false; break }
            if ok { return p.count }
        }
        return nil
    }
}
