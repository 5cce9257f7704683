import EvqDiagnostics
import EvqEval
import EvqModel

/// How one `Value` reads as text in tables, CSV and Markdown. Every piece of text passes
/// through `escapeControls`, so article text can never drive the terminal.
enum ValueText {
    /// The display form: dates at their precision, counts with their qualifier (`>50`, `~300`),
    /// lists joined with ", ", missing as empty.
    static func plain(_ value: Value) -> String {
        switch value {
        case .missing: return ""
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return number(d)
        case .text(let s): return escapeControls(s)
        case .date(let d): return d.display
        case .duration(let days): return "\(days)d"
        case .quantity(let q): return escapeControls(q.display)
        case .list(let items): return items.map(plain).joined(separator: ", ")
        }
    }

    /// True for values shown right-aligned.
    static func isNumeric(_ value: Value) -> Bool {
        switch value {
        case .int, .double, .quantity, .duration: return true
        default: return false
        }
    }

    /// A double without noise: integral values without a fraction, others with at most two
    /// decimals (trailing zeros dropped), so output is the same on every platform.
    static func number(_ d: Double) -> String {
        guard d.isFinite else { return d.isNaN ? "nan" : (d < 0 ? "-inf" : "inf") }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int(d)) }
        let scaled = (d * 100).rounded() / 100
        var text = String(scaled)
        if text.contains("e") { return text }
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// `text` cut to `width` characters, ending in `…` when cut.
    static func truncate(_ text: String, to width: Int) -> String {
        guard text.count > width else { return text }
        guard width > 1 else { return width == 1 ? "…" : "" }
        return String(text.prefix(width - 1)) + "…"
    }

    static func padded(_ text: String, to width: Int, right: Bool) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return right ? fill + text : text + fill
    }
}

/// ANSI styling that is a no-op when colour is off.
struct Paint {
    var enabled: Bool
    func callAsFunction(_ text: String, _ code: String) -> String {
        enabled && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
    static let bold = "1", dim = "2", mark = "1;33", heading = "1;36"
}
