import EvqModel
import EvqSema

/// The names the shell offers for completion and help, read from the language's `Catalog`
/// (the one table that also drives the parser and checker).
public struct Vocabulary: Sendable {
    /// One queryable field of an event.
    public struct Field: Sendable {
        /// The field's name.
        public var name: String
        /// Its type as the catalog names it.
        public var type: String
        /// One line on what it holds.
        public var meaning: String
    }

    /// Collection names (events, totals, ..., categories, types).
    public var collections: [String]
    /// Stage names, canonical spellings only.
    public var stages: [String]
    /// Event fields, for `.fields`.
    public var fields: [Field]
    /// Every field name of any collection (events, documents, actors, places), for completion.
    public var allFieldNames: [String]
    /// Field names of the collections whose rows are not events (`documents`, `actors`, `places`).
    public var otherCollectionFields: [String: [String]]
    /// Function names, and `today`.
    public var functions: [String]
    /// Words valid inside an expression besides fields and functions.
    public var keywords: [String]

    /// The names of the language's catalog.
    public static var standard: Vocabulary {
        let fieldNames = (Catalog.fields + Catalog.documentFields + Catalog.nameFields).map(\.name)
        return Vocabulary(
            collections: Catalog.collections,
            stages: Catalog.stages.map(\.name),
            fields: Catalog.fields.map { Field(name: $0.name, type: $0.type, meaning: $0.summary) },
            allFieldNames: Array(Set(fieldNames)).sorted(),
            otherCollectionFields: [
                "documents": Catalog.documentFields.map(\.name), "actors": Catalog.nameFields.map(\.name),
                "places": Catalog.nameFields.map(\.name),
            ],
            functions: Catalog.functions.map(\.name) + ["today"],
            keywords: ["and", "or", "not", "in", "between", "contains", "is", "missing", "asc", "desc", "by", "as"])
    }

    /// The fields of rows from `collection`: event fields for event collections, the
    /// collection's own for documents/actors/places, all of them when unknown (a `let` name).
    public func fieldNames(of collection: String?) -> [String] {
        guard let collection = collection?.lowercased() else { return allFieldNames }
        if let own = otherCollectionFields[collection] { return own }
        if collections.contains(collection) { return fields.map(\.name) }
        return allFieldNames
    }

    /// The topics `.help` lists whole tables for.
    public static let listTopics = ["collections", "stages", "functions", "fields"]

    /// `.help collections|stages|functions|fields`: one line per entry of that catalog table.
    public func listHelp(_ topic: String) -> String? {
        let entries: [(String, String)]
        switch topic.lowercased() {
        case "collections": entries = Catalog.collectionEntries.map { ($0.name, $0.summary) }
        case "stages": entries = Catalog.stages.map { ($0.syntax, $0.summary) }
        case "functions": entries = Catalog.functions.map { ($0.signature, $0.summary) }
        case "fields": entries = fields.map { ($0.name, "\($0.type): \($0.meaning)") }
        default: return nil
        }
        let width = entries.map(\.0.count).max() ?? 0
        return entries.map { $0.0 + String(repeating: " ", count: width - $0.0.count) + "  " + $0.1 + "\n" }.joined()
    }

    /// `.help STAGE`: syntax, summary and example of a stage from the catalog.
    public func stageHelp(_ name: String) -> String? {
        let key = name.lowercased()
        guard let s = Catalog.stages.first(where: { $0.name == key || $0.aliases.contains(key) }) else { return nil }
        var out = "\(s.syntax)\n  \(s.summary)\n  example: \(s.example)\n"
        if !s.aliases.isEmpty { out += "  also written: \(s.aliases.joined(separator: ", "))\n" }
        return out
    }

    /// `.help FUNCTION`: signature, summary and example of a function from the catalog.
    public func functionHelp(_ name: String) -> String? {
        guard let f = Catalog.functions.first(where: { $0.name == name.lowercased() }) else { return nil }
        return "\(f.signature)\n  \(f.summary)\n  example: \(f.example)\n"
    }
}
