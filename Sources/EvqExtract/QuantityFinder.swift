import EvqModel

/// A count found in a sentence: token range `[lo, hi)`, its quantity, the noun it counts.
public struct QuantityMention: Sendable, Hashable {
    public var lo: Int
    public var hi: Int
    public var quantity: Quantity
    /// Parts named with it ("women" -> 15, "men" -> 7).
    public var parts: [String: Int]
    /// The counted noun ("prisoners"), if it is one of `captives.txt`.
    public var noun: String?
    /// "more than a thousand ... are still behind bars": a stock, not a happening.
    public var isStock: Bool
}

/// Stage: numbers -> counts. Digits with separators, number words ("fifteen", "twenty-two",
/// "a dozen", "a thousand"), scales ("9.5 million"), magnitudes ("hundreds": unspecified),
/// qualifiers from `qualifiers.tsv`, and sums of parts ("15 women and seven men" = 22).
/// Numbers that measure something else (ages, years, percentages, sentence lengths,
/// populations) are not counts.
public struct QuantityFinder: Sendable {
    let lexicon: Lexicon
    public init(lexicon: Lexicon = .standard) { self.lexicon = lexicon }

    static let measureNouns: Set<String> = [
        "year", "years", "month", "months", "week", "weeks", "day", "days", "decade", "decades", "hour", "hours",
        "percent", "%", "per", "km", "kilometres", "kilometers", "miles", "euros", "dollars", "rubles", "times",
        "minutes", "year-old", "years-old", "century", "centuries",
    ]
    static let measurePrefixes: Set<String> = ["aged", "age", "nation", "population", "country", "of"]

    /// The largest count taken as a number; beyond it text is not a count (and sums of counts
    /// cannot overflow).
    static let limit = 1_000_000_000_000

    /// A plain number at `i`: its value, the index after it, and whether it was a magnitude word.
    func number(_ t: [Token], _ i: Int) -> (value: Int?, end: Int, magnitude: Bool)? {
        let tok = t[i]
        if tok.kind == .number {
            if tok.text.utf8.contains(UInt8(ascii: ":")) { return nil }  // (ASCII: as a byte)
            var value = tok.number
            var end = i + 1
            if end < t.count, t[end].has(.scale), let s = lexicon.numbers[t[end].lower], s.kind == "scale", s.value >= 100 {
                // "9.5 million", "3 thousand"
                let digits = tok.text.replacingOccurrences(of: ",", with: "")
                if let d = Double(digits), d * Double(s.value) <= Double(Self.limit) { value = Int(d * Double(s.value)) } else { return nil }
                end += 1
            }
            guard let value, value <= Self.limit else { return nil }
            return (value, end, false)
        }
        guard tok.kind == .word else { return nil }
        var j = i
        var total = 0
        var current = 0
        var any = false
        if tok.lower == "a" || tok.lower == "an" || tok.lower == "one" {
            // "a dozen", "a thousand", "a hundred"
            if i + 1 < t.count, t[i + 1].has(.scale) { current = 1; j = i + 1; any = true } else if tok.lower != "one" { return nil }
        }
        while j < t.count {
            let w = t[j].lower
            let pieces = lexicon.numbers[w] == nil && w.utf8.contains(UInt8(ascii: "-")) ? w.split(separator: "-").map(String.init) : []
            if pieces.count == 2, let a = lexicon.numbers[pieces[0]], a.kind == "tens", let b = lexicon.numbers[pieces[1]], b.kind == "unit", b.value < 10 {
                current += a.value + b.value; any = true; j += 1; continue
            }
            guard let e = lexicon.numbers[w] else {
                if w == "and", any, j + 1 < t.count, let nx = lexicon.numbers[t[j + 1].lower], nx.kind == "unit" || nx.kind == "tens", total + current >= 100 {
                    j += 1; continue  // "one hundred and twenty"
                }
                break
            }
            switch e.kind {
            case "unit", "tens": current += e.value
            case "scale":
                if current == 0 { current = 1 }
                if e.value >= 1000 { total += current * e.value; current = 0 } else { current *= e.value }
            case "magnitude":
                if !any { return (nil, j + 1 + (j + 1 < t.count && t[j + 1].lower == "of" ? 1 : 0), true) }
                // "two dozen" style: scale by the magnitude
                current *= e.value
            default: break
            }
            any = true
            j += 1
            if current > Self.limit || total > Self.limit { return nil }  // "a million million million ..."
        }
        guard any else { return nil }
        return (total + current, j, false)
    }

    public func find(_ t: [Token]) -> [QuantityMention] {
        var out: [QuantityMention] = []
        var i = 0
        while i < t.count {
            // Punctuation starts no count (no qualifier begins with it; `number` rejects it).
            if t[i].kind == .punct { i += 1; continue }
            var q = Qualifier.exact
            var j = i
            if t[i].kind == .word, !t[i].has([.quantityStarter, .hyphenated]) { i += 1; continue }
            // "handed over two Russians": "over" is the verb's particle, not "more than".
            let particle = t[i].lower == "over" && i > 0 && ["handed", "handing", "hand", "hands", "turned", "turning", "taken", "took", "passed", "signed"].contains(t[i - 1].lower)
            if !particle, t[i].has(.qualifierFirst), let len = lexicon.matchPhrase(lexicon.qualifierPhrases, at: i, in: t) {
                let words = Array(t[i..<(i + len)].map(\.lower))
                if let entry = lexicon.qualifiers.first(where: { $0.words == words }), let qq = Qualifier(rawValue: entry.qualifier) {
                    q = qq
                    j = i + len
                }
            }
            // Quick reject: only digits, number words and "a"/"an" can start a number.
            guard j < t.count, t[j].kind == .number || t[j].has(.number) || t[j].lower == "a" || t[j].lower == "an"
                || t[j].has(.hyphenated),
                let n = number(t, j)
            else { i += 1; continue }
            // Not a count: a year-like number in a date, a measure, a population, an age.
            if i > 0, t[i - 1].has(.measurePrefix), t[i - 1].lower != "of" || (i > 1 && ["nation", "population", "country"].contains(t[i - 2].lower)) {
                i = n.end; continue
            }
            if n.end < t.count, t[n.end].has(.measureNoun) || t[n.end].lower.hasPrefix("year") { i = n.end; continue }
            if let v = n.value, t[j].kind == .number, t[j].text.count == 4, (1900...2100).contains(v), q == .exact {
                i = n.end; continue
            }
            var end = n.end
            let (noun, nounEnd) = headNoun(t, end)
            if let ne = nounEnd { end = ne }
            var value = n.value
            var parts: [String: Int] = [:]
            // "15 women and seven men": a sum of parts.
            if let noun, noun == "women" || noun == "men" || noun == "children" || noun == "minors" || noun == "foreigners" || noun == "nationals",
                let (pv, pn, pe) = secondPart(t, end), pn != noun, let v = value
            {
                parts[noun] = v
                parts[pn] = pv
                value = v + pv
                end = pe
            } else if noun != nil, let (pv, pn, pe, pv2, pn2) = partsAfter(t, end), value == pv + pv2 {
                // "22 people - 15 women and seven men -"
                parts[pn] = pv
                parts[pn2] = pv2
                end = pe
            }
            let stock = isStock(t, end)
            let text = TemporalTagger.words(t, i, end)
            let quantity = n.magnitude ? Quantity(value: nil, qualifier: .unspecified, text: text) : Quantity(value: value, qualifier: q, text: text)
            out.append(QuantityMention(lo: i, hi: end, quantity: quantity, parts: parts, noun: parts.isEmpty ? noun : "people", isStock: stock))
            i = end
        }
        return out
    }

    /// Skips up to three modifiers ("political", "Belarusian") to a captive noun.
    func headNoun(_ t: [Token], _ from: Int) -> (String?, Int?) {
        var k = from
        while k < t.count, k <= from + 3 {
            let w = t[k].lower
            if t[k].has(.captive) { return (w, k + 1) }
            // "two Americans", "two Russians": a plural demonym counts people.
            if t[k].capitalized, w.hasSuffix("s"), lexicon.placesLower[w]?.kind == "demonym" || lexicon.placesLower[String(w.dropLast())]?.kind == "demonym" {
                return (w, k + 1)
            }
            if t[k].kind != .word || ["and", "or", "were", "was", "are", "is", "have", "has", "had", "who", "of"].contains(w) { break }
            // ("The two sides last exchanged prisoners": a verb after the first word ends the
            // noun phrase; "six detained Americans", "five newly freed prisoners" do not.)
            if k > from, t[k].has(.trigger), !t[k - 1].lower.hasSuffix("ly") { break }
            k += 1
        }
        return (nil, nil)
    }

    func secondPart(_ t: [Token], _ from: Int) -> (Int, String, Int)? {
        guard from + 1 < t.count, t[from].lower == "and", let n = number(t, from + 1), let v = n.value else { return nil }
        let (noun, end) = headNoun(t, n.end)
        guard let noun, let end else { return nil }
        return (v, noun, end)
    }

    func partsAfter(_ t: [Token], _ from: Int) -> (Int, String, Int, Int, String)? {
        var k = from
        guard k < t.count, ["-", "(", ",", ":"].contains(t[k].lower) || t[k].lower == "including" else { return nil }
        k += 1
        guard k < t.count, let n = number(t, k), let v = n.value else { return nil }
        let (noun, end) = headNoun(t, n.end)
        guard let noun, let end, let (v2, noun2, end2) = secondPart(t, end) else { return nil }
        var e = end2
        if e < t.count, ["-", ")"].contains(t[e].lower) { e += 1 }
        return (v, noun, e, v2, noun2)
    }

    func isStock(_ t: [Token], _ from: Int) -> Bool {
        var k = from
        while k < min(t.count, from + 5) {
            if t[k].has(.stockFirst), lexicon.matchPhrase(lexicon.stocks, at: k, in: t) != nil { return true }
            if [",", ".", "whose", "who", "which", "that"].contains(t[k].lower) { break }
            k += 1
        }
        return false
    }
}

import Foundation
