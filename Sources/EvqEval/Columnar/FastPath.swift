import EvqModel
import EvqSema

/// The fast path's state in a `QueryContext`: the column store of the context's corpus, built on
/// the first query that can use it and rebuilt when the corpus is replaced.
public struct FastPathState: Sendable {
    /// When false every query runs through the reference `Evaluator` (for comparisons and
    /// benchmarks of the two).
    public var enabled: Bool = true
    var store: ColumnStore?

    public init(enabled: Bool = true) { self.enabled = enabled }

    /// The store's name index when the store belongs to `corpus` (for the checker).
    func names(for corpus: Corpus) -> NameIndex? {
        guard enabled, let store, store.matches(corpus) else { return nil }
        return store.names
    }
}

extension QueryContext {
    /// Runs `query` on the column store when every part of it is in the fast path's subset,
    /// building the store first if needed; nil means "use the reference evaluator". The result
    /// is identical to the reference's (the differential tests hold it to that).
    mutating func runFast(_ query: CheckedQuery) -> ResultSet? {
        guard fastPath.enabled, let plan = FastQuery.compile(query) else { return nil }
        // A query cancelled before it starts is the reference evaluator's to report ("interrupted");
        // once started, the fast path finishes in milliseconds and does not poll.
        if let cancelled = isCancelled, cancelled() { return nil }
        let store: ColumnStore
        if let cached = fastPath.store, cached.matches(corpus) {
            store = cached
        } else {
            guard let built = ColumnStore(corpus) else {
                fastPath.store = nil
                return nil
            }
            fastPath.store = built
            store = built
        }
        return plan.run(store)
    }
}
