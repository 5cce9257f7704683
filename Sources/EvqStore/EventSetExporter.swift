import Foundation
import EvqModel

/// Writes event sets as CSV in the layout `EventSetImporter` reads back (and JSONL through
/// `EventSetIO`), for `.export` and for other tools.
///
/// CSV columns: `id, type, category, status, total, date, date_text, count, qualifier,
/// count_text, actors, places, sources`, then one column per attribute key (sorted). Dates are
/// written in their compact form (`2025-09-11`, `2025-09`, `2025`, `2024-07..2025-12`), counts
/// as the number with the qualifier in its own column, lists joined by `; `. CSV cannot hold
/// evidence, and list items containing `;` would split on reading; use JSONL to keep those.
public enum EventSetExporter {
    /// The fixed CSV columns, in order.
    public static let csvColumns = [
        "id", "type", "category", "status", "total", "date", "date_text", "count", "qualifier", "count_text",
        "actors", "places", "sources",
    ]

    /// The events as RFC 4180 CSV with a header row and CRLF line ends.
    public static func csv(_ events: [Event]) -> String {
        let reserved = Set(csvColumns + ["place", "source", "evidence", "attributes"])
        let attributeKeys = Set(events.flatMap { $0.attributes.keys }).subtracting(reserved).sorted()
        var out = (csvColumns + attributeKeys).map(field).joined(separator: ",") + "\r\n"
        for e in events {
            var cells = [
                e.id, e.type.rawValue, e.category.rawValue, e.status.rawValue, e.total ? "true" : "false",
                e.date.display, e.date.text ?? "",
                e.count?.value.map(String.init) ?? "",
                e.count.map { $0.value == nil ? Qualifier.unspecified.rawValue : $0.qualifier.rawValue } ?? "",
                e.count?.text ?? "",
                e.actors.joined(separator: "; "), e.places.joined(separator: "; "), e.sources.joined(separator: "; "),
            ]
            cells += attributeKeys.map { e.attributes[$0] ?? "" }
            out += cells.map(field).joined(separator: ",") + "\r\n"
        }
        return out
    }

    /// The events as JSON Lines (the full form of `EventSetIO.jsonLine`).
    public static func jsonl(_ events: [Event]) -> String { EventSetIO.writeJSONL(events) }

    /// One CSV field, quoted when it holds a comma, quote, line break or outer spaces.
    static func field(_ text: String) -> String {
        let needsQuotes = text.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
            || text.first?.isWhitespace == true || text.last?.isWhitespace == true
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
