import EvqExtract
import EvqModel
import Foundation

/// Cheap identities for a whole corpus, so a restart over unchanged articles can skip reading
/// them: `key` names the set of paths a corpus was loaded from, `validator` the state of its
/// files (path, size, modification and change times in nanoseconds, inode, and the same for
/// its sidecar `.meta` file if it has one) and the extractor version.
///
/// This is the heuristic make, git's index and rsync rely on: a file rewritten with the same
/// size within the same nanosecond and on the same inode would be missed. Anything else —
/// an edit, a touch, a new or removed article or sidecar — changes the validator, and the
/// load falls back to the per-article cache, which is keyed by content.
public enum CorpusFingerprint {
    /// The key of a set of paths (absolute, in the order given).
    public static func key(paths: [String]) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        let absolute = paths.map { ($0.hasPrefix("/") ? $0 : (cwd as NSString).appendingPathComponent($0)) as NSString }
            .map { $0.standardizingPath }
        return "corpus:" + ContentDigest.hex(of: absolute.joined(separator: "\u{0}").utf8)
    }

    /// The validator of the articles among `files`, or nil when one cannot be examined.
    public static func validator(files: [CorpusLoader.InputFile], extractorVersion: String) -> String? {
        var text = extractorVersion
        for file in files where file.kind == .article {
            guard let own = identity(file.path) else { return nil }
            text += "\u{0}\(file.name)\u{1}\(own)"
            // A sidecar that appears or disappears changes the folder's listing, hence `sidecar`.
            text += "\u{1}" + (file.sidecar.map { "\($0)=" + (identity($0) ?? "-") } ?? "-")
        }
        return ContentDigest.hex(of: text.utf8)
    }

    static func identity(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return "\(info.st_size).\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec).\(info.st_ctim.tv_sec).\(info.st_ctim.tv_nsec).\(info.st_ino)"
    }
}
