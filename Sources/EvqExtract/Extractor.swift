import EvqDiagnostics
import EvqModel

/// One article as read from disk, before any cleaning.
public struct RawDocument: Sendable {
    /// The file name used in `sources` and evidence (no directory).
    public var name: String
    public var bytes: [UInt8]
    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }
}

/// A problem found while reading a file: not fatal, shown as a warning.
public struct FileWarning: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var message: String
    public init(file: String, message: String) {
        self.file = file
        self.message = message
    }
    public var description: String { "\(file): warning: \(message)" }
}

/// The extractor's result for a set of articles.
public struct Extraction: Sendable {
    public var corpus: Corpus
    public var warnings: [FileWarning]
    public init(corpus: Corpus, warnings: [FileWarning]) {
        self.corpus = corpus
        self.warnings = warnings
    }
}

/// Articles in, merged events out: the whole pipeline of ARCHITECTURE.md.
public struct Extractor: Sendable {
    public init() {}

    public func extract(_ documents: [RawDocument]) -> Extraction {
        // TEMPORARY seam: the extraction module replaces this.
        Extraction(
            corpus: Corpus(events: [], documents: documents.map { Document(name: $0.name, bytes: $0.bytes.count) }),
            warnings: [])
    }
}
