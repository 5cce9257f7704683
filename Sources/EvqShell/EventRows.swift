import EvqEval
import EvqModel

/// Events as table rows, for event sets printed without a query (`evq extract --format csv`)
/// and for results whose rows were left empty.
enum EventRows {
    /// Every field of the design's event model except evidence, in the design's order.
    static let columns = ["id", "type", "category", "status", "total", "date", "count", "actors", "places", "sources", "attributes"]

    static func row(_ e: Event) -> [Value] {
        let attributes = e.attributes.keys.sorted().map { "\($0)=\(e.attributes[$0] ?? "")" }.joined(separator: "; ")
        return [
            .text(e.id), .text(e.type.rawValue), .text(e.category.rawValue), .text(e.status.rawValue), .bool(e.total),
            e.date.isMissing ? .missing : .date(e.date), e.count.map(Value.quantity) ?? .missing,
            .list(e.actors.map(Value.text)), .list(e.places.map(Value.text)), .list(e.sources.map(Value.text)),
            attributes.isEmpty ? .missing : .text(attributes),
        ]
    }
}
