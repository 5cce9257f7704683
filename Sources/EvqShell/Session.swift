import EvqEval
import EvqModel

/// All mutable shell state, passed explicitly (SQLite's `ShellState`).
public struct Session: Sendable {
    public var context: QueryContext  // corpus, today, bindings
    public init(context: QueryContext) { self.context = context }
}
