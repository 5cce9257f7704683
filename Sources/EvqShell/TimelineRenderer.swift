import EvqEval

/// `timeline` as a bar chart: one line per bucket, bars scaled to the width, the number after
/// each bar, and any further numeric columns (e.g. the summed count) in parentheses.
///
///     2025-09  ███████                  1
///     2025-12  ██████████████████████   3  (count 145)
struct TimelineRenderer {
    var width: Int?
    var paint: Paint

    /// Bars are at most this long when the width is unknown.
    static let defaultBar = 40

    func render(columns: [String], rows: [[Value]]) -> String {
        guard columns.count >= 2, !rows.isEmpty else {
            return TableRenderer(width: width, paint: paint).render(columns: columns, rows: rows)
        }
        let labels = rows.map { ValueText.plain($0.first ?? .missing) }
        let valueColumn = (1..<columns.count).first { i in rows.contains { i < $0.count && ValueText.isNumeric($0[i]) } } ?? 1
        let values = rows.map { valueColumn < $0.count ? magnitude($0[valueColumn]) : 0 }
        let numbers = rows.map { valueColumn < $0.count ? ValueText.plain($0[valueColumn]) : "" }
        let extras = rows.map { row in
            columns.indices.filter { $0 != 0 && $0 != valueColumn && $0 < row.count && row[$0] != .missing }
                .map { "\(columns[$0]) \(ValueText.plain(row[$0]))" }.joined(separator: ", ")
        }
        let labelWidth = labels.map(\.count).max() ?? 0
        let numberWidth = numbers.map(\.count).max() ?? 0
        let extraWidth = extras.map { $0.isEmpty ? 0 : $0.count + 4 }.max() ?? 0
        let room = (width ?? (labelWidth + numberWidth + extraWidth + 4 + Self.defaultBar)) - labelWidth - numberWidth - extraWidth - 4
        let barWidth = max(1, min(room, Self.defaultBar * 2))
        let top = values.max() ?? 0
        var out = ""
        for i in rows.indices {
            var length = top > 0 ? Int((values[i] / top * Double(barWidth)).rounded()) : 0
            if values[i] > 0 { length = max(1, length) }
            let bar = String(repeating: "█", count: length) + String(repeating: " ", count: barWidth - length)
            var text = ValueText.padded(labels[i], to: labelWidth, right: false) + "  " + paint(bar, Paint.heading) + "  "
                + ValueText.padded(numbers[i], to: numberWidth, right: true)
            if !extras[i].isEmpty { text += "  (\(extras[i]))" }
            while text.hasSuffix(" ") { text.removeLast() }
            out += text + "\n"
        }
        return out
    }

    private func magnitude(_ v: Value) -> Double {
        switch v {
        case .int(let i): return Double(max(0, i))
        case .double(let d): return d.isFinite ? max(0, d) : 0
        case .quantity(let q): return Double(max(0, q.value ?? 0))
        case .duration(let d): return Double(max(0, d))
        default: return 0
        }
    }
}
