import EvqModel

/// A small deterministic random number generator (SplitMix64), so every random test is
/// reproducible from its seed.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
    mutating func pick<T>(_ xs: [T]) -> T { xs[int(0...(xs.count - 1))] }
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }
}

/// Random events over a small window of dates, names and counts, so random queries hit the
/// edges (partial dates, qualified counts, missing values) often.
enum RandomCorpus {
    static let actors = ["John Coale", "Alexander Lukashenko", "Ales Bialiatski", "Maria Kalesnikava"]
    static let places = ["Minsk", "Vilnius", "Lithuania", "Ukraine"]
    static let aliases = ["Ales Bialiatski": ["Bialacki", "Bialacky"], "Alexander Lukashenko": ["Lukashenka"]]
    static let types: [EventType] = [.release, .pardon, .meeting, .arrest, .sanctionsEased, .statement]
    static let windowStart = Day(iso: "2024-11-01")!.number
    static let windowDays = 540

    static func date(_ r: inout SplitMix) -> EventDate {
        let d = Day(number: windowStart + r.int(0...windowDays))
        switch r.int(0...5) {
        case 0, 1: return .day(d)
        case 2: return EventDate.month(year: d.year, month: d.month)!
        case 3: return EventDate.year(d.year)!
        case 4: return EventDate(start: d, end: d.adding(days: r.int(1...70)), precision: .range)
        default: return .missing
        }
    }

    static func count(_ r: inout SplitMix) -> Quantity? {
        let v = r.int(0...12) * 10 + r.pick([0, 1, 5])
        switch r.int(0...6) {
        case 0: return nil
        case 1: return Quantity(value: nil, text: "hundreds")
        default: return Quantity(value: v, qualifier: r.pick([.exact, .exact, .moreThan, .atLeast, .about, .atMost]))
        }
    }

    static func events(_ r: inout SplitMix, count n: Int) -> [Event] {
        (0..<n).map { i in
            Event(id: "r" + String(1000 + i), type: r.pick(types),
                  status: r.chance(0.8) ? .occurred : r.pick([.expected, .denied, .hypothetical]),
                  total: r.chance(0.1), date: date(&r), count: count(&r),
                  actors: (0..<r.int(0...2)).map { _ in r.pick(actors) }.uniqued(),
                  places: (0..<r.int(0...2)).map { _ in r.pick(places) }.uniqued(),
                  sources: [r.pick(["a.txt", "b.txt"])])
        }
    }

    static func corpus(_ r: inout SplitMix, count n: Int) -> Corpus {
        Corpus(events: events(&r, count: n), aliases: aliases)
    }
}

extension Array where Element: Hashable {
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
