import EvqModel

/// Reads events from CSV: a header row naming the design's fields, then one event per record.
///
/// Columns (any order, names case-insensitive): `type` (required), `id`, `status`, `total`
/// (true/false/yes/no/1/0), `date` (a compact date: `2025`, `2025-09`, `2025-09-11`,
/// `2024-07..2025-12`), `date_text`, `count` (an integer or `>50`, `>=16`, `~300`, `<=20`, `?`),
/// `qualifier` (overrides the one written in `count`), `count_text`, `actors`, `places`,
/// `sources` (lists separated by `;`), `place`, `source` (single values, appended). `category`
/// and `evidence` are derived or not representable and are ignored; every other column becomes
/// an attribute of the events whose cell is not empty. An empty cell means the field is missing.
struct CSVEventReader {
    let file: String

    func read(_ bytes: [UInt8]) throws(ImportError) -> [Event] {
        let records: [CSVRecords.Record]
        do throws(ScanError) {
            records = try bytes.withUnsafeBufferPointer { (b) throws(ScanError) in try CSVRecords.parse(b) }
        } catch {
            let line = bytes.withUnsafeBufferPointer { JSONLinesParser.lineNumber($0, error.offset) }
            throw ImportError(file: file, line: line, message: error.message)
        }
        guard let header = records.first else { return [] }
        let columns = header.fields.map { $0.trimmingSpaces.lowercased() }
        guard columns.contains("type") else {
            throw ImportError(file: file, line: header.line, message: "the header has no `type` column (found: \(columns.joined(separator: ", ")))")
        }
        var events: [Event] = []
        events.reserveCapacity(records.count - 1)
        for record in records.dropFirst() {
            guard record.fields.count == columns.count else {
                throw ImportError(
                    file: file, line: record.line,
                    message: "expected \(columns.count) fields as in the header, found \(record.fields.count)")
            }
            do throws(FieldError) {
                events.append(try event(columns: columns, fields: record.fields))
            } catch {
                throw ImportError(file: file, line: record.line, message: error.message)
            }
        }
        return events
    }

    struct FieldError: Error {
        var message: String
    }

    func event(columns: [String], fields: [String]) throws(FieldError) -> Event {
        var type: EventType?
        var id = "", status = Status.occurred, total = false, date = EventDate.missing
        var dateText: String?, countText: String?, qualifier: Qualifier?
        var count: Quantity?
        var actors: [String] = [], places: [String] = [], sources: [String] = []
        var place: String?, source: String?
        var attributes: [String: String] = [:]
        for (column, raw) in zip(columns, fields) {
            let value = raw.trimmingSpaces
            if value.isEmpty { continue }
            switch column {
            case "type": type = EventType(rawValue: value)
            case "id": id = value
            case "status":
                guard let s = Status(rawValue: value.lowercased()) else {
                    throw FieldError(message: "bad value for `status`: \(value) (expected one of \(Status.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                status = s
            case "total":
                switch value.lowercased() {
                case "true", "yes", "1": total = true
                case "false", "no", "0": total = false
                default: throw FieldError(message: "bad value for `total`: \(value) (expected true or false)")
                }
            case "date":
                guard let d = EventDate(compact: value) else { throw FieldError(message: "bad value for `date`: not a date: \(value)") }
                date = d
            case "date_text": dateText = raw
            case "count":
                guard let q = CSVEventReader.quantity(value) else {
                    throw FieldError(message: "bad value for `count`: \(value) (expected a number, >N, >=N, ~N, <=N or ?)")
                }
                count = q
            case "qualifier", "count_qualifier":
                guard let q = Qualifier(rawValue: value.lowercased()) else {
                    throw FieldError(message: "bad value for `qualifier`: \(value) (expected one of \(Qualifier.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                qualifier = q
            case "count_text": countText = raw
            case "actors": actors = CSVEventReader.list(value)
            case "places": places = CSVEventReader.list(value)
            case "sources": sources = CSVEventReader.list(value)
            case "place": place = value
            case "source": source = value
            case "category", "evidence": break
            default: attributes[column] = value
            }
        }
        guard let type else { throw FieldError(message: "missing field `type`") }
        if let place { places.append(place) }
        if let source { sources.append(source) }
        if let dateText { date.text = dateText }
        if var q = count ?? (countText != nil ? Quantity(value: nil) : nil) {
            if let qualifier, q.value != nil { q.qualifier = qualifier }
            if let countText { q.text = countText }
            count = q
        }
        if count?.value == nil && count?.text == nil { count = nil }
        var event = Event(
            id: id, type: type, status: status, total: total, date: date, count: count, actors: actors,
            places: places, sources: sources, attributes: attributes)
        if event.id.isEmpty { event.id = EventID.make(for: event) }
        return event
    }

    /// `123`, `>50`, `>=16`, `~300`, `<=20` (the forms `Quantity.display` writes), or `?`.
    static func quantity(_ text: String) -> Quantity? {
        if text == "?" { return Quantity(value: nil, text: "?") }
        let forms: [(String, Qualifier)] = [(">=", .atLeast), ("<=", .atMost), (">", .moreThan), ("~", .about)]
        for (prefix, qualifier) in forms where text.hasPrefix(prefix) {
            guard let n = Int(text.dropFirst(prefix.count)) else { return nil }
            return Quantity(value: n, qualifier: qualifier)
        }
        return Int(text).map { Quantity(value: $0) }
    }

    /// A `;`-separated list, items trimmed, empty items dropped.
    static func list(_ text: String) -> [String] {
        text.split(separator: ";").map { $0.trimmingSpaces }.filter { !$0.isEmpty }
    }
}
