import EvqStore
import Foundation

/// How a session gets its corpus: through the event cache (`$XDG_CACHE_HOME/evq/events.sqlite`)
/// or, with `--no-cache`, by extracting and importing everything each time.
public struct CacheSettings: Sendable {
    /// The open cache, or nil: disabled, or it could not be opened (see `problem`).
    public var cache: EventCache?
    /// True for `--no-cache`.
    public var disabled: Bool
    /// Why there is no cache although one was wanted (no location, unwritable directory).
    public var problem: String?
    /// Tells this build of evq from others (see `BuildIdentity`).
    public var buildIdentity: String

    /// No cache at all: what tests, Examples and `--no-cache` use.
    public static let none = CacheSettings(cache: nil, disabled: true, problem: nil, buildIdentity: "")

    /// Opens the cache at its standard place for `environment`, unless `disabled`. Warnings
    /// (a damaged cache set aside, no usable location) are returned for the caller to print;
    /// evq then runs without a cache rather than failing.
    public static func open(environment: [String: String], disabled: Bool, buildIdentity: String = BuildIdentity.current())
        -> (settings: CacheSettings, warnings: [String])
    {
        if disabled { return (.none, []) }
        // Nowhere to put it (neither XDG_CACHE_HOME nor HOME): run without a cache, quietly, as
        // sqlite3 does without a history file; `.cache` says why.
        guard CacheLocation.databasePath(environment: environment) != nil else {
            return (CacheSettings(cache: nil, disabled: false, problem: "neither XDG_CACHE_HOME nor HOME is set to an absolute path",
                                  buildIdentity: buildIdentity), [])
        }
        do {
            let cache = try EventCache.openDefault(environment: environment)
            return (CacheSettings(cache: cache, disabled: false, problem: nil, buildIdentity: buildIdentity),
                    cache.warnings.map { "evq: warning: " + $0.message })
        } catch {
            return (CacheSettings(cache: nil, disabled: false, problem: error.message, buildIdentity: buildIdentity),
                    ["evq: warning: \(error.message); running without the event cache"])
        }
    }

    /// A loader reading through this cache.
    public var loader: CachingCorpusLoader {
        CachingCorpusLoader(cache: cache, buildIdentity: buildIdentity)
    }
}

/// The identity of the running evq executable: its size and modification time. Cache entries
/// are keyed by it (with the extractor's version), so results of another build are never
/// reused even when a code change forgot to bump `Extractor.codeRevision`.
public enum BuildIdentity {
    /// `SIZE-MTIME` of `/proc/self/exe` (or of the main executable elsewhere); empty if unknown.
    public static func current() -> String {
        let path = FileManager.default.fileExists(atPath: "/proc/self/exe") ? "/proc/self/exe" : (CommandLine.arguments.first ?? "")
        var info = stat()
        guard !path.isEmpty, stat(path, &info) == 0 else { return "" }
        return "\(info.st_size)-\(info.st_mtim.tv_sec)"
    }
}
