import EvqModel
import EvqSema

/// The names the shell offers for completion and help: collections, stages, fields, functions.
///
/// Collections come from the language's `Catalog`. Stages, fields and functions are listed here
/// from the design until the language's stage and function catalog exposes them; then
/// `standard` should read them from there so one table drives parser, completion and help.
public struct Vocabulary: Sendable {
    /// One queryable field of an event.
    public struct Field: Sendable {
        public var name: String
        public var type: String
        public var meaning: String
    }

    public var collections: [String]
    public var stages: [String]
    public var fields: [Field]
    public var functions: [String]
    /// Words valid inside an expression besides fields and functions.
    public var keywords: [String]

    public static var standard: Vocabulary {
        Vocabulary(
            collections: Catalog.collections,
            stages: ["where", "sort", "take", "show", "count", "sum", "avg", "min", "max", "distinct", "timeline", "why"],
            fields: [
                Field(name: "id", type: "string", meaning: "short, stable id derived from the content"),
                Field(name: "type", type: "enum", meaning: "fine type (release, pardon, ...; see .types)"),
                Field(name: "category", type: "enum", meaning: "coarse group named by its collection (releases, sanctions, ...)"),
                Field(name: "status", type: "enum", meaning: "occurred, expected, denied, hypothetical"),
                Field(name: "total", type: "bool", meaning: "true for cumulative totals"),
                Field(name: "date", type: "date", meaning: "interval of days with a precision; keeps the words"),
                Field(name: "count", type: "quantity", meaning: "value and qualifier (exact, more_than, at_least, about, ...)"),
                Field(name: "actors", type: "list", meaning: "canonical names; every spelling variant matches"),
                Field(name: "places", type: "list", meaning: "canonical place names"),
                Field(name: "sources", type: "list", meaning: "file names of the documents that report it"),
                Field(name: "evidence", type: "list", meaning: "the sentences it was read from (see `why`)"),
                Field(name: "attributes", type: "map", meaning: "anything else: women, men, charge, ..."),
            ],
            functions: ["year", "month", "day", "lower", "len", "today"],
            keywords: ["and", "or", "not", "in", "between", "contains", "is", "missing", "asc", "desc", "by", "as"])
    }
}
