/// Where the event cache lives: `$XDG_CACHE_HOME/evq/` when that is set to an absolute path
/// (the XDG base-directory spec says relative values are to be ignored), else `~/.cache/evq/`.
/// Takes the environment as a value so callers and tests decide what it is.
public enum CacheLocation {
    /// The cache database's file name inside the directory.
    public static let fileName = "events.sqlite"

    /// The cache directory, or nil when neither `XDG_CACHE_HOME` nor `HOME` is usable.
    public static func directory(environment: [String: String]) -> String? {
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            return join(xdg, "evq")
        }
        if let home = environment["HOME"], home.hasPrefix("/") {
            return join(join(home, ".cache"), "evq")
        }
        return nil
    }

    /// The cache database's path, or nil (see `directory(environment:)`).
    public static func databasePath(environment: [String: String]) -> String? {
        directory(environment: environment).map { join($0, fileName) }
    }

    static func join(_ a: String, _ b: String) -> String {
        a.hasSuffix("/") ? a + b : a + "/" + b
    }
}
