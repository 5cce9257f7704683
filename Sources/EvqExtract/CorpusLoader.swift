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
    public static let eventSetExtensions: Set<String> = ["jsonl", "json", "csv"]

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
        let listing = try Self.list(paths: paths)
        var articles: [RawDocument] = []
        var imported: [Event] = []
        for file in listing.files {
            switch file.kind {
            case .eventSet:
                // CSV needs the store's importer (evq's loader); this loader has only EventSetIO.
                if file.name.lowercased().hasSuffix(".csv") {
                    throw .unreadable(path: file.path, reason: "CSV event sets are read by evq's importer, not by CorpusLoader")
                }
                guard let data = FileManager.default.contents(atPath: file.path) else {
                    throw .unreadable(path: file.path, reason: "cannot read file")
                }
                do {
                    imported += try EventSetIO.read(String(decoding: data, as: UTF8.self), file: file.name)
                } catch {
                    throw .badEventSet(error)
                }
            case .article:
                articles.append(try Self.readArticle(file))
            }
        }
        guard var result = extractor.extract(articles, isCancelled: isCancelled) else { throw .interrupted }
        if !imported.isEmpty {
            result.corpus = result.corpus.merged(with: Corpus(events: imported))
        }
        result.warnings = listing.warnings + result.warnings
        return result
    }

    /// One input file: an article to extract or an event set to import.
    public struct InputFile: Sendable, Hashable {
        /// What a file holds, by its extension.
        public enum Kind: Sendable, Hashable { case article, eventSet }
        /// The path as found (a folder's path joined with the file name).
        public var path: String
        /// The file name: what sources, evidence and messages call it.
        public var name: String
        public var kind: Kind
        /// The article's sidecar metadata file (`NAME.EXT.meta`, else `NAME.meta`), if one exists.
        public var sidecar: String?
    }

    /// The files `paths` stand for: a file itself, a folder its supported files sorted by name
    /// (hidden files skipped, not recursive). A file with an unknown extension given by name is
    /// read as a plain-text article, with a warning.
    public static func list(paths: [String]) throws(LoadError) -> (files: [InputFile], warnings: [FileWarning]) {
        var files: [InputFile] = []
        var warnings: [FileWarning] = []
        let fm = FileManager.default
        for path in paths {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
                throw .unreadable(path: path, reason: "no such file or folder")
            }
            var found: [String] = []
            // Which files exist beside the found ones, for their sidecars: a folder's listing
            // answers without a stat per candidate (ten thousand articles, twenty thousand stats).
            var present: ((String) -> Bool) = { fm.fileExists(atPath: $0) }
            if isDir.boolValue {
                guard let names = try? fm.contentsOfDirectory(atPath: path) else {
                    throw .unreadable(path: path, reason: "cannot list folder")
                }
                // Plain string operations: NSString's path methods cost a tenth of a second
                // over ten thousand files, a tenth of a cached restart.
                let folder = path.hasSuffix("/") ? path : path + "/"
                found = names.filter { !$0.hasPrefix(".") && Self.isSupported($0) }.sorted().map { folder + $0 }
                let metas = Set(names.filter { $0.hasSuffix(".meta") }.map { folder + $0 })
                present = { metas.contains($0) }
            } else {
                found = [path]
            }
            for file in found {
                let name = Self.fileName(file)
                let ext = Self.fileExtension(name)
                if Self.eventSetExtensions.contains(ext) {
                    files.append(InputFile(path: file, name: name, kind: .eventSet, sidecar: nil))
                } else {
                    if !Self.articleExtensions.contains(ext) {
                        warnings.append(FileWarning(file: name, message: "unknown extension; read as plain text"))
                    }
                    files.append(InputFile(path: file, name: name, kind: .article, sidecar: sidecarPaths(for: file).first(where: present)))
                }
            }
        }
        return (files, warnings)
    }

    /// Reads an article and its sidecar metadata.
    public static func readArticle(_ file: InputFile) throws(LoadError) -> RawDocument {
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw .unreadable(path: file.path, reason: "cannot read file")
        }
        return RawDocument(name: file.name, bytes: [UInt8](data), metadata: file.sidecar.map(metadata(in:)) ?? [:])
    }

    /// `key: value` lines of a sidecar file (empty when it cannot be read).
    static func metadata(in sidecar: String) -> [String: String] {
        guard let data = FileManager.default.contents(atPath: sidecar) else { return [:] }
        var pairs: [String: String] = [:]
        for line in String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline) {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            pairs[key] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return pairs
    }

    /// Where an article's sidecar may be: `NAME.EXT.meta`, then `NAME.meta`.
    public static func sidecarPaths(for file: String) -> [String] {
        let ext = fileExtension(fileName(file))
        let base = ext.isEmpty ? file : String(file.dropLast(ext.count + 1))
        return [file + ".meta", base + ".meta"]
    }

    /// The last component of a path.
    static func fileName(_ path: String) -> String {
        var p = Substring(path)
        while p.count > 1, p.hasSuffix("/") { p = p.dropLast() }
        guard let slash = p.lastIndex(of: "/") else { return String(p) }
        return String(p[p.index(after: slash)...])
    }

    /// The lowercased extension of a file name ("" if none; a leading dot is not one).
    static func fileExtension(_ name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    static func isSupported(_ path: String) -> Bool {
        let ext = fileExtension(fileName(path))
        return articleExtensions.contains(ext) || eventSetExtensions.contains(ext)
    }
}
