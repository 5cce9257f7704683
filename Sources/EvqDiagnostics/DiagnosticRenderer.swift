/// The one place diagnostics become text, in the style of jq and rustc:
///
///     file:1:18: error: expected a value after `>`
///      1 | releases where date >
///        |                      ^
///     help: a date looks like 2025-09
///
/// Colour is opt-in (only the caller knows whether output is a terminal) and always off in tests.
public struct DiagnosticRenderer: Sendable {
    public var color: Bool

    public init(color: Bool = false) { self.color = color }

    public func render(_ diagnostic: Diagnostic, in file: SourceFile?) -> String {
        var out = ""
        let head = paint(diagnostic.severity.rawValue, diagnostic.severity == .error ? "31;1" : "33;1")
        var prefix = ""
        if let file {
            if let span = diagnostic.span {
                let loc = file.location(of: span.start)
                prefix = "\(file.name):\(loc.line):\(loc.column): "
            } else {
                prefix = "\(file.name): "
            }
        }
        out += "\(prefix)\(head): \(diagnostic.message)\n"
        if let file, let span = diagnostic.span {
            out += snippet(file: file, span: span, label: nil)
            for label in diagnostic.labels {
                out += snippet(file: file, span: label.span, label: label.message)
            }
        }
        for note in diagnostic.notes { out += "note: \(note)\n" }
        if let help = diagnostic.help { out += "\(paint("help", "36;1")): \(help)\n" }
        return out
    }

    public func render(_ diagnostics: [Diagnostic], in file: SourceFile?) -> String {
        diagnostics.map { render($0, in: file) }.joined()
    }

    /// The source line under a gutter, with carets under the span (clipped to the first line).
    private func snippet(file: SourceFile, span: SourceSpan, label: String?) -> String {
        let (line, column) = file.location(of: span.start)
        let text = escapeControls(file.lineText(line))
        let endLoc = file.location(of: span.end)
        let lineLength = text.count
        let width: Int
        if endLoc.line == line {
            width = max(1, endLoc.column - column)
        } else {
            width = max(1, lineLength - column + 1)
        }
        let gutter = String(line)
        let pad = String(repeating: " ", count: gutter.count)
        var out = " \(gutter) | \(text)\n"
        let carets = paint(String(repeating: "^", count: width), "31;1")
        out += " \(pad) | \(String(repeating: " ", count: column - 1))\(carets)"
        if let label { out += " \(label)" }
        out += "\n"
        return out
    }

    private func paint(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}

/// Whether a scalar must never reach a terminal or a page raw: C0 and C1 controls, DEL (the
/// bytes escape sequences are made of), bidirectional embeddings, overrides and isolates (which
/// reorder what is shown), and the line and paragraph separators. The one list every output
/// path (terminal text, JSON, HTML) neutralises.
public func isUnsafeForDisplay(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00..<0x20, 0x7F..<0xA0, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: return true
    default: return false
    }
}

/// Replaces control characters (except tab, shown as a space) so that text from a query or an
/// article can never drive the terminal. Keeps one character per character so carets still align.
public func escapeControls(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
        if scalar == "\t" {
            out.append(" ")
        } else if isUnsafeForDisplay(scalar) {
            out.append("\u{FFFD}")
        } else {
            out.unicodeScalars.append(scalar)
        }
    }
    return out
}
