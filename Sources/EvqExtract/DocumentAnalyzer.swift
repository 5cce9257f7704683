import EvqDiagnostics
import EvqModel

/// Runs the per-document stages: decode, blocks, boilerplate, tokens, sentences, dateline,
/// mentions, candidates, statements; then resolves names inside the document (a surname to
/// the full name seen in the article, a pronoun or role to its person, a misspelt place to
/// the place the story names).
struct DocumentAnalyzer {
    let lexicon: Lexicon
    // The stages, built once per analyzer rather than per document (each holds a copy of the
    // lexicon, and copying it retains every one of its tables).
    let classifier: BoilerplateClassifier
    let tokenizer: Tokenizer
    let splitter: SentenceSplitter
    let tagger: TemporalTagger
    let qfinder: QuantityFinder
    let nfinder: NameFinder
    let efinder: EventFinder
    let sfinder: StatementFinder

    init(lexicon: Lexicon) {
        self.lexicon = lexicon
        classifier = BoilerplateClassifier(lexicon: lexicon)
        tokenizer = Tokenizer(lexicon: lexicon)
        splitter = SentenceSplitter(lexicon: lexicon)
        tagger = TemporalTagger(lexicon: lexicon)
        qfinder = QuantityFinder(lexicon: lexicon)
        nfinder = NameFinder(lexicon: lexicon)
        efinder = EventFinder(lexicon: lexicon)
        sfinder = StatementFinder(lexicon: lexicon)
    }

    func analyze(_ raw: RawDocument) -> AnalyzedDocument {
        let lower = raw.name.lowercased()
        let decoded = TextDecoder().decodeBytes(raw.bytes, isHTML: lower.hasSuffix(".html") || lower.hasSuffix(".htm") ? true : nil)
        let u = decoded.bytes
        let blocks = classifier.classify(BlockSplitter().split(u), in: u)

        var doc = AnalyzedDocument(name: raw.name, bytes: raw.bytes.count, title: decoded.htmlTitle ?? "",
            sentences: [], candidates: [], statements: [], givenDate: nil, dateSource: .missing, datelineMonthDay: nil,
            datelinePlace: nil, textLowerBound: nil, beforeNewYear: false, persons: [:], warnings: decoded.warnings)
        if u.isEmpty { doc.warnings.append("empty file") }

        if let meta = raw.metadata["date"] ?? decoded.frontMatter["date"], let d = EventDate(compact: String(meta.prefix(10))) {
            doc.givenDate = d
            doc.dateSource = .metadata
        }
        if let t = raw.metadata["title"] ?? decoded.frontMatter["title"] { doc.title = t }

        // Sentences already read, by a hash of their bytes -> their indices in `doc.sentences`
        // (a repeated sentence is read once; hashing whole sentences with `Hasher` was costly).
        var seenSentences = SentenceIndex()
        var sawBody = false
        var lastPerson: String?
        var pendingPronouns: [(Int, StatementFinder.Speaker)] = []
        var allNames: [(sentence: Int, mention: NameMention)] = []
        for (bi, block) in blocks.enumerated() where block.kind != .boilerplate || (block.reason == "byline" && !sawBody) {
            var tokens = tokenizer.tokenize(u, from: block.start, to: block.end)
            var kind = block.kind
            // Dateline blocks before the story: "Saturday, December 13, 2025", "Published 14 Sep 2025".
            if !sawBody, kind != .body, tokens.count <= 16 {
                let dates = tagger.tag(tokens)
                if let d = dates.first(where: { if case .absolute(_, let m, let dd) = $0.expression { return m != nil && dd != nil } else { return false } }) {
                    if doc.givenDate == nil, case .absolute(let y, let m?, let dd?) = d.expression, let day = Day(year: y, month: m, day: dd) {
                        doc.givenDate = .day(day, text: d.text)
                        doc.dateSource = .dateline
                    }
                    kind = .dateline
                }
            }
            if kind == .dateline || kind == .boilerplate { continue }
            if kind == .heading, doc.title.isEmpty, !sawBody, tokens.count >= 3 {
                doc.title = String(decoding: u[block.start..<block.end], as: UTF8.self)
            }
            for r in splitter.ranges(tokens) {
                var s = splitter.takeSentence(&tokens, r, kind: kind, blockIndex: bi)
                let sentHash = u.withUnsafeBufferPointer { Self.hash($0, s.start, s.end) }
                // (Compared as bytes: the hash is of the bytes, so only byte-identical
                // sentences ever came this far.)
                if seenSentences.contains(sentHash, where: { Self.sameBytes(u, doc.sentences[$0].start, doc.sentences[$0].end, s.start, s.end) }) { continue }
                seenSentences.insert(sentHash, doc.sentences.count)
                var datelineEnd = 0
                if kind == .body, !sawBody {
                    datelineEnd = readDatelinePrefix(s.tokens, &doc, tagger: tagger)
                }
                if kind == .body { sawBody = true }
                s.kind = kind
                let index = doc.sentences.count
                doc.sentences.append(.init(start: s.start, end: s.end, kind: kind))
                let t = s.tokens
                // Counts and clauses only matter where a trigger word occurs (most sentences of a
                // long text have none); dates and names are needed everywhere.
                let hasTrigger = t.contains { $0.kind == .word && $0.has(.trigger) }
                let m = SentenceMentions(tokens: t, dates: tagger.tag(t), quantities: hasTrigger ? qfinder.find(t) : [], names: nfinder.find(t),
                    clauses: hasTrigger ? Clauses(t) : Clauses([]), datelineEnd: datelineEnd)
                if kind == .body {
                    for d in m.dates where d.lo >= datelineEnd {
                        guard case .absolute = d.expression else { continue }
                        let r = DateResolver().resolve(d.expression, text: nil, window: nil)
                        if let st = r.start, !(t[d.lo].inQuote) {
                            doc.textLowerBound = max(doc.textLowerBound ?? st, st)
                        }
                    }
                    for k in t.indices where k + 2 < t.count && t[k + 1].capitalized && t[k + 1].text == "New" && t[k + 2].text == "Year" {
                        if ["before", "ahead", "until", "eve"].contains(t[k].lower) || (k > 0 && ["before", "ahead"].contains(t[k - 1].lower)) {
                            doc.beforeNewYear = true
                        }
                    }
                }
                let found = kind == .body && hasTrigger ? sfinder.find(m) : []
                var speakerTokens = Set<Int>()
                for f in found {
                    if case .name(let n) = f.speaker, let nm = m.names.last(where: { $0.text == n && ($0.hi <= f.trigger || $0.lo == f.trigger + 1) }) {
                        speakerTokens.insert(nm.lo)
                    }
                }
                if hasTrigger { doc.candidates += efinder.find(m, sentence: index, supporting: kind != .body, speakers: speakerTokens) }
                // (By index: a mention is copied once, into `allNames`; one lookup per person.)
                for j in m.names.indices where m.names[j].lo >= datelineEnd {
                    allNames.append((index, m.names[j]))
                    if m.names[j].kind == .person, m.names[j].hi - m.names[j].lo >= 2, (doc.persons[m.names[j].text] ?? nil) == nil {
                        doc.persons[m.names[j].text] = m.names[j].role
                    }
                }
                if kind == .body {
                    for f in found {
                        // Only a date attached to the speech verb ("said on Monday", "told
                        // reporters Saturday") dates the statement; otherwise the publication date.
                        let date = m.dates.first { d in
                            d.lo > f.trigger && d.lo <= f.trigger + 6 && !t[(f.trigger + 1)..<d.lo].contains { ["that", "\"", ","].contains($0.lower) }
                        }
                        switch f.speaker {
                        case .name(let n):
                            doc.statements.append((n, index, date))
                        case .pronoun, .role:
                            pendingPronouns.append((doc.statements.count, f.speaker))
                            doc.statements.append(("", index, date))
                        }
                    }
                }
                _ = lastPerson
            }
        }
        resolveNames(&doc, allNames: allNames, pending: pendingPronouns)
        doc.utf8 = u
        lastPerson = nil
        return doc
    }

    /// "VILNIUS, Lithuania, March 3 (Reuters) -", "MINSK, Belarus (AP) —", "VILNIUS, LITHUANIA:".
    /// Returns the number of tokens it takes (0 if there is none).
    func readDatelinePrefix(_ t: [Token], _ doc: inout AnalyzedDocument, tagger: TemporalTagger) -> Int {
        guard let first = t.first, first.kind == .word, first.text.count >= 3,
            first.text == first.text.uppercased() && first.text.contains(where: \.isLetter) || (first.capitalized && lexicon.months[first.lower] != nil)
        else { return 0 }
        var k = 1
        while k < min(t.count, 14) {
            let w = t[k].lower
            if w == "-" || w == ":" { break }
            if w == "(" {
                // "(AP)", "(Reuters)": an agency credit, then the dash.
                while k < t.count, !t[k].isMark(UInt8(ascii: ")")) { k += 1 }
                k += 1
                if k < t.count, t[k].isMark(UInt8(ascii: "-")) || t[k].isMark(UInt8(ascii: ":")) { break }
                return 0
            }
            k += 1
        }
        guard k < t.count, k < 14, t[k].isMark(UInt8(ascii: "-")) || t[k].isMark(UInt8(ascii: ":")) else { return 0 }
        var placeEnd = 0
        while placeEnd < k, !t[placeEnd].isMark(UInt8(ascii: "(")) { placeEnd += 1 }
        let prefix = Array(t[0..<placeEnd])
        let dates = tagger.tag(prefix)
        let cut = dates.first?.lo ?? placeEnd
        var placeTokens = cut
        while placeTokens > 0, t[placeTokens - 1].isMark(UInt8(ascii: ",")) { placeTokens -= 1 }
        if placeTokens > 0 { doc.datelinePlace = tagger.words(t, 0, placeTokens) }
        if doc.givenDate == nil, let d = dates.first {
            switch d.expression {
            case .absolute(let y, let m?, let dd?):
                if let day = Day(year: y, month: m, day: dd) {
                    doc.givenDate = .day(day, text: d.text)
                    doc.dateSource = .dateline
                }
            case .monthDay(let m, let dd):
                doc.datelineMonthDay = (m, dd)
            default: break
            }
        }
        return k + 1
    }

    /// Sentence indices by the hash of their bytes: an open-addressing table of (hash, index)
    /// pairs (a dictionary of arrays allocated an array per sentence and rehashed the hash).
    struct SentenceIndex {
        private var hashes: [UInt64] = []
        /// Index + 1 per slot (0: empty); a power of two long.
        private var slots: [Int32] = [Int32](repeating: 0, count: 32)
        private var count = 0

        /// Whether some sentence with hash `h` satisfies `same` (given its index).
        func contains(_ h: UInt64, where same: (Int) -> Bool) -> Bool {
            let mask = slots.count - 1
            var k = Int(truncatingIfNeeded: h) & mask
            while slots[k] != 0 {
                let i = Int(slots[k]) - 1
                if hashes[i] == h, same(i) { return true }
                k = (k + 1) & mask
            }
            return false
        }

        /// Adds sentence `index` (the next one: indices are added in order) with hash `h`.
        mutating func insert(_ h: UInt64, _ index: Int) {
            hashes.append(h)
            count += 1
            if count * 2 > slots.count {
                slots = [Int32](repeating: 0, count: slots.count * 2)
                for (i, x) in hashes.enumerated() { place(x, i) }
            } else {
                place(h, index)
            }
        }

        private mutating func place(_ h: UInt64, _ i: Int) {
            let mask = slots.count - 1
            var k = Int(truncatingIfNeeded: h) & mask
            while slots[k] != 0 { k = (k + 1) & mask }
            slots[k] = Int32(i + 1)
        }
    }

    /// Whether `u[a..<b]` and `u[c..<d]` are the same bytes.
    static func sameBytes(_ u: [UInt8], _ a: Int, _ b: Int, _ c: Int, _ d: Int) -> Bool {
        guard b - a == d - c else { return false }
        return u.withUnsafeBufferPointer { p in
            guard let base = p.baseAddress else { return true }
            let raw = UnsafeRawPointer(base)
            let n = b - a
            var k = 0
            while k + 8 <= n {
                if raw.loadUnaligned(fromByteOffset: a + k, as: UInt64.self) != raw.loadUnaligned(fromByteOffset: c + k, as: UInt64.self) { return false }
                k += 8
            }
            while k < n {
                if p[a + k] != p[c + k] { return false }
                k += 1
            }
            return true
        }
    }

    /// A fast hash of the bytes `p[a..<b]`, eight at a time (equal bytes, equal hash).
    static func hash(_ p: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: b - a)
        var k = a
        let raw = UnsafeRawBufferPointer(p)
        while k + 8 <= b {
            let w = raw.loadUnaligned(fromByteOffset: k, as: UInt64.self)
            h = (h ^ w) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            k += 8
        }
        while k < b {
            h = (h ^ UInt64(p[k])) &* 0x0000_0100_0000_01B3
            k += 1
        }
        return h ^ (h >> 29)
    }

    /// `s.count`, as the byte count when `s` is ASCII without a carriage return (each such
    /// byte is one Character; counting Characters walks grapheme breaks).
    static func characters(_ s: String) -> Int {
        for b in s.utf8 where b >= 0x80 || b == 0x0D { return s.count }
        return s.utf8.count
    }

    /// `hay.contains(needle)` (Foundation's), as a byte search when both are ASCII without a
    /// carriage return (then every character is one byte and equality is byte equality).
    static func contains(_ hay: String, _ needle: String) -> Bool {
        func plain(_ s: String) -> Bool { s.utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D } }
        guard plain(hay), plain(needle) else { return hay.contains(needle) }
        let h = Array(hay.utf8), n = Array(needle.utf8)
        if n.isEmpty { return hay.contains(needle) }
        guard h.count >= n.count else { return false }
        for i in 0...(h.count - n.count) where h[i] == n[0] {
            var k = 1
            while k < n.count, h[i + k] == n[k] { k += 1 }
            if k == n.count { return true }
        }
        return false
    }

    /// `spaceSplit(s).map { lexicon.fold(String($0)) }` for an ASCII `s` (whose fold is its
    /// lowercase), in one pass over its bytes; nil for any other `s`.
    static func foldedASCIIParts(_ s: String) -> [String]? {
        var s = s
        return s.withUTF8 { p -> [String]? in
            var out: [String] = []
            var start = 0
            for i in 0...p.count {
                if i < p.count {
                    if p[i] >= 0x80 { return nil }
                    if p[i] != 0x20 { continue }
                }
                if i > start {
                    out.append(String(unsafeUninitializedCapacity: i - start) { buf in
                        for k in start..<i { let c = p[k]; buf[k - start] = c >= 65 && c <= 90 ? c | 0x20 : c }
                        return i - start
                    })
                }
                start = i + 1
            }
            return out
        }
    }

    /// `s.split(separator: " ")`, over bytes when `s` is ASCII (the general split walks
    /// grapheme clusters and was a large part of name resolution).
    static func spaceSplit(_ s: String) -> [Substring] {
        let u = s.utf8
        guard u.allSatisfy({ $0 < 0x80 }) else { return s.split(separator: " ") }
        var out: [Substring] = []
        var start = u.startIndex
        var i = u.startIndex
        while i < u.endIndex {
            if u[i] == 0x20 {
                if start < i { out.append(s[start..<i]) }
                start = u.index(after: i)
            }
            i = u.index(after: i)
        }
        if start < u.endIndex { out.append(s[start..<u.endIndex]) }
        return out
    }

    /// `Set(xs).sorted()`: sorted, each distinct string once (equal strings sort together).
    /// (Repeats are dropped first through a `TextSet`, which keeps the first of equal strings
    /// as the stable sort did: names repeat through an article, and sorting them all cost more.)
    static func sortedUnique(_ xs: [String]) -> [String] {
        if xs.count <= 1 { return xs }
        var seen = TextSet(capacity: xs.count)
        var out: [String] = []
        for x in xs where seen.insert(x) { out.append(x) }
        out.sort()
        return out
    }

    /// Surnames to full names, pronouns and roles to people, misspelt places to places.
    func resolveNames(_ doc: inout AnalyzedDocument, allNames: [(sentence: Int, mention: NameMention)],
        pending: [(Int, StatementFinder.Speaker)])
    {
        // One pass over the mentions collects what the steps below need (names repeat through
        // an article, and copying mentions is the cost here).
        // (Places and organisations are gathered with their repeats and then sorted and made
        // unique: cheaper than hashing every mention into a set, and the same sorted lists.)
        var placeList: [String] = [], orgList: [String] = []
        var unknownTexts: [String] = [], singleTexts: [String] = []
        // (Who was named last in each sentence matters only for pronouns and roles to resolve.)
        let needPersons = !pending.isEmpty
        var personMentions: [(sentence: Int, text: String, unknown: Bool)] = []
        if needPersons { personMentions.reserveCapacity(allNames.count) }
        for k in allNames.indices {
            // (Read in place: copying a mention copies its four strings.)
            let sentence = allNames[k].sentence
            let kind = allNames[k].mention.kind, lo = allNames[k].mention.lo, hi = allNames[k].mention.hi
            if kind == .place { placeList.append(allNames[k].mention.canonical) }
            if kind == .organization { orgList.append(allNames[k].mention.text) }
            let text = allNames[k].mention.text
            if kind == .unknown { unknownTexts.append(text) }
            if kind == .unknown || (kind == .person && hi - lo == 1) { singleTexts.append(text) }
            if needPersons, kind == .person || kind == .unknown { personMentions.append((sentence, text, kind == .unknown)) }
        }
        let fulls = doc.persons.keys.sorted()
        let places = Self.sortedUnique(placeList)
        var map: [String: String] = [:]
        var toPlace: [String: String] = [:]
        // Folded name parts, computed once per article.
        let fullParts = fulls.map { name in Self.foldedASCIIParts(name) ?? Self.spaceSplit(name).map { lexicon.fold(String($0)) } }
        let foldedPlaces = places.map { lexicon.fold($0) }
        let placeLengths = foldedPlaces.map { Self.characters($0) }
        // Phonetic keys of surnames, computed when first compared (they are the costly part).
        var lastKeys = [String?](repeating: nil, count: fullParts.count)
        func full(for single: String) -> String? {
            let f = lexicon.fold(single)
            if let k = fullParts.firstIndex(where: { $0.contains(f) }) { return fulls[k] }
            guard Self.characters(f) >= 5 else { return nil }
            // The closest similar surname wins (Tsikhanovskaya is Tsikhanouskaya before she is
            // Tsikhanouski); among equally close ones the first in name order.
            var key: String?
            var best: (index: Int, distance: Int)?
            for k in fullParts.indices {
                guard let last = fullParts[k].last else { continue }
                // `similar`'s own quick rejects, before any key is computed: lengths far apart,
                // or first letters that differ and that no transliteration rule rewrites.
                if f != last && abs(f.utf8.count - last.utf8.count) > 5 { continue }
                if let a = f.utf8.first, let b = last.utf8.first, a != b, NameVariants.keepsFirstLetter(a), NameVariants.keepsFirstLetter(b) { continue }
                if lastKeys[k] == nil { lastKeys[k] = NameVariants.phonetic(last) }
                let fKey: String
                if let known = key { fKey = known } else { fKey = NameVariants.phonetic(f); key = fKey }
                guard let lastKey = lastKeys[k], NameVariants.similar(f, last, keys: fKey, lastKey) else { continue }
                let d = fKey == lastKey ? 0 : NameVariants.distance(fKey, lastKey)
                if let b = best, d >= b.distance { continue }
                best = (k, d)
            }
            return best.map { fulls[$0.index] }
        }
        // Acronyms: "BAJ" for "Belarusian Association of Journalists".
        let orgs = Self.sortedUnique(orgList)
        func initials(_ name: String) -> String {
            String(Self.spaceSplit(name).filter { !["of", "and", "the", "for"].contains($0.lowercased()) }.compactMap(\.first))
        }
        let orgInitials = orgs.map(initials)
        // Each distinct text is looked up once (names repeat through an article). Each answer
        // depends on its text alone, so the distinct texts are taken in sorted order (sorting
        // them was cheaper than hashing every mention into a set of those already tried).
        for text in Self.sortedUnique(unknownTexts) {
            let n = Self.characters(text)
            guard n >= 2, n <= 6, text == text.uppercased() else { continue }
            if let k = orgInitials.firstIndex(of: text) { map[text] = orgs[k] }
        }
        for text in Self.sortedUnique(singleTexts) {
            if map[text] != nil || toPlace[text] != nil { continue }
            if let f = full(for: text) {
                map[text] = f
            } else if Self.characters(text) >= 4 {
                let f = lexicon.fold(text)
                let fn = Self.characters(f)
                if let k = foldedPlaces.indices.first(where: { placeLengths[$0] >= 4 && places[$0] != text && foldedPlaces[$0].first == f.first && abs(placeLengths[$0] - fn) <= 1 && NameVariants.distance(f, foldedPlaces[$0]) == 1 }) {
                    toPlace[text] = places[k]
                }
            }
        }
        for (k, v) in map where k != v && !Self.spaceSplit(v).contains(Substring(k)) { doc.variants[k] = v }
        for (k, v) in toPlace { doc.variants[k] = v }
        // The speakers, built on first need like `knownNames` (most actors are settled before).
        var speakers: TextSet?
        // Every known (not `.unknown`) name of the article, built on first need: most articles
        // never ask, and a scan per question was quadratic on run-on text with many candidates.
        var knownNames: TextSet?
        var scans = 0
        for idx in doc.candidates.indices {
            var actors: [String] = []
            for a in doc.candidates[idx].actors {
                if let p = toPlace[a] {
                    // (A deportation's places are its destinations only.)
                    if doc.candidates[idx].type != .deportation, !doc.candidates[idx].places.contains(p) { doc.candidates[idx].places.append(p) }
                    continue
                }
                if let f = map[a] { actors.append(f); continue }
                if a.utf8.contains(0x20) { actors.append(a); continue }
                // (The first few questions scan the lists; only an article that asks many builds
                // the sets, so most articles hash nothing and none turns quadratic.)
                scans += 1
                if scans <= 8 {
                    // (By index: the elements are read in place, not copied.)
                    if doc.statements.indices.contains(where: { doc.statements[$0].speaker == a }) || doc.persons[a] != nil { actors.append(a); continue }
                    if allNames.indices.contains(where: { allNames[$0].mention.kind != .unknown && allNames[$0].mention.text == a }) { actors.append(a) }
                    continue
                }
                if speakers == nil {
                    var set = TextSet(capacity: doc.statements.count)
                    for st in doc.statements { set.insert(st.speaker) }
                    speakers = set
                }
                if speakers?.contains(a) == true || doc.persons[a] != nil { actors.append(a); continue }
                // An unknown single capitalised word that is nobody's name: probably not a name.
                if knownNames == nil {
                    var set = TextSet(capacity: allNames.count)
                    for k in allNames.indices where allNames[k].mention.kind != .unknown { set.insert(allNames[k].mention.text) }
                    knownNames = set
                }
                if knownNames?.contains(a) == true { actors.append(a) }
            }
            doc.candidates[idx].actors = EventFinder.unique(actors)
        }
        // Speakers: full names, then pronouns and roles by the nearest person before them.
        if !map.isEmpty {
            for k in doc.statements.indices where !doc.statements[k].speaker.isEmpty {
                if let f = map[doc.statements[k].speaker] { doc.statements[k].speaker = f }
            }
        }
        if needPersons { resolvePending(&doc, pending: pending, personMentions: personMentions, map: map, fulls: fulls) }
        if doc.statements.contains(where: { $0.speaker.isEmpty || toPlace[$0.speaker] != nil }) {
            doc.statements = doc.statements.filter { !$0.speaker.isEmpty && !toPlace.keys.contains($0.speaker) }
        }
    }

    /// Pronoun and role speakers ("he said", "the minister said") resolved to the nearest
    /// person before them, or the holder of the role.
    func resolvePending(_ doc: inout AnalyzedDocument, pending: [(Int, StatementFinder.Speaker)],
        personMentions: [(sentence: Int, text: String, unknown: Bool)], map: [String: String], fulls: [String])
    {
        // (Arrays by sentence index rather than dictionaries: no hashing.)
        var lastPersonBySentence = [String?](repeating: nil, count: doc.sentences.count)
        for e in personMentions {
            if let f = map[e.text] { lastPersonBySentence[e.sentence] = f } else if !e.unknown { lastPersonBySentence[e.sentence] = e.text }
        }
        // The first named speaker of each sentence (for "he said" in the same sentence).
        var speakerBySentence = [String?](repeating: nil, count: doc.sentences.count)
        for st in doc.statements where !st.speaker.isEmpty && speakerBySentence[st.sentence] == nil {
            speakerBySentence[st.sentence] = st.speaker
        }
        for (k, speaker) in pending {
            let sentence = doc.statements[k].sentence
            switch speaker {
            case .role(let role):
                doc.statements[k].speaker = fulls.first { name in
                    guard case let held?? = doc.persons[name] else { return false }
                    return Self.contains(held, role)
                } ?? ""
            default:
                // The last person named in this or an earlier sentence, or the last speaker.
                var s = sentence
                var found = ""
                while s >= 0, s >= sentence - 5 {
                    if let prev = speakerBySentence[s] { found = prev; break }
                    if s < sentence, let p = lastPersonBySentence[s] { found = p; break }
                    s -= 1
                }
                if !found.isEmpty { speakerBySentence[sentence] = speakerBySentence[sentence] ?? found }
                doc.statements[k].speaker = found
            }
        }
    }
}
