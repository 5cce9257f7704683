import EvqModel
import Foundation

/// Files and folders in, a corpus out. Articles (.txt, .md, .html) go through the extractor;
/// event sets (.jsonl, .json) are imported as they are.
public struct CorpusLoader: Sendable {
    public enum LoadError: Error, Sendable, CustomStringConvertible {
        case unreadable(path: String, reason: String)
        case badEventSet(EventSetIO.ImportError)
        /// Ctrl-C (or another cancellation) stopped the extraction.
        case interrupted
        public var description: String {
            switch self {
            case .interrupted: return "interrupted; nothing was loaded"
            case .unreadable(let path, let reason): return "\(path): \(reason)"
            case .badEventSet(let e): return e.description
            }
        }
    }

    public static let articleExtensions: Set<String> = ["txt", "md", "html", "htm"]
    public static let eventSetExtensions: Set<String> = ["jsonl", "json"]

    public var extractor: Extractor
    public init(extractor: Extractor = Extractor()) { self.extractor = extractor }

    /// Loads every path; a folder contributes its supported files, sorted by name (not recursive
    /// into hidden folders). Unreadable paths and bad event sets are errors; oddities in articles
    /// are warnings.
    public func load(paths: [String]) throws(LoadError) -> Extraction {
        try load(paths: paths, isCancelled: { false })
    }

    /// The same, stopping with `.interrupted` when `isCancelled` answers true (asked between
    /// articles).
    public func load(paths: [String], isCancelled: () -> Bool) throws(LoadError) -> Extraction {
        var articles: [RawDocument] = []
        var imported: [Event] = []
        var warnings: [FileWarning] = []
        let fm = FileManager.default
        for path in paths {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
                throw .unreadable(path: path, reason: "no such file or folder")
            }
            var files: [String] = []
            if isDir.boolValue {
                guard let names = try? fm.contentsOfDirectory(atPath: path) else {
                    throw .unreadable(path: path, reason: "cannot list folder")
                }
                files = names.filter { !$0.hasPrefix(".") }.sorted().map { (path as NSString).appendingPathComponent($0) }
                    .filter { Self.isSupported($0) }
            } else {
                files = [path]
            }
            for file in files {
                guard let data = fm.contents(atPath: file) else { throw .unreadable(path: file, reason: "cannot read file") }
                let name = (file as NSString).lastPathComponent
                let ext = (file as NSString).pathExtension.lowercased()
                if Self.eventSetExtensions.contains(ext) {
                    do {
                        imported += try EventSetIO.read(String(decoding: data, as: UTF8.self), file: name)
                    } catch {
                        throw .badEventSet(error)
                    }
                } else {
                    if !Self.articleExtensions.contains(ext) {
                        warnings.append(FileWarning(file: name, message: "unknown extension; read as plain text"))
                    }
                    articles.append(RawDocument(name: name, bytes: [UInt8](data), metadata: Self.sidecar(for: file)))
                }
            }
        }
        guard var result = extractor.extract(articles, isCancelled: isCancelled) else { throw .interrupted }
        if !imported.isEmpty {
            result.corpus = result.corpus.merged(with: Corpus(events: imported))
        }
        result.warnings = warnings + result.warnings
        return result
    }

    /// `key: value` lines of the sidecar `NAME.meta` (or `NAME.EXT.meta`) next to an article.
    static func sidecar(for file: String) -> [String: String] {
        let base = (file as NSString).deletingPathExtension
        for candidate in [file + ".meta", base + ".meta"] {
            guard let data = FileManager.default.contents(atPath: candidate) else { continue }
            var pairs: [String: String] = [:]
            for line in String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline) {
                guard let colon = line.firstIndex(of: ":") else { continue }
                let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
                pairs[key] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
            return pairs
        }
        return [:]
    }

    static func isSupported(_ path: String) -> Bool {
        let ext = (path as NSString).pathExtension.lowercased()
        return articleExtensions.contains(ext) || eventSetExtensions.contains(ext)
    }
}
