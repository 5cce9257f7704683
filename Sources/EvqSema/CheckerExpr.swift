import EvqDiagnostics
import EvqModel
import EvqSyntax

extension Checker {
    /// A bare word that is not a field: allowed only as an enum value (`type = pardon`).
    enum Operand {
        case typed(TypedExpr)
        case bareWord(String, SourceSpan)
    }

    mutating func operand(_ e: Expr, _ schema: RowSchema) throws(CheckFailure) -> Operand {
        if case .name(let n) = e.kind, lookup(n, schema) == nil { return .bareWord(n, e.span) }
        return .typed(try expr(e, schema))
    }

    func lookup(_ name: String, _ schema: RowSchema) -> (FieldRef, ValueType)? {
        let key = name.lowercased()
        switch schema {
        case .events where key.hasPrefix("attributes.") && key.count > "attributes.".count:
            return (.attribute(String(name.dropFirst("attributes.".count))), .any)
        case .events:
            guard let f = EventField(rawValue: key) else { return nil }
            return (.event(f), f.type)
        case .table(let cols):
            guard let i = cols.firstIndex(where: { $0.name.lowercased() == key }) else { return nil }
            return (.column(i), cols[i].type)
        }
    }

    func unknownField(_ name: String, _ span: SourceSpan, _ schema: RowSchema) -> CheckFailure {
        let hint = Suggest.nearest(name, in: schema.fieldNames + Function.allCases.map(\.rawValue))
        let fields = schema.fieldNames.joined(separator: ", ")
        return CheckFailure(.error("unknown field `\(escapeControls(name))`" + (hint.map { "; did you mean `\($0)`?" } ?? ""),
                                   at: span, help: "fields here: \(fields)"))
    }

    /// Checks an expression that must have a type of its own.
    mutating func expr(_ e: Expr, _ schema: RowSchema) throws(CheckFailure) -> TypedExpr {
        let name = ASTPrinter.print(e)
        func typed(_ x: CheckedExpr, _ t: ValueType) -> TypedExpr { TypedExpr(expr: x, type: t, name: name) }
        switch e.kind {
        case .number(let text):
            if let i = Int(text) { return typed(.literal(.int(i)), .number) }
            return typed(.literal(.double(Double(text) ?? 0)), .number)
        case .string(let s): return typed(.literal(.text(s)), .text)
        case .date(let text):
            guard let d = EventDate(compact: text) else { throw CheckFailure(.error("`\(text)` is not a valid date", at: e.span)) }
            return typed(.literal(.date(d)), .date)
        case .duration(let n, let unit):
            let (months, days): (Int, Int)
            switch unit {
            case .day: (months, days) = (0, n)
            case .week: (months, days) = (0, n.multipliedReportingOverflow(by: 7).partialValue)
            case .month: (months, days) = (n, 0)
            case .year: (months, days) = (n.multipliedReportingOverflow(by: 12).partialValue, 0)
            }
            guard abs(months) <= 120_000, abs(days) <= 3_660_000 else {
                throw CheckFailure(.error("duration `\(name)` is too long (at most 10000 years)", at: e.span))
            }
            return typed(.literal(.duration(months: months, days: days)), .duration)
        case .bool(let b): return typed(.literal(.bool(b)), .bool)
        case .today: return typed(.literal(.date(.day(env.today))), .date)
        case .name(let n):
            guard let (ref, type) = lookup(n, schema) else { throw unknownField(n, e.span, schema) }
            return typed(.field(ref), type)
        case .unary(.not, let x):
            let inner = try expr(x, schema)
            guard inner.type == .bool || inner.type == .any else {
                throw CheckFailure(.error("`not` needs a condition, found a \(inner.type)", at: x.span))
            }
            return typed(.not(inner.expr), .bool)
        case .unary(.negate, let x):
            let inner = try expr(x, schema)
            switch inner.type {
            case .number, .quantity, .any: return typed(.negate(inner.expr), .number)
            case .duration: return typed(.negate(inner.expr), .duration)
            default: throw CheckFailure(.error("cannot negate a \(inner.type)", at: e.span))
            }
        case .binary(.and, let l, let r), .binary(.or, let l, let r):
            let op = e.kind == .binary(.and, l, r) ? "and" : "or"
            let a = try expr(l, schema), b = try expr(r, schema)
            for (side, t) in [(l, a), (r, b)] where t.type != .bool && t.type != .any {
                throw CheckFailure(.error("`\(op)` needs conditions on both sides, found a \(t.type)", at: side.span))
            }
            return typed(op == "and" ? .and(a.expr, b.expr) : .or(a.expr, b.expr), .bool)
        case .binary(let op, let l, let r) where op.isComparison:
            return typed(try compare(op, l, r, schema, span: e.span), .bool)
        case .binary(.contains, let l, let r):
            return typed(try contains(l, r, schema), .bool)
        case .binary(.matches, let l, let r):
            return typed(try matches(l, r, schema), .bool)
        case .binary(let op, let l, let r):
            return try arithmetic(op, l, r, schema, name: name)
        case .inList(let x, let items):
            var result: CheckedExpr = .literal(.bool(false))
            var first = true
            for item in items {
                let c = try compare(.eq, x, item, schema, span: item.span)
                result = first ? c : .or(result, c)
                first = false
            }
            if items.isEmpty { _ = try expr(x, schema) }
            return typed(result, .bool)
        case .between(let x, let lo, let hi):
            let a = try compare(.ge, x, lo, schema, span: e.span)
            let b = try compare(.le, x, hi, schema, span: e.span)
            return typed(.and(a, b), .bool)
        case .isMissing(let x, let negated):
            return typed(.isMissing(try expr(x, schema).expr, negated: negated), .bool)
        case .call(let f, let args):
            return try call(f, args, schema, name: name)
        }
    }

    /// Describes an operand for "cannot compare date with text \"abc\"".
    func describe(_ e: Expr, _ t: ValueType) -> String {
        switch e.kind {
        case .string(let s): return "text \(ASTPrinter.quote(escapeControls(s)))"
        case .number(let n): return "number \(n)"
        case .date(let d): return "date \(d)"
        default: return t == .quantity ? "count" : "\(t)"
        }
    }

    mutating func compare(_ op0: BinaryOperator, _ l0: Expr, _ r0: Expr, _ schema: RowSchema, span: SourceSpan)
        throws(CheckFailure) -> CheckedExpr
    {
        var op = op0, lExpr = l0, rExpr = r0
        var lhs = try operand(l0, schema), rhs = try operand(r0, schema)
        // Keep the field on the left so that "for every day / every value" applies to it.
        if case .typed(let a) = lhs, case .literal = a.expr, case .typed(let b) = rhs, !isLiteral(b.expr) {
            swap(&lhs, &rhs)
            swap(&lExpr, &rExpr)
            op = mirrored(op)
        }
        if case .bareWord = lhs, case .typed = rhs {
            swap(&lhs, &rhs)
            swap(&lExpr, &rExpr)
            op = mirrored(op)
        }
        guard case .typed(let a) = lhs else {
            if case .bareWord(let n, let s) = lhs { throw unknownField(n, s, schema) }
            throw CheckFailure(.error("cannot compare these", at: span))
        }
        // A bare word on the right: an enum value, or a misspelt field.
        var b: TypedExpr
        switch rhs {
        case .typed(let t): b = t
        case .bareWord(let word, let s):
            guard case .enumeration(let kind) = a.type else { throw unknownField(word, s, schema) }
            b = TypedExpr(expr: .literal(.text(word)), type: .text, name: word)
            try checkEnumValue(word, kind, s)
        }
        if case .enumeration(let kind) = a.type, case .literal(.text(let word)) = b.expr, case .string = rExpr.kind {
            try checkEnumValue(word, kind, rExpr.span)
        }
        if case .list = a.type {
            throw CheckFailure(.error("cannot compare a list with `\(op.rawValue)`", at: lExpr.span,
                                      help: "use `\(ASTPrinter.print(lExpr)) contains \(ASTPrinter.print(rExpr))`"))
        }
        // Literal coercions: a four-digit number or a date-shaped string next to a date is a date.
        if a.type == .date {
            switch rExpr.kind {
            case .number(let t) where t.count == 4 && Int(t) != nil:
                if let y = Int(t), let d = EventDate.year(y) { b = TypedExpr(expr: .literal(.date(d)), type: .date, name: t) }
            case .string(let s):
                if let d = EventDate(compact: s) { b = TypedExpr(expr: .literal(.date(d)), type: .date, name: s) }
            default: break
            }
        }
        let mode: CompareMode
        switch (a.type, b.type) {
        case (.date, .date): mode = .date
        case (.quantity, .number), (.quantity, .quantity): mode = .quantity
        case (.number, .quantity):
            return try compare(mirrored(op), rExpr, lExpr, schema, span: span)
        case (.number, .number): mode = .number
        case (.bool, .bool): mode = .bool
        case (.duration, .duration): mode = .duration
        case (.any, _), (_, .any): mode = .dynamic
        case (let x, let y) where x.isTextLike && y.isTextLike: mode = .text
        default:
            throw CheckFailure(.error("cannot compare \(describe(lExpr, a.type)) with \(describe(rExpr, b.type))",
                                      at: rExpr.span, help: help(for: a.type)))
        }
        if mode == .text || mode == .bool, ![.eq, .ne].contains(op), a.type != .text {
            throw CheckFailure(.error("`\(op.rawValue)` does not order \(a.type) values; use `=` or `!=`", at: span))
        }
        return .compare(op, a.expr, b.expr, mode)
    }

    func help(for t: ValueType) -> String? {
        switch t {
        case .date: return "a date is written 2025, 2025-09 or 2025-09-11 (no quotes needed)"
        case .quantity: return "a count compares with a number, e.g. `count > 50`"
        case .enumeration(let k): return "\(k.rawValue) values: " + k.knownValues.joined(separator: ", ")
        default: return nil
        }
    }

    func isLiteral(_ e: CheckedExpr) -> Bool {
        if case .literal = e { return true }
        return false
    }

    func mirrored(_ op: BinaryOperator) -> BinaryOperator {
        switch op {
        case .lt: return .gt
        case .gt: return .lt
        case .le: return .ge
        case .ge: return .le
        default: return op
        }
    }

    mutating func checkEnumValue(_ word: String, _ kind: EnumKind, _ span: SourceSpan) throws(CheckFailure) {
        let key = word.lowercased()
        var known = kind.knownValues
        if known.contains(key) { return }
        if kind == .type {
            known += corpusTypes()
            if known.contains(key) { return }
        }
        let hint = Suggest.nearest(word, in: known)
        let message = "unknown \(kind.rawValue) `\(escapeControls(word))`" + (hint.map { "; did you mean `\($0)`?" } ?? "")
        if kind.isClosed {
            throw CheckFailure(.error(message, at: span, help: "\(kind.rawValue) values: " + kind.knownValues.joined(separator: ", ")))
        }
        warnings.append(.warning("no event has type `\(escapeControls(word))`" + (hint.map { "; did you mean `\($0)`?" } ?? ""), at: span))
    }

    mutating func contains(_ l: Expr, _ r: Expr, _ schema: RowSchema) throws(CheckFailure) -> CheckedExpr {
        let a = try expr(l, schema)
        if case .name(let word) = r.kind, lookup(word, schema) == nil {
            throw CheckFailure(.error("unknown field `\(escapeControls(word))`", at: r.span,
                                      help: "to look for the text, quote it: `\(ASTPrinter.print(l)) contains \(ASTPrinter.quote(word))`"))
        }
        let b = try expr(r, schema)
        guard b.type.isTextLike || b.type == .any else {
            throw CheckFailure(.error("`contains` looks for text, found \(describe(r, b.type))", at: r.span,
                                      help: "quote it: `\(ASTPrinter.print(l)) contains \"...\"`"))
        }
        switch a.type {
        case .list:
            if case .field(.event(let f)) = a.expr, f == .actors || f == .places, case .literal(.text(let needle)) = b.expr {
                let index = nameIndex(places: f == .places)
                let pool = f == .actors ? index.actors : index.places
                let hits = index.matching(needle, in: pool)
                if hits.isEmpty {
                    let what = f == .actors ? "actor" : "place"
                    let hint = index.suggestion(for: needle, in: pool)
                    warnings.append(.warning("no \(what) `\(escapeControls(needle))`" + (hint.map { "; did you mean `\($0)`?" } ?? ""),
                                             at: r.span))
                }
                return .nameIn(.event(f), hits)
            }
            return .contains(a.expr, b.expr, list: true)
        case .text, .enumeration, .any:
            return .contains(a.expr, b.expr, list: a.type == .any)
        default:
            throw CheckFailure(.error("`contains` needs a list or a text on its left, found a \(a.type)", at: l.span))
        }
    }

    mutating func matches(_ l: Expr, _ r: Expr, _ schema: RowSchema) throws(CheckFailure) -> CheckedExpr {
        let a = try expr(l, schema)
        switch a.type {
        case .text, .enumeration, .list(.text), .any: break
        default: throw CheckFailure(.error("`~` matches text, found a \(a.type)", at: l.span))
        }
        guard case .string(let pattern) = r.kind else {
            throw CheckFailure(.error("`~` needs a quoted regular expression on its right", at: r.span,
                                      help: "e.g. `title ~ \"pardon(ed|s)?\"`"))
        }
        return .matches(a.expr, try RegexSafety.compile(pattern, at: r.span))
    }

    mutating func arithmetic(_ op: BinaryOperator, _ l: Expr, _ r: Expr, _ schema: RowSchema, name: String)
        throws(CheckFailure) -> TypedExpr
    {
        let a = try expr(l, schema), b = try expr(r, schema)
        func numeric(_ t: ValueType) -> Bool { t == .number || t == .quantity || t == .any }
        let result: (CheckedExpr, ValueType)?
        switch (op, a.type, b.type) {
        case (_, let x, let y) where numeric(x) && numeric(y):
            result = (.arith(op, a.expr, b.expr, .number), x == .any || y == .any ? .any : .number)
        case (.add, .date, .duration), (.sub, .date, .duration):
            result = (.arith(op, a.expr, b.expr, .dateShift), .date)
        case (.add, .duration, .date):
            result = (.arith(.add, b.expr, a.expr, .dateShift), .date)
        case (.sub, .date, .date):
            result = (.arith(.sub, a.expr, b.expr, .dateDiff), .duration)
        case (.add, .duration, .duration), (.sub, .duration, .duration):
            result = (.arith(op, a.expr, b.expr, .duration), .duration)
        default:
            result = nil
        }
        guard let (x, t) = result else {
            let verb = [BinaryOperator.add: "add", .sub: "subtract", .mul: "multiply", .div: "divide", .mod: "take the remainder of"][op] ?? "combine"
            throw CheckFailure(.error("cannot \(verb) \(describe(l, a.type)) and \(describe(r, b.type))", at: l.span.union(r.span),
                                      help: "dates take durations: `today - 90d`, `date + 1w`"))
        }
        return TypedExpr(expr: x, type: t, name: name)
    }

    mutating func call(_ f: Ident, _ args: [Expr], _ schema: RowSchema, name: String) throws(CheckFailure) -> TypedExpr {
        guard let fn = Function(rawValue: f.key) else {
            let hint = Suggest.nearest(f.name, in: Function.allCases.map(\.rawValue))
            throw CheckFailure(.error("unknown function `\(escapeControls(f.name))`" + (hint.map { "; did you mean `\($0)`?" } ?? ""),
                                      at: f.span, help: "functions: " + Function.allCases.map(\.rawValue).joined(separator: ", ")))
        }
        var typed: [TypedExpr] = []
        for a in args { typed.append(try expr(a, schema)) }
        let signature = Catalog.functions.first { $0.name == fn.rawValue }?.signature ?? fn.rawValue
        func arity(_ range: ClosedRange<Int>) throws(CheckFailure) {
            guard range.contains(args.count) else {
                throw CheckFailure(.error("`\(fn.rawValue)` takes \(range.lowerBound == range.upperBound ? "\(range.lowerBound)" : "\(range.lowerBound) to \(range.upperBound)") argument\(range.upperBound == 1 ? "" : "s"), found \(args.count)",
                                          at: f.span, help: signature))
            }
        }
        func want(_ i: Int, _ ok: (ValueType) -> Bool, _ what: String) throws(CheckFailure) {
            let t = typed[i].type
            guard t == .any || ok(t) else {
                throw CheckFailure(.error("`\(fn.rawValue)` needs \(what), found a \(t)", at: args[i].span, help: signature))
            }
        }
        let exprs = typed.map(\.expr)
        let out: ValueType
        switch fn {
        case .year, .weekday:
            try arity(1...1); try want(0, { $0 == .date }, "a date"); out = .number
        case .month, .day:
            try arity(1...1); try want(0, { $0 == .date }, "a date"); out = .date
        case .week:
            try arity(1...1); try want(0, { $0 == .date }, "a date"); out = .text
        case .lower, .upper:
            try arity(1...1); try want(0, { $0.isTextLike }, "a text"); out = .text
        case .len:
            try arity(1...1)
            try want(0, { if case .list = $0 { return true }; return $0.isTextLike }, "a text or a list")
            out = .number
        case .abs:
            try arity(1...1); try want(0, { $0 == .number || $0 == .quantity || $0 == .duration }, "a number")
            out = typed[0].type == .duration ? .duration : .number
        case .round:
            try arity(1...2); try want(0, { $0 == .number || $0 == .quantity }, "a number")
            if args.count == 2 { try want(1, { $0 == .number }, "a number of digits") }
            out = .number
        case .coalesce:
            try arity(1...16)
            let first = typed[0].type
            for (i, t) in typed.enumerated().dropFirst() where t.type != first && t.type != .any && first != .any {
                let compatible = (first == .quantity && t.type == .number) || (first.isTextLike && t.type.isTextLike)
                if !compatible {
                    throw CheckFailure(.error("`coalesce` arguments must have one type: \(first) and \(t.type)", at: args[i].span))
                }
            }
            out = first == .quantity ? .number : first
        }
        return TypedExpr(expr: .call(fn, exprs), type: out, name: name)
    }
}
