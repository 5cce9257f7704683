import EvqModel

/// The report's chart as inline SVG: one bar per month with the number of events whose date
/// starts in it, and markers above the bars for months with meetings (orange) and sanctions
/// (red). Events without a date are left out and counted in the caption.
struct TimelineChart {
    var events: [Event]

    struct Bucket {
        var year: Int
        var month: Int
        var events = 0
        var meetings = 0
        var sanctions = 0
        var label: String { "\(year)-\(month < 10 ? "0" : "")\(month)" }
    }

    /// Every month from the first to the last dated event, empty months included, so the
    /// horizontal axis is proportional to time.
    func buckets() -> [Bucket] {
        let dated = events.compactMap { e in e.date.start.map { (e, $0) } }
        guard let first = dated.map(\.1).min(), let last = dated.map(\.1).max() else { return [] }
        var buckets: [Bucket] = []
        var (y, m) = (first.year, first.month)
        while (y, m) <= (last.year, last.month), buckets.count < 600 {
            buckets.append(Bucket(year: y, month: m))
            (y, m) = m == 12 ? (y + 1, 1) : (y, m + 1)
        }
        for (e, start) in dated {
            let index = (start.year - first.year) * 12 + start.month - first.month
            guard buckets.indices.contains(index) else { continue }
            buckets[index].events += 1
            if e.category == .meetings { buckets[index].meetings += 1 }
            if e.category == .sanctions { buckets[index].sanctions += 1 }
        }
        return buckets
    }

    func svg() -> String {
        let buckets = buckets()
        let undated = events.filter { $0.date.isMissing }.count
        guard !buckets.isEmpty else {
            return "<p>No dated events to chart\(undated > 0 ? " (\(undated) undated)" : "").</p>"
        }
        let barWidth = 28, gap = 8, height = 160, top = 30, left = 30
        let width = left + buckets.count * (barWidth + gap) + gap
        let peak = max(1, buckets.map(\.events).max() ?? 1)
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height + top + 40)\" role=\"img\" aria-label=\"events per month\">\n"
        out += "<line class=\"axis\" x1=\"\(left)\" y1=\"\(top + height)\" x2=\"\(width)\" y2=\"\(top + height)\"/>\n"
        for (i, b) in buckets.enumerated() {
            let x = left + gap + i * (barWidth + gap)
            let h = b.events * height / peak
            if b.events > 0 {
                out += "<rect class=\"bar\" x=\"\(x)\" y=\"\(top + height - h)\" width=\"\(barWidth)\" height=\"\(h)\"><title>\(b.label): \(b.events) events</title></rect>\n"
                out += "<text x=\"\(x + barWidth / 2)\" y=\"\(top + height - h - 4)\" text-anchor=\"middle\">\(b.events)</text>\n"
            }
            if b.meetings > 0 {
                out += "<circle class=\"meeting\" cx=\"\(x + barWidth / 3)\" cy=\"\(top - 14)\" r=\"5\"><title>\(b.meetings) meeting(s)</title></circle>\n"
            }
            if b.sanctions > 0 {
                let cx = x + 2 * barWidth / 3
                out += "<polygon class=\"sanctions\" points=\"\(cx),\(top - 20) \(cx - 5),\(top - 10) \(cx + 5),\(top - 10)\"><title>\(b.sanctions) sanctions event(s)</title></polygon>\n"
            }
            if buckets.count <= 24 || b.month == 1 || i == 0 {
                out += "<text x=\"\(x + barWidth / 2)\" y=\"\(top + height + 16)\" text-anchor=\"middle\">\(b.label)</text>\n"
            }
        }
        out += "</svg>"
        if undated > 0 { out += "\n<p class=\"date\">\(undated) undated event(s) not charted.</p>" }
        return out
    }
}
