import EvqModel

/// A deliberately simple reference evaluator for conditions: dates are checked day by day and
/// counts value by value, exactly as the design words the rule ("holds only if it holds for
/// every day / every possible value"), with Kleene three-valued logic.
indirect enum RefExpr: CustomStringConvertible {
    case date(String, RefLiteral)
    /// The same comparison on `coalesce(date, date)`, which the evaluator cannot specialise, so
    /// its general path is checked against the reference too.
    case wrappedDate(String, RefLiteral)
    case count(String, Int)
    case typeIs(String)
    case statusIs(String)
    case typeIn([String])
    case actorContains(String)
    case placeContains(String)
    case dateMissing(negated: Bool)
    case countMissing(negated: Bool)
    case dateBetween(RefLiteral, RefLiteral)
    case and(RefExpr, RefExpr)
    case or(RefExpr, RefExpr)
    case not(RefExpr)

    /// The condition as query text.
    var description: String {
        switch self {
        case .date(let op, let lit): return "date \(op) \(lit.text)"
        case .wrappedDate(let op, let lit): return "coalesce(date, date) \(op) \(lit.text)"
        case .count(let op, let n): return "count \(op) \(n)"
        case .typeIs(let t): return "type = \(t)"
        case .statusIs(let s): return "status = \"\(s)\""
        case .typeIn(let ts): return "type in (\(ts.joined(separator: ", ")))"
        case .actorContains(let n): return "actors contains \"\(n)\""
        case .placeContains(let n): return "places contains '\(n)'"
        case .dateMissing(let n): return "date is \(n ? "not " : "")missing"
        case .countMissing(let n): return "count is \(n ? "not " : "")missing"
        case .dateBetween(let a, let b): return "date between \(a.text) and \(b.text)"
        case .and(let a, let b): return "(\(a) and \(b))"
        case .or(let a, let b): return "(\(a) or \(b))"
        case .not(let a): return "not (\(a))"
        }
    }

    func eval(_ e: Event, aliases: [String: [String]]) -> Bool? {
        switch self {
        case .wrappedDate(let op, let lit):
            return RefExpr.date(op, lit).eval(e, aliases: aliases)
        case .date(let op, let lit):
            guard let s = e.date.start?.number, let end = e.date.end?.number else { return nil }
            return everyOrNone((s...end).map { d in RefExpr.holds(op, d, lit.first, lit.last) })
        case .count(let op, let r):
            guard let q = e.count, let v = q.value, q.qualifier != .unspecified else { return nil }
            let candidates: [Int]
            switch q.qualifier {
            case .exact, .about: candidates = [v]
            case .moreThan: candidates = Array((v + 1)...(max(v + 1, r) + 2))
            case .atLeast: candidates = Array(v...(max(v, r) + 2))
            case .atMost: candidates = Array(0...v)
            case .unspecified: return nil
            }
            return everyOrNone(candidates.map { RefExpr.holds(op, $0, r, r) })
        case .typeIs(let t): return e.type.rawValue == t.lowercased()
        case .statusIs(let s): return e.status.rawValue == s
        case .typeIn(let ts): return ts.contains(e.type.rawValue)
        case .actorContains(let n):
            return e.actors.contains { a in ([a] + (aliases[a] ?? [])).contains { $0.lowercased().contains(n.lowercased()) } }
        case .placeContains(let n): return e.places.contains { $0.lowercased().contains(n.lowercased()) }
        case .dateMissing(let negated): return e.date.isMissing != negated
        case .countMissing(let negated): return (e.count?.value == nil) != negated
        case .dateBetween(let a, let b):
            return RefExpr.and(.date(">=", a), .date("<=", b)).eval(e, aliases: aliases)
        case .and(let a, let b):
            let x = a.eval(e, aliases: aliases), y = b.eval(e, aliases: aliases)
            if x == false || y == false { return false }
            return x == true && y == true ? true : nil
        case .or(let a, let b):
            let x = a.eval(e, aliases: aliases), y = b.eval(e, aliases: aliases)
            if x == true || y == true { return true }
            return x == false && y == false ? false : nil
        case .not(let a): return a.eval(e, aliases: aliases).map { !$0 }
        }
    }

    /// Whether one day (or value) `d` satisfies `d OP L`, with `L` the interval [lo, hi] of the literal.
    static func holds(_ op: String, _ d: Int, _ lo: Int, _ hi: Int) -> Bool {
        switch op {
        case ">": return d > hi
        case ">=": return d >= lo
        case "<": return d < lo
        case "<=": return d <= hi
        case "=": return lo <= d && d <= hi
        default: return !(lo <= d && d <= hi)
        }
    }

    func everyOrNone(_ xs: [Bool]) -> Bool? {
        if xs.allSatisfy({ $0 }) { return true }
        if xs.allSatisfy({ !$0 }) { return false }
        return nil
    }
}

/// A date literal: its text and its first and last day numbers.
struct RefLiteral {
    var text: String
    var first: Int
    var last: Int

    static func random(_ r: inout SplitMix) -> RefLiteral {
        let d = Day(number: RandomCorpus.windowStart + r.int(-20...(RandomCorpus.windowDays + 20)))
        switch r.int(0...2) {
        case 0: return RefLiteral(text: d.iso, first: d.number, last: d.number)
        case 1:
            let m = EventDate.month(year: d.year, month: d.month)!
            return RefLiteral(text: m.display, first: m.start!.number, last: m.end!.number)
        default:
            let y = EventDate.year(d.year)!
            return RefLiteral(text: y.display, first: y.start!.number, last: y.end!.number)
        }
    }
}

enum RandomCondition {
    static let ops = ["=", "!=", "<", "<=", ">", ">="]

    static func make(_ r: inout SplitMix, depth: Int = 0) -> RefExpr {
        if depth < 3, r.chance(0.4) {
            switch r.int(0...2) {
            case 0: return .and(make(&r, depth: depth + 1), make(&r, depth: depth + 1))
            case 1: return .or(make(&r, depth: depth + 1), make(&r, depth: depth + 1))
            default: return .not(make(&r, depth: depth + 1))
            }
        }
        switch r.int(0...10) {
        case 0, 1: return .date(r.pick(ops), RefLiteral.random(&r))
        case 2: return .wrappedDate(r.pick(ops), RefLiteral.random(&r))
        case 3, 4: return .count(r.pick(ops), r.int(0...13) * 10 + r.pick([0, 1, 5]))
        case 5: return .typeIs(r.pick(RandomCorpus.types).rawValue)
        case 6: return .typeIn((0..<r.int(1...3)).map { _ in r.pick(RandomCorpus.types).rawValue })
        case 7: return r.chance(0.5) ? .actorContains(r.pick(["coale", "Lukash", "bialacki", "Maria", "Bialacky"]))
            : .placeContains(r.pick(["minsk", "Lith", "VILNIUS"]))
        case 8: return r.chance(0.5) ? .dateMissing(negated: r.chance(0.5)) : .countMissing(negated: r.chance(0.5))
        case 9: return .statusIs(r.pick(["occurred", "expected", "denied"]))
        default:
            var a = RefLiteral.random(&r), b = RefLiteral.random(&r)
            if a.first > b.first { swap(&a, &b) }
            return .dateBetween(a, b)
        }
    }
}

/// The collections a random query may start from, with the reference's membership rule.
enum RefCollection: CaseIterable {
    case events, totals, unconfirmed, releases, meetings

    var name: String { "\(self)" }

    func contains(_ e: Event) -> Bool {
        switch self {
        case .events: return !e.total && e.status == .occurred
        case .totals: return e.total
        case .unconfirmed: return !e.total && e.status != .occurred
        case .releases: return !e.total && e.status == .occurred && [.release, .pardon, .amnesty, .exchange].contains(e.type)
        case .meetings: return !e.total && e.status == .occurred && e.type == .meeting
        }
    }
}

/// Canonical order spelled out independently: date start (missing last), date end, id.
func referenceOrder(_ a: Event, _ b: Event) -> Bool {
    let ka = (a.date.start?.number ?? Int.max, a.date.end?.number ?? Int.max, a.id)
    let kb = (b.date.start?.number ?? Int.max, b.date.end?.number ?? Int.max, b.id)
    return ka < kb
}
