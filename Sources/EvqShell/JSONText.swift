import EvqDiagnostics
import EvqEval
import EvqModel

/// Hand-written JSON for result tables, so object keys keep the column order (JSONEncoder
/// would sort or scramble them) and output is identical on every run.
enum JSONText {
    /// A JSON string literal. Control characters, C1 controls and bidi overrides are written as
    /// `\u` escapes: the data is kept, and the terminal never sees them raw.
    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if needsEscape(scalar) {
                    out += unicodeEscape(scalar)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    static func needsEscape(_ s: Unicode.Scalar) -> Bool { isUnsafeForDisplay(s) }

    static func unicodeEscape(_ s: Unicode.Scalar) -> String {
        let hex = String(s.value, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// Escapes the characters `needsEscape` names inside JSON produced elsewhere (EventSetIO).
    /// They can only occur inside strings, so the result is still valid JSON with the same data.
    static func neutralize(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: { needsEscape($0) && $0 != "\n" }) else { return json }
        var out = ""
        for scalar in json.unicodeScalars {
            if needsEscape(scalar) && scalar != "\n" { out += unicodeEscape(scalar) } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// A value: numbers as numbers, dates as their display string (`2025-12`), counts as
    /// `{"value", "qualifier", "text"}`, lists as arrays, missing as null.
    static func value(_ v: Value) -> String {
        switch v {
        case .missing: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return d.isFinite ? ValueText.number(d) : "null"
        case .text(let s): return string(s)
        case .date(let d): return d.isMissing ? "null" : string(d.display)
        case .duration(let days): return String(days)
        case .quantity(let q):
            let value = q.value.map(String.init) ?? "null"
            let text = q.text.map(string) ?? "null"
            return "{\"value\":\(value),\"qualifier\":\(string(q.qualifier.rawValue)),\"text\":\(text)}"
        case .list(let items): return "[" + items.map(value).joined(separator: ",") + "]"
        }
    }

    /// One row as an object keyed by column name, in column order.
    static func object(columns: [String], row: [Value]) -> String {
        let fields = columns.indices.map { i in string(columns[i]) + ":" + value(i < row.count ? row[i] : .missing) }
        return "{" + fields.joined(separator: ",") + "}"
    }
}
