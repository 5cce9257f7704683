import EvqModel
import EvqSema
import Foundation

/// The rows of an event result, made from its events on first read and kept.
///
/// The fast path answers `releases where date > 2025-09` over a million events in a few
/// milliseconds, but turning tens of thousands of events into rows of `Value`s (lists of names
/// and sources for each) costs several times that. Callers that read only `events` or the row
/// count (benchmarks, `.export`, bindings) never pay for it; the shell's renderer pays once.
final class DeferredRows: @unchecked Sendable {
    let events: [Event]
    /// Guards `made`: a result is `Sendable` and may be read from several threads.
    private let lock = NSLock()
    private var made: [[Value]]?

    init(events: [Event]) { self.events = events }

    var rows: [[Value]] {
        lock.lock()
        defer { lock.unlock() }
        if let made { return made }
        let cols = EventField.defaultColumns
        let rows = events.map { e in cols.map { ExprEvaluator.fieldValue($0, e) } }
        made = rows
        return rows
    }
}

extension ResultSet {
    /// An event result (the default columns) whose rows are made on first read.
    static func deferredEvents(_ events: [Event]) -> ResultSet {
        var r = ResultSet(kind: .events, columns: EventField.defaultColumns.map { Column($0.rawValue) }, rows: [], events: events)
        r.deferredRows = DeferredRows(events: events)
        return r
    }
}
