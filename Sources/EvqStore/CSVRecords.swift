/// Splits RFC 4180 CSV bytes into records of fields.
///
/// Fields are separated by commas and records by LF or CRLF; a field in double quotes may
/// hold commas, line breaks and doubled quotes (`""`). Each record remembers the line it
/// starts on, for error messages.
struct CSVRecords {
    struct Record {
        var line: Int
        var fields: [String]
    }

    /// Every record of `bytes`; blank lines are skipped.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(ScanError) -> [Record] {
        var records: [Record] = []
        var i = 0
        var line = 1
        let n = bytes.count
        if n >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        while i < n {
            let recordLine = line
            var fields: [String] = []
            var field: [UInt8] = []
            var atRecordEnd = false
            while !atRecordEnd {
                field.removeAll(keepingCapacity: true)
                if i < n, bytes[i] == UInt8(ascii: "\"") {
                    let open = i
                    i += 1
                    while true {
                        guard i < n else { throw ScanError(message: "unterminated quoted field", offset: open) }
                        let b = bytes[i]
                        if b == UInt8(ascii: "\"") {
                            if i + 1 < n, bytes[i + 1] == UInt8(ascii: "\"") {
                                field.append(b)
                                i += 2
                                continue
                            }
                            i += 1
                            break
                        }
                        if b == 0x0A { line += 1 }
                        field.append(b)
                        i += 1
                    }
                    guard i >= n || bytes[i] == UInt8(ascii: ",") || bytes[i] == 0x0A || bytes[i] == 0x0D else {
                        throw ScanError(message: "text after a closing quote", offset: i)
                    }
                } else {
                    while i < n, bytes[i] != UInt8(ascii: ","), bytes[i] != 0x0A, bytes[i] != 0x0D {
                        field.append(bytes[i])
                        i += 1
                    }
                }
                fields.append(String(decoding: field, as: UTF8.self))
                if i < n, bytes[i] == UInt8(ascii: ",") {
                    i += 1
                } else {
                    if i < n, bytes[i] == 0x0D { i += 1 }
                    if i < n, bytes[i] == 0x0A { i += 1 }
                    line += 1
                    atRecordEnd = true
                }
            }
            if fields.count == 1 && fields[0].allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            records.append(Record(line: recordLine, fields: fields))
        }
        return records
    }
}
