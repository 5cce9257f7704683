import EvqModel

/// A small deterministic generator (SplitMix64), so random tests repeat exactly.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E9B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random events covering every field and the awkward corners of JSON strings.
enum RandomEvents {
    static let words = [
        "Minsk", "Vilnius", "Lithuania", "Maria Kalesnikava", "Ales Bialiatski", "John Coale",
        "Aleksandr Lukashenko", "quote \" inside", "back\\slash", "tab\there", "line\nbreak", "Łódź",
        "emoji 🎉", "ctrl \u{01}", "slash / ok", "日本語のテキスト", "",
    ]

    static func string(_ rng: inout SplitMix64) -> String { words.randomElement(using: &rng)! }

    static func date(_ rng: inout SplitMix64) -> EventDate {
        let y = Int.random(in: 2019...2026, using: &rng), m = Int.random(in: 1...12, using: &rng)
        let d = Int.random(in: 1...Day.daysIn(year: y, month: m), using: &rng)
        let text: String? = Bool.random(using: &rng) ? nil : string(&rng)
        switch Int.random(in: 0..<5, using: &rng) {
        case 0: return .day(Day(year: y, month: m, day: d)!, text: text)
        case 1: return EventDate.month(year: y, month: m, text: text)!
        case 2: return EventDate.year(y, text: text)!
        case 3:
            let s = Day(year: y, month: m, day: d)!
            return EventDate(start: s, end: s.adding(days: Int.random(in: 1...900, using: &rng)), precision: .range, text: text)
        default: return EventDate(missingText: text)
        }
    }

    static func count(_ rng: inout SplitMix64) -> Quantity? {
        switch Int.random(in: 0..<4, using: &rng) {
        case 0: return nil
        case 1: return Quantity(value: Int.random(in: 0...5000, using: &rng))
        case 2: return Quantity(value: nil, text: "hundreds")
        default:
            return Quantity(
                value: Int.random(in: -5...100_000, using: &rng), qualifier: Qualifier.allCases.randomElement(using: &rng)!,
                text: Bool.random(using: &rng) ? nil : string(&rng))
        }
    }

    static func list(_ rng: inout SplitMix64, max: Int = 4) -> [String] {
        (0..<Int.random(in: 0...max, using: &rng)).map { _ in string(&rng) }
    }

    static func event(_ rng: inout SplitMix64) -> Event {
        let types = EventType.known.map(\.type) + [EventType("protest"), EventType("Hunger_Strike")]
        var e = Event(
            id: Bool.random(using: &rng) ? "e\(Int.random(in: 0..<0xfffffff, using: &rng))" : "",
            type: types.randomElement(using: &rng)!, status: Status.allCases.randomElement(using: &rng)!,
            total: Int.random(in: 0..<5, using: &rng) == 0, date: date(&rng), count: count(&rng),
            actors: list(&rng), places: list(&rng, max: 3), sources: list(&rng, max: 2))
        for _ in 0..<Int.random(in: 0...2, using: &rng) {
            let start = Int.random(in: 0...10_000, using: &rng)
            e.evidence.append(Evidence(source: string(&rng), sentence: string(&rng), span: SourceSpanValue(start: start, end: start + 40)))
        }
        for _ in 0..<Int.random(in: 0...2, using: &rng) { e.attributes[string(&rng)] = string(&rng) }
        if e.id.isEmpty { e.id = EventID.make(for: e) }
        return e
    }
}
