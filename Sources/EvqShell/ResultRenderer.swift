import EvqDiagnostics
import EvqEval
import EvqModel

/// Turns a `ResultSet` into text in one output format. Pure: width and colour are given.
public struct ResultRenderer: Sendable {
    /// The output format.
    public var format: OutputFormat
    /// Columns available to tables and charts; nil = unbounded (not a terminal).
    public var width: Int?
    /// ANSI colour; only for `table` (the data formats never carry colour).
    public var color: Bool

    /// A renderer for `format`; tables fit `width` and use colour only when `color`.
    public init(format: OutputFormat, width: Int? = nil, color: Bool = false) {
        self.format = format
        self.width = width
        self.color = color
    }

    /// The result's text, ending in a newline when not empty. `elapsed` is shown in the table
    /// footer when given (`.timer on`).
    public func render(_ result: ResultSet, elapsed: Duration? = nil) -> String {
        let (columns, rows) = table(of: result)
        let paint = Paint(enabled: color)
        switch format {
        case .table:
            var out: String
            switch result.kind {
            case .why where !result.events.isEmpty:
                out = WhyRenderer(paint: paint, width: width).render(result.events)
            case .timeline:
                out = TimelineRenderer(width: width, paint: paint).render(columns: columns, rows: rows)
            default:
                out = TableRenderer(width: width, paint: paint).render(columns: columns, rows: rows)
            }
            let count = result.kind == .why && !result.events.isEmpty ? result.events.count : rows.count
            let noun = result.kind == .why || result.kind == .events ? "event" : (result.kind == .timeline ? "bucket" : "row")
            var footer = "\(count) \(noun)\(count == 1 ? "" : "s")"
            if let elapsed { footer += "  (\(Self.describe(elapsed)))" }
            out += paint(footer, Paint.dim) + "\n"
            for note in result.notes { out += paint("note: " + escapeControls(note), Paint.dim) + "\n" }
            return out
        case .json:
            if Self.isEventResult(result) { return JSONText.neutralize(EventSetIO.writeJSON(result.events)) }
            if rows.isEmpty { return "[]\n" }
            return "[\n" + rows.map { "  " + JSONText.object(columns: columns, row: $0) }.joined(separator: ",\n") + "\n]\n"
        case .jsonl:
            if Self.isEventResult(result) { return JSONText.neutralize(EventSetIO.writeJSONL(result.events)) }
            return rows.map { JSONText.object(columns: columns, row: $0) + "\n" }.joined()
        case .csv:
            return CSVText.render(columns: columns, rows: rows)
        case .md:
            return MarkdownText.render(columns: columns, rows: rows)
        }
    }

    /// Event results print as whole events (the design's field names) in JSON and JSONL.
    static func isEventResult(_ r: ResultSet) -> Bool {
        (r.kind == .events || r.kind == .why) && (!r.events.isEmpty || r.rows.isEmpty)
    }

    /// The columns and rows to print; events whose rows were left empty get the default columns.
    func table(of r: ResultSet) -> ([String], [[Value]]) {
        if r.rows.isEmpty && !r.events.isEmpty && r.columns.isEmpty {
            return (EventRows.columns, r.events.map(EventRows.row))
        }
        return (r.columns.map(\.name), r.rows)
    }

    /// `0.42 ms`, `12.3 ms`, `1.25 s`.
    public static func describe(_ d: Duration) -> String {
        let (seconds, attoseconds) = d.components
        let ms = Double(seconds) * 1000 + Double(attoseconds) / 1e15
        if ms >= 1000 { return ValueText.number(ms / 1000) + " s" }
        return ValueText.number(ms) + " ms"
    }

    /// A whole event set (`evq extract`) in a data format; `table` and `md` show the default columns.
    public func renderEventSet(_ events: [Event]) -> String {
        switch format {
        case .json: return JSONText.neutralize(EventSetIO.writeJSON(events))
        case .jsonl: return JSONText.neutralize(EventSetIO.writeJSONL(events))
        default:
            return render(ResultSet(kind: .table, columns: EventRows.columns.map(Column.init), rows: events.map(EventRows.row)))
        }
    }
}
