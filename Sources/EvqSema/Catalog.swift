import EvqModel
import EvqSyntax

/// The one table of the language's names. The checker resolves against it; the shell's help,
/// `.fields` and tab completion are generated from it.
public enum Catalog {
    /// A stage of the pipeline.
    public struct StageEntry: Sendable, Hashable {
        public var name: String
        public var syntax: String
        public var summary: String
        public var example: String
        /// Other spellings accepted for it.
        public var aliases: [String]
    }

    /// A field of a collection's rows.
    public struct FieldEntry: Sendable, Hashable {
        public var name: String
        public var type: String
        public var summary: String
    }

    /// A built-in function.
    public struct FunctionEntry: Sendable, Hashable {
        public var name: String
        public var signature: String
        public var summary: String
        public var example: String
    }

    /// A collection name with what it holds.
    public struct CollectionEntry: Sendable, Hashable {
        public var name: String
        public var summary: String
    }

    /// Collections that exist for every corpus, in documentation order (let-bound names and types
    /// found only in imported data come on top).
    public static var collections: [String] { collectionEntries.map(\.name) }

    /// The collections with one-line summaries, for `.help collections`.
    public static let collectionEntries: [CollectionEntry] = {
        var out: [CollectionEntry] = [
            .init(name: "events", summary: "discrete events that occurred (not totals, not unconfirmed)"),
            .init(name: "totals", summary: "cumulative totals (\"more than N released since ...\"), never counted as happenings"),
            .init(name: "unconfirmed", summary: "events expected, denied or hypothetical"),
            .init(name: "documents", summary: "the articles: name, title, published, date_source, dateline, events, bytes"),
            .init(name: "actors", summary: "people and organisations: name, aliases, mentions, events"),
            .init(name: "places", summary: "places: name, aliases, mentions, events"),
            .init(name: "conflicts", summary: "versions of events whose sources disagree: id, type, date, field, version, sources, evidence"),  // analysis: conflicts
        ]
        for c in Category.allCases where c != .other {
            let types = EventType.known.filter { $0.category == c }.map(\.type.rawValue).joined(separator: ", ")
            out.append(.init(name: c.rawValue, summary: "events of category \(c.rawValue) (\(types))"))
        }
        for k in EventType.known {
            out.append(.init(name: k.type.rawValue, summary: "events of type \(k.type.rawValue): \(k.summary)"))
        }
        return out
    }()

    /// Every stage in documentation order, with its syntax, summary, example and aliases.
    public static let stages: [StageEntry] = [
        .init(name: "where", syntax: "where EXPR", summary: "keep the rows for which EXPR holds",
              example: "releases | where count > 20", aliases: ["filter"]),
        .init(name: "sort", syntax: "sort [by] KEY [asc|desc], ...",
              summary: "order rows (stable; missing values last)", example: "releases | sort count desc",
              aliases: ["order by"]),
        .init(name: "take", syntax: "take N", summary: "keep the first N rows", example: "events | take 3",
              aliases: ["head", "limit"]),
        .init(name: "show", syntax: "show EXPR [as NAME], ...", summary: "choose and compute columns",
              example: "releases | show date, count, year(date) as y", aliases: ["select", "project"]),
        .init(name: "count", syntax: "count [by KEY, ...]", summary: "count rows, overall or per group",
              example: "events | count by type", aliases: []),
        .init(name: "sum", syntax: "sum EXPR [by KEY, ...]",
              summary: "add up a number or count (notes inexact inputs)", example: "releases | sum count", aliases: []),
        .init(name: "avg", syntax: "avg EXPR [by KEY, ...]", summary: "average of a number or count",
              example: "releases | avg count", aliases: []),
        .init(name: "min", syntax: "min EXPR [by KEY, ...]", summary: "smallest value",
              example: "releases | min date", aliases: []),
        .init(name: "max", syntax: "max EXPR [by KEY, ...]", summary: "largest value",
              example: "releases | max count", aliases: []),
        .init(name: "distinct", syntax: "distinct EXPR, ...", summary: "the different values (lists count per element)",
              example: "events | distinct type", aliases: []),
        .init(name: "timeline", syntax: "timeline [by day|week|month|year]",
              summary: "events and summed counts per period (default month)", example: "releases | timeline by month",
              aliases: []),
        .init(name: "why", syntax: "why", summary: "each event with the sentences it was read from",
              example: "releases | sort date desc | take 1 | why", aliases: []),
    ]

    /// Event fields.
    public static let fields: [FieldEntry] = [
        .init(name: "id", type: "text", summary: "short stable identifier derived from content"),
        .init(name: "type", type: "type", summary: "fine type: release, pardon, meeting, ... (`type = pardon`)"),
        .init(name: "category", type: "category", summary: "coarse group: releases, sanctions, meetings, ..."),
        .init(name: "status", type: "status", summary: "occurred, expected, denied, hypothetical"),
        .init(name: "total", type: "bool", summary: "true for cumulative totals"),
        .init(name: "date", type: "date", summary: "interval of days with a precision; compared at the literal's precision"),
        .init(name: "count", type: "count", summary: "how many, with a qualifier (exact, more_than, at_least, about, at_most)"),
        .init(name: "actors", type: "list of text", summary: "canonical names; `contains` matches spelling variants"),
        .init(name: "places", type: "list of text", summary: "canonical place names"),
        .init(name: "sources", type: "list of text", summary: "file names of the documents that report it"),
        .init(name: "evidence", type: "list of text", summary: "the sentences it was read from"),
        .init(name: "summary", type: "text", summary: "a one-line description"),
        .init(name: "attributes", type: "list of text", summary: "anything else, as key=value (women=15); `attributes.women` is one value"),
        .init(name: "cameo", type: "text", summary: "the CAMEO event code of the type (0841 for releases), for joining with GDELT"),
    ]

    /// Fields of the `documents` collection.
    public static let documentFields: [FieldEntry] = [
        .init(name: "name", type: "text", summary: "file name"),
        .init(name: "title", type: "text", summary: "headline"),
        .init(name: "published", type: "date", summary: "publication date"),
        .init(name: "date_source", type: "text", summary: "where the date came from: metadata, dateline, inferred, missing"),
        .init(name: "dateline", type: "text", summary: "place of the dateline, if any"),
        .init(name: "events", type: "number", summary: "how many events it gave"),
        .init(name: "bytes", type: "number", summary: "file size"),
    ]

    /// Fields of the `actors` and `places` collections.
    public static let nameFields: [FieldEntry] = [
        .init(name: "name", type: "text", summary: "canonical name"),
        .init(name: "aliases", type: "list of text", summary: "other spellings seen"),
        .init(name: "mentions", type: "number", summary: "evidence sentences naming it (any spelling)"),
        .init(name: "events", type: "number", summary: "events that list it"),
    ]

    /// Every built-in function with its signature, summary and an example.
    public static let functions: [FunctionEntry] = [
        .init(name: "year", signature: "year(date) -> number", summary: "the year, if the date lies within one year",
              example: "events | count by year(date)"),
        .init(name: "month", signature: "month(date) -> date", summary: "the month (2025-12), if the date lies within one month",
              example: "sanctions | count by month(date)"),
        .init(name: "week", signature: "week(date) -> text", summary: "the ISO week (2025-W50), if the date lies within one week",
              example: "events | count by week(date)"),
        .init(name: "day", signature: "day(date) -> date", summary: "the day, if the date is one day",
              example: "events | show day(date)"),
        .init(name: "weekday", signature: "weekday(date) -> number", summary: "ISO weekday 1 (Monday) .. 7 (Sunday) of a one-day date",
              example: "events | count by weekday(date)"),
        .init(name: "lower", signature: "lower(text) -> text", summary: "lowercase", example: "actors | show lower(name)"),
        .init(name: "upper", signature: "upper(text) -> text", summary: "uppercase", example: "places | show upper(name)"),
        .init(name: "len", signature: "len(text | list) -> number", summary: "characters of a text, elements of a list",
              example: "events | where len(sources) > 1"),
        .init(name: "coalesce", signature: "coalesce(x, y, ...) -> x", summary: "the first argument that is not missing",
              example: "events | show coalesce(count, 0)"),
        .init(name: "abs", signature: "abs(number) -> number", summary: "absolute value", example: "events | show abs(-3)"),
        .init(name: "round", signature: "round(number [, digits]) -> number", summary: "round half away from zero",
              example: "releases | avg count | show round(avg, 1)"),
    ]

    /// Every keyword (stages, aliases, operators, literals), sorted.
    public static var keywords: [String] { Keywords.all }

    /// Fields of the rows of a collection, for `.fields NAME`: documents, actors and places have
    /// their own; every other collection has event rows.
    public static func fieldEntries(forCollection name: String) -> [FieldEntry] {
        switch name.lowercased() {
        case "documents": return documentFields
        case "actors", "places": return nameFields
        default: return fields
        }
    }

    /// Fields of a schema with their catalog entries, for `.fields`.
    public static func fieldEntries(for schema: RowSchema) -> [FieldEntry] {
        switch schema {
        case .events: return fields
        case .table(let cols): return cols.map { FieldEntry(name: $0.name, type: $0.type.description, summary: "") }
        }
    }
}
