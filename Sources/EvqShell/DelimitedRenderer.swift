import EvqDiagnostics
import EvqEval

/// CSV with RFC 4180 quoting: a field containing a comma, quote, CR or LF is quoted, and quotes
/// inside it are doubled. Lines end with LF.
enum CSVText {
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func render(columns: [String], rows: [[Value]]) -> String {
        var out = columns.map { field(escapeControls($0)) }.joined(separator: ",") + "\n"
        for row in rows {
            out += columns.indices.map { field(ValueText.plain($0 < row.count ? row[$0] : .missing)) }.joined(separator: ",") + "\n"
        }
        return out
    }
}

/// A Markdown table; `|` inside cells is escaped and numeric columns are right-aligned.
enum MarkdownText {
    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|")
    }

    static func render(columns: [String], rows: [[Value]]) -> String {
        let right = columns.indices.map { i in
            let values = rows.compactMap { i < $0.count ? $0[i] : nil }.filter { $0 != .missing }
            return !values.isEmpty && values.allSatisfy(ValueText.isNumeric)
        }
        var out = "| " + columns.map { cell(escapeControls($0)) }.joined(separator: " | ") + " |\n"
        out += "|" + right.map { $0 ? " ---: |" : " --- |" }.joined() + "\n"
        for row in rows {
            out += "| " + columns.indices.map { cell(ValueText.plain($0 < row.count ? row[$0] : .missing)) }.joined(separator: " | ") + " |\n"
        }
        return out
    }
}
