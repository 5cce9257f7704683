import EvqModel
import EvqSema
import EvqSyntax

/// Compiles a condition over event rows into closures, with direct field access for the
/// common shapes (date and count comparisons, enum equality, name lists, missing tests), so a
/// filter over a million events neither boxes values nor copies events. Anything else falls
/// back to the general `ExprEvaluator`; both follow the same three-valued rules.
enum EventPredicate {
    typealias Test = ([Event], Int) -> Bool?

    static func compile(_ x: CheckedExpr, _ exprs: ExprEvaluator) -> Test {
        switch x {
        case .and(let a, let b):
            let l = compile(a, exprs), r = compile(b, exprs)
            return { evs, i in
                let x = l(evs, i)
                if x == false { return false }
                let y = r(evs, i)
                if y == false { return false }
                return x == true && y == true ? true : nil
            }
        case .or(let a, let b):
            let l = compile(a, exprs), r = compile(b, exprs)
            return { evs, i in
                let x = l(evs, i)
                if x == true { return true }
                let y = r(evs, i)
                if y == true { return true }
                return x == false && y == false ? false : nil
            }
        case .not(let a):
            let inner = compile(a, exprs)
            return { evs, i in inner(evs, i).map { !$0 } }
        case .compare(let op, .field(.event(.date)), .literal(.date(let lit)), .date):
            guard let rs = lit.start?.number, let re = lit.end?.number else { return { _, _ in nil } }
            return { evs, i in
                guard let ls = evs[i].date.start?.number, let le = evs[i].date.end?.number else { return nil }
                return DateMath.compare(op, ls, le, rs, re)
            }
        case .compare(let op, .field(.event(.count)), .literal(let lit), .quantity):
            let target: Double
            switch lit {
            case .int(let n): target = Double(n)
            case .double(let d): target = d
            default: return fallback(x, exprs)
            }
            return { evs, i in
                guard let v = evs[i].count?.value, let q = evs[i].count?.qualifier else { return nil }
                return ExprEvaluator.compareQuantity(op, value: v, qualifier: q, target)
            }
        case .compare(let op, .field(.event(let f)), .literal(.text(let t)), .text)
            where (op == .eq || op == .ne) && (f == .type || f == .status || f == .category):
            let wanted = Fold.fold(t)
            let equal: ([Event], Int) -> Bool
            switch f {
            case .type:
                // Type names are stored lowercased; only non-ASCII ones need folding.
                equal = { evs, i in
                    let raw = evs[i].type.rawValue
                    return raw == wanted || (!raw.utf8.allSatisfy { $0 < 0x80 } && Fold.fold(raw) == wanted)
                }
            case .status:
                let s = Status(rawValue: wanted)
                equal = { evs, i in evs[i].status == s }
            default:
                let c = Category(rawValue: wanted)
                let set = c.map(CategoryTypes.types(of:)) ?? []
                equal = { evs, i in c.map { CategoryTypes.contains(set, category: $0, type: evs[i].type) } ?? false }
            }
            return op == .eq ? { evs, i in equal(evs, i) } : { evs, i in !equal(evs, i) }
        case .nameIn(.event(let f), let names) where f == .actors || f == .places:
            // A handful of names: comparing strings is cheaper than hashing each one.
            let few = names.count <= 8 ? names.sorted() : nil
            let has: (String) -> Bool = few.map { list in { list.contains($0) } } ?? { names.contains($0) }
            return f == .actors
                ? { evs, i in evs[i].actors.contains(where: has) }
                : { evs, i in evs[i].places.contains(where: has) }
        case .isMissing(.field(.event(.date)), let negated):
            return { evs, i in (evs[i].date.start == nil) != negated }
        case .isMissing(.field(.event(.count)), let negated):
            return { evs, i in (evs[i].count?.value == nil) != negated }
        case .literal(.bool(let b)):
            return { _, _ in b }
        default:
            return fallback(x, exprs)
        }
    }

    static func fallback(_ x: CheckedExpr, _ exprs: ExprEvaluator) -> Test {
        { evs, i in exprs.truth(x, .event(evs, i)) }
    }
}
