import EvqDiagnostics
import EvqModel
import EvqSema
import EvqSyntax

/// Finds the chains of a `sequence`: one event per step, each step certainly starting no
/// earlier than the previous step's start, the whole chain certainly within the duration.
///
/// Dates are intervals of possible days. An event dated `[s, e]` may start as late as `e`, so
/// step k+1 (dated `[s', e']`) certainly follows step k when `s' >= e`. The chain certainly fits
/// in D when `last.e - first.s + 1 <= D` days (calendar months for `m` and `y`). Events without
/// a date cannot be ordered and never take part.
struct SequenceFinder {
    /// Most chains returned; beyond it the search stops with a warning.
    static let maxChains = 10_000
    /// Most partial chains visited; bounds the search when `by` or `within` prune late.
    static let maxVisits = 2_000_000

    /// One step's candidates, sorted by (start, end, id).
    struct Candidate {
        var event: Event
        var start: Int
        var end: Int
        /// The folded values of the `by` field -> their display form.
        var keys: [String: String]
    }

    /// What the search reads of a candidate: small, so a visit copies no event.
    struct Slot {
        var start: Int
        var end: Int
        /// The event's id and `by` values as small numbers (interned), so a visit hashes no text.
        var id: Int
        var keySet: Set<Int>
    }

    /// A chain: the index of the chosen candidate per step.
    typealias Chain = [Int]

    let steps: [[Candidate]]
    let slots: [[Slot]]
    /// Exclusive bound on the last end, relative to the first start (nil: unbounded).
    let deadline: ((Int) -> Int)?
    let usesBy: Bool
    var isCancelled: (@Sendable () -> Bool)?

    init(steps: [[Event]], by: EventField?, within: (months: Int, days: Int)?, isCancelled: (@Sendable () -> Bool)?) {
        self.steps = steps.map { events in
            events.compactMap { e -> Candidate? in
                guard let s = e.date.start, let t = e.date.end else { return nil }
                var keys: [String: String] = [:]
                if let by { for v in SequenceFinder.texts(ExprEvaluator.fieldValue(by, e)) { keys[SequenceFinder.fold(v)] = keys[SequenceFinder.fold(v)] ?? v } }
                return Candidate(event: e, start: s.number, end: t.number, keys: keys)
            }.sorted { ($0.start, $0.end, $0.event.id) < ($1.start, $1.end, $1.event.id) }
        }
        var ids: [String: Int] = [:]
        var values: [String: Int] = [:]
        func intern(_ text: String, _ table: inout [String: Int]) -> Int {
            if let n = table[text] { return n }
            table[text] = table.count
            return table.count - 1
        }
        var slots: [[Slot]] = []
        for list in self.steps {
            slots.append(list.map { c in
                Slot(start: c.start, end: c.end, id: intern(c.event.id, &ids),
                     keySet: Set(c.keys.keys.map { intern($0, &values) }))
            })
        }
        self.slots = slots
        if let within {
            deadline = { first in DateMath.shift(Day(number: first), months: within.months, days: within.days).number }
        } else {
            deadline = nil
        }
        usesBy = by != nil
        self.isCancelled = isCancelled
    }

    static func texts(_ v: Value) -> [String] {
        switch v {
        case .text(let s): return [s]
        case .list(let xs): return xs.flatMap(texts)
        default: return []
        }
    }

    static func fold(_ s: String) -> String {
        Fold.fold(s)
    }

    /// What the search found.
    struct Outcome {
        var chains: [Chain]
        /// Set when a limit stopped the search early.
        var truncated: String?
    }

    /// Depth-first search in step order; candidates are sorted, so chains come out ordered by
    /// the first step's event, then the second's, and so on.
    func find() throws(Interrupted) -> Outcome {
        var out = Outcome(chains: [], truncated: nil)
        guard !slots.isEmpty, !slots.contains(where: \.isEmpty) else { return out }
        let slots = self.slots
        var visits = 0
        var chain: Chain = []
        var shared: [Set<Int>] = []

        func firstIndex(_ list: [Slot], startingAtLeast bound: Int) -> Int {
            var lo = 0, hi = list.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if list[mid].start < bound { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }

        func extend(_ k: Int, limit: Int?) throws(Interrupted) -> Bool {
            let list = slots[k]
            let from = k == 0 ? 0 : firstIndex(list, startingAtLeast: slots[k - 1][chain[k - 1]].end)
            var i = from
            while i < list.count {
                let c = list[i]
                visits += 1
                if visits % 4096 == 0, let isCancelled, isCancelled() { throw Interrupted() }
                if visits > SequenceFinder.maxVisits {
                    out.truncated = "the search stopped after \(SequenceFinder.maxVisits) partial chains"
                    return false
                }
                // Sorted by start: once a start reaches the deadline, no later candidate can end before it.
                if let limit, c.start >= limit { break }
                i += 1
                if let limit, c.end >= limit { continue }
                if chain.indices.contains(where: { slots[$0][chain[$0]].id == c.id }) { continue }
                var keys: Set<Int> = []
                if usesBy {
                    if let prev = shared.last {
                        // The common case is a rejection: test it without building a set.
                        if prev.isDisjoint(with: c.keySet) { continue }
                        keys = prev.intersection(c.keySet)
                    } else {
                        keys = c.keySet
                    }
                    if keys.isEmpty { continue }
                }
                chain.append(i - 1)
                shared.append(keys)
                defer { chain.removeLast(); shared.removeLast() }
                if k == slots.count - 1 {
                    out.chains.append(chain)
                    if out.chains.count >= SequenceFinder.maxChains {
                        out.truncated = "the search stopped at \(SequenceFinder.maxChains) chains"
                        return false
                    }
                } else {
                    let next = limit ?? (k == 0 ? deadline?(c.start) : nil)
                    if try !extend(k + 1, limit: next) { return false }
                }
            }
            return true
        }

        _ = try extend(0, limit: nil)
        return out
    }

    /// One row per chain: per step id, date, type, summary; then `days`; then `shared`.
    func rows(_ chains: [Chain]) -> [[Value]] {
        chains.map { chain in
            var row: [Value] = []
            for (k, i) in chain.enumerated() {
                let e = steps[k][i].event
                row += [.text(e.id), .date(e.date), .text(e.type.rawValue), .text(e.summary)]
            }
            if let first = chain.first, let last = chain.last {
                row.append(.int(steps[steps.count - 1][last].end - steps[0][first].start + 1))
            }
            if usesBy {
                var keys = Set(steps[0][chain[0]].keys.keys)
                for (k, i) in chain.enumerated() { keys.formIntersection(steps[k][i].keys.keys) }
                let first = steps[0][chain[0]].keys
                row.append(.list(keys.sorted().map { .text(first[$0] ?? $0) }))
            }
            return row
        }
    }
}

/// Runs `sequence` statements for `QueryEngine`.
enum SequenceRunner {
    /// The events of the chains in `result` (each once, in row and step order), so a report
    /// (`.export FILE.html`) can show them. Only for a result that is still chain rows; a bound
    /// result keeps none, so that later stages never mistake them for one event per row.
    static func chainEvents(_ result: ResultSet, steps: Int, from stepEvents: [[Event]]) -> [Event] {
        var byID: [String: Event] = [:]
        for list in stepEvents { for e in list { byID[e.id] = e } }
        let idColumns = (1...max(1, steps)).compactMap { k in result.columns.firstIndex { $0.name == "id\(k)" } }
        var seen = Set<String>()
        var out: [Event] = []
        for row in result.rows {
            for i in idColumns where row.indices.contains(i) {
                if case .text(let id) = row[i], seen.insert(id).inserted, let e = byID[id] { out.append(e) }
            }
        }
        return out
    }

    static func run(_ statement: Statement, _ seq: SequenceSpec, in context: inout QueryContext) -> StatementOutcome {
        switch SequenceCheck.check(statement, seq, in: context.checkEnvironment) {
        case .failure(let f):
            return .failed([f.diagnostic])
        case .success(let (checkedStatement, checked)):
            do throws(Interrupted) {
                var stepEvents: [[Event]] = []
                for step in checked.steps { stepEvents.append(try Evaluator(context: context).run(step).events) }
                let finder = SequenceFinder(steps: stepEvents, by: checked.by, within: checked.within, isCancelled: context.isCancelled)
                let found = try finder.find()
                let columns = SequenceCheck.columns(steps: checked.steps.count, by: checked.by != nil)
                let chains = ResultSet(kind: .table, columns: columns.map { Column($0.name) }, rows: finder.rows(found.chains))
                var inner = context
                inner.bindings[SequenceCheck.bindingKey] = chains
                var result = try Evaluator(context: inner).run(checked.tail)
                var warnings = checkedStatement.warnings
                let keepsChains = checked.tail.stages.allSatisfy { stage in
                    switch stage {
                    case .filter, .sort, .take: return true
                    default: return false
                    }
                }
                var reported = result
                if keepsChains { reported.events = chainEvents(result, steps: checked.steps.count, from: stepEvents) }
                if let why = found.truncated {
                    let message = "\(why); the result is incomplete"
                    warnings.append(.warning(message, at: seq.keyword.span,
                                             help: "narrow the steps with `where`, or add or shorten `within`"))
                    result.notes.append(message)
                    reported.notes.append(message)
                }
                if let name = checkedStatement.binding {
                    context.bindings[name] = result
                    if case .binding(let ident, _) = statement.kind { return .bound(ident.name, warnings: warnings) }
                    return .bound(name, warnings: warnings)
                }
                return .result(reported, warnings: warnings)
            } catch {
                return .failed([.error("interrupted", at: statement.span)])
            }
        }
    }
}
