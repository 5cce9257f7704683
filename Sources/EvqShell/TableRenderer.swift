import EvqDiagnostics
import EvqEval

/// A result as an aligned text table fitted to a width:
///
///     date        type     count  places
///     ----------  -------  -----  ------------------
///     2025-12-13  release    123  Lithuania, Ukraine
///     1 row
///
/// Long cells are cut with `…` (the widest columns first), numbers are right-aligned.
struct TableRenderer {
    var width: Int?
    var paint: Paint

    static let gap = 2
    /// No column is squeezed below this many characters (or its natural width if smaller).
    static let minimumColumn = 5

    func render(columns: [String], rows: [[Value]]) -> String {
        let headers = columns.map(escapeControls)
        let cells = rows.map { row in headers.indices.map { i in i < row.count ? ValueText.plain(row[i]) : "" } }
        let right = headers.indices.map { i in
            let values = rows.compactMap { i < $0.count ? $0[i] : nil }.filter { $0 != .missing }
            return !values.isEmpty && values.allSatisfy(ValueText.isNumeric)
        }
        // Dates, numbers and booleans keep their width while text and lists can give way.
        let rigid = headers.indices.map { i in
            let values = rows.compactMap { i < $0.count ? $0[i] : nil }.filter { $0 != .missing }
            return !values.isEmpty && values.allSatisfy { v in
                switch v {
                case .date, .int, .double, .quantity, .duration, .bool: return true
                default: return false
                }
            }
        }
        let widths = fit(headers.indices.map { i in max(headers[i].count, cells.map { $0[i].count }.max() ?? 0) }, rigid: rigid)
        var out = ""
        let head = headers.indices.map { ValueText.padded(ValueText.truncate(headers[$0], to: widths[$0]), to: widths[$0], right: right[$0]) }
        out += line(head.map { paint($0, Paint.bold) })
        out += line(widths.map { String(repeating: "-", count: $0) })
        for row in cells {
            out += line(row.indices.map { ValueText.padded(ValueText.truncate(row[$0], to: widths[$0]), to: widths[$0], right: right[$0]) })
        }
        return out
    }

    private func line(_ parts: [String]) -> String {
        var text = parts.joined(separator: String(repeating: " ", count: Self.gap))
        while text.hasSuffix(" ") { text.removeLast() }
        return text + "\n"
    }

    /// Shrinks the widest columns one character at a time until the table fits the width:
    /// first only the flexible (text) columns, then, if that is not enough, all of them.
    func fit(_ natural: [Int], rigid: [Bool] = []) -> [Int] {
        guard let width, !natural.isEmpty else { return natural }
        var widths = natural
        var total = widths.reduce(0, +) + Self.gap * (widths.count - 1)
        for pass in 0..<2 {
            let floor = natural.indices.map { i in
                pass == 0 && i < rigid.count && rigid[i] ? natural[i] : min(natural[i], Self.minimumColumn)
            }
            while total > width {
                var widest = -1
                for i in widths.indices where widths[i] > floor[i] && (widest < 0 || widths[i] > widths[widest]) { widest = i }
                if widest < 0 { break }
                widths[widest] -= 1
                total -= 1
            }
        }
        return widths
    }
}
