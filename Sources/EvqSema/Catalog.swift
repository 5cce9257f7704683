import EvqModel
import EvqSyntax

/// The one table of the language's names, used by the checker, completion and help.
public enum Catalog {
    /// Collections that exist for every corpus (let-bound names are added by the session).
    public static var collections: [String] {
        ["events", "totals", "unconfirmed", "documents", "actors", "places"]
            + Category.allCases.map(\.rawValue) + EventType.known.map(\.type.rawValue)
    }
}
