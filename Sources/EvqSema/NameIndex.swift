import EvqDiagnostics
import EvqModel

/// The actor and place names of a corpus with their spellings, for `contains` on name lists
/// and for "no actor `Colae`; did you mean `Coale`?" warnings.
public struct NameIndex: Sendable {
    /// Distinct canonical names as stored in events, sorted.
    public var actors: [String]
    public var places: [String]
    /// Event types present in the corpus, sorted.
    public var types: [String]
    let spellings: [String: [String]]

    /// Collects only what is asked for: each list is a pass over every event.
    public init(corpus: Corpus, actors wantActors: Bool = true, places wantPlaces: Bool = true, types wantTypes: Bool = true) {
        var actors = Set<String>(), places = Set<String>(), types = Set<String>()
        let all = corpus.all
        for i in all.indices {
            if wantActors { for a in all[i].actors { actors.insert(a) } }
            if wantPlaces { for p in all[i].places { places.insert(p) } }
            if wantTypes { types.insert(all[i].type.rawValue) }
        }
        self.actors = actors.sorted()
        self.places = places.sorted()
        self.types = types.sorted()
        spellings = corpus.aliases
    }

    /// Every spelling of a canonical name, the name first.
    public func spellings(of name: String) -> [String] { [name] + (spellings[name] ?? []) }

    /// The canonical names (from `names`) that some spelling of which contains `needle`,
    /// case- and diacritic-insensitively.
    /// A spelling also matches when every word of the needle has the transliteration key
    /// (`NameKey`) of one of its words, so "Bialiatski" finds "Ales Bialacky" even when the
    /// corpus never spells it that way. Words shorter than five letters only match exactly.
    public func matching(_ needle: String, in names: [String]) -> Set<String> {
        let n = Fold.fold(needle)
        let needleKeys = NameIndex.words(n).map { $0.count >= 5 ? NameKey.transliteration($0) : $0 }
        var out = Set<String>()
        for name in names {
            for spelling in spellings(of: name) {
                let folded = Fold.fold(spelling)
                if folded.contains(n) {
                    out.insert(name)
                    break
                }
                guard !needleKeys.isEmpty else { continue }
                let keys = Set(NameIndex.words(folded).map { $0.count >= 5 ? NameKey.transliteration($0) : $0 })
                if needleKeys.allSatisfy(keys.contains) {
                    out.insert(name)
                    break
                }
            }
        }
        return out
    }

    static func words(_ folded: String) -> [String] {
        folded.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "." || $0 == "," }).map(String.init)
    }

    /// The nearest known spelling, or one of its words, to a name that matched nothing.
    public func suggestion(for needle: String, in names: [String]) -> String? {
        var candidates: [String] = []
        for name in names {
            for s in spellings(of: name) {
                candidates.append(s)
                candidates += s.split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init)
            }
        }
        return NameSuggest.nearest(needle, in: candidates)
    }
}

/// Did-you-mean with a little more tolerance than `Suggest.nearest` for swapped letters
/// (`Colae` -> `Coale`), used where a wrong suggestion costs only a warning.
public enum NameSuggest {
    /// `Suggest.nearest`, then the closest candidate within 2 edits counting swaps as one.
    public static func nearest(_ word: String, in candidates: [String]) -> String? {
        if let hit = Suggest.nearest(word, in: candidates) { return hit }
        let limit = word.count >= 4 ? 2 : 1
        var best: (String, Int)?
        for c in candidates {
            let d = Suggest.distance(Fold.fold(word), Fold.fold(c))  // counts a swap as one edit
            if d <= limit, best.map({ d < $0.1 }) ?? true { best = (c, d) }
        }
        return best?.0
    }
}
