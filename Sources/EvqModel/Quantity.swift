/// How a count was qualified in the text.
public enum Qualifier: String, Sendable, Hashable, Codable, CaseIterable {
    /// "123": exactly that many.
    case exact
    /// "more than 50", "over 50": strictly more.
    case moreThan = "more_than"
    /// "at least 16": that many or more.
    case atLeast = "at_least"
    /// "about 300", "nearly 300", "some 300": approximately; compared as the value.
    case about
    /// "up to 20", "at most 20".
    case atMost = "at_most"
    /// "hundreds", "dozens": a magnitude with no usable value.
    case unspecified
}

/// A count as a set of possible values (see docs/LANGUAGE.md, "Counts").
public struct Quantity: Sendable, Hashable {
    // The text first: the value's optional tag and the qualifier then share the tail, which
    // makes the value 26 bytes instead of 32 (stored once per event).
    /// The words it was read from ("more than 50", "15 women and seven men").
    public var text: String?
    public var value: Int?
    public var qualifier: Qualifier

    public init(value: Int?, qualifier: Qualifier = .exact, text: String? = nil) {
        self.value = value
        self.qualifier = value == nil ? .unspecified : qualifier
        self.text = text
    }

    /// The smallest and largest possible values, as a closed interval over the integers
    /// (`nil` bound = unbounded). `about` is treated as exact, as the design says.
    public var bounds: (low: Int?, high: Int?)? {
        guard let v = value else { return nil }
        switch qualifier {
        case .exact, .about: return (v, v)
        case .moreThan: return (v + 1, nil)
        case .atLeast: return (v, nil)
        case .atMost: return (0, v)
        case .unspecified: return nil
        }
    }

    public var isExact: Bool { value != nil && qualifier == .exact }

    /// `123`, `>50`, `>=16`, `~300`, `<=20`, or `?` for unspecified.
    public var display: String {
        guard let v = value else { return text == nil ? "" : "?" }
        switch qualifier {
        case .exact: return "\(v)"
        case .moreThan: return ">\(v)"
        case .atLeast: return ">=\(v)"
        case .about: return "~\(v)"
        case .atMost: return "<=\(v)"
        case .unspecified: return "?"
        }
    }
}

extension Quantity: Codable {
    enum CodingKeys: String, CodingKey { case value, qualifier, text }

    /// Accepts `{value, qualifier, text}` or a bare integer.
    public init(from decoder: Decoder) throws {
        if let single = try? decoder.singleValueContainer(), let n = try? single.decode(Int.self) {
            self.init(value: n)
            return
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            value: try c.decodeIfPresent(Int.self, forKey: .value),
            qualifier: try c.decodeIfPresent(Qualifier.self, forKey: .qualifier) ?? .exact,
            text: try c.decodeIfPresent(String.self, forKey: .text))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(value, forKey: .value)
        try c.encode(qualifier, forKey: .qualifier)
        try c.encode(text, forKey: .text)
    }
}
