import EvqModel

/// Tab completion as a pure function: the line, the cursor and what is known -> the word being
/// completed and its candidates. The line editor calls it through an injected closure.
public struct Completer {
    /// Characters that end a word; the line editor must use the same set so that both agree on
    /// where the word being completed starts. Quotes are not among them, so `"Coa` completes
    /// to `"Coale"`.
    public static let wordBreaks: Set<Character> = [" ", "\t", "\n", "|", "(", ")", ",", "=", "<", ">", "!"]

    /// What completion produced: the candidates replace the text from `start` (a UTF-8 offset)
    /// to the cursor.
    public struct Completion: Equatable, Sendable {
        /// UTF-8 offset where the word being completed starts.
        public var start: Int
        /// Whole words that may replace it, sorted.
        public var candidates: [String]
    }

    /// Collections, stages, fields and functions of the language.
    public var vocabulary: Vocabulary
    /// Names bound by `let` in this session.
    public var bindings: [String]
    /// Known actor names (canonical names and variants).
    public var actors: [String]
    /// Known place names.
    public var places: [String]
    /// Meta command names, with the dot.
    public var metaCommands: [String]
    /// File and folder names starting with a typed path prefix (folders end in `/`).
    public var listFiles: (String) -> [String]

    /// A completer over the given names; file names come from `listFiles`.
    public init(
        vocabulary: Vocabulary = .standard, bindings: [String] = [], actors: [String] = [], places: [String] = [],
        metaCommands: [String] = MetaCommandCatalog.standard.names, listFiles: @escaping (String) -> [String] = { _ in [] }
    ) {
        self.vocabulary = vocabulary
        self.bindings = bindings
        self.actors = actors
        self.places = places
        self.metaCommands = metaCommands
        self.listFiles = listFiles
    }

    /// Candidates for the word ending at `cursor` (a UTF-8 offset into `line`, clamped).
    public func complete(_ line: String, cursor: Int) -> Completion {
        let bytes = Array(line.utf8)
        let end = max(0, min(cursor, bytes.count))
        let before = String(decoding: bytes[0..<end], as: UTF8.self)
        var word = ""
        for c in before.reversed() {
            if Completer.wordBreaks.contains(c) { break }
            word.insert(c, at: word.startIndex)
        }
        let start = end - word.utf8.count
        let prior = tokens(String(decoding: bytes[0..<start], as: UTF8.self))
        return Completion(start: start, candidates: candidates(for: word, after: prior))
    }

    func candidates(for word: String, after prior: [String]) -> [String] {
        let lowerPrior = prior.map { $0.lowercased() }
        if let first = lowerPrior.first, first.hasPrefix(".") {
            return metaArgument(word, command: first, prior: prior)
        }
        guard let last = lowerPrior.last else {
            return collections(word) + matching(word, ["let"] + metaCommands)
        }
        if lowerPrior.count == 3, lowerPrior[0] == "let", last == "=" { return collections(word) }
        if lowerPrior.count == 1 && lowerPrior[0] == "let" { return [] }
        if last == "|" { return matching(word, vocabulary.stages) }
        if ["contains", "=", "!="].contains(last), let field = lowerPrior.dropLast().last {
            switch field {
            case "actors", "actor": return quoted(word, actors)
            case "places", "place": return quoted(word, places)
            case "type": return matching(word, EventType.known.map(\.type.rawValue))
            case "category": return matching(word, Category.allCases.map(\.rawValue))
            case "status": return matching(word, Status.allCases.map(\.rawValue))
            default: break
            }
        }
        let expressionStarts: Set<String> = ["where", "and", "or", "not", "by", "show", "sort", "(", ",", "filter", "select", "project", "sum", "avg", "min", "max", "distinct"]
        let source = lowerPrior.first == "let" ? (lowerPrior.count > 3 ? lowerPrior[3] : nil) : lowerPrior.first
        let fieldsAndFunctions = vocabulary.fieldNames(of: source) + vocabulary.functions
        if expressionStarts.contains(last) { return matching(word, fieldsAndFunctions) }
        if lowerPrior.count == 1 && lowerPrior[0] != "let" { return matching(word, ["where"]) }
        return matching(word, fieldsAndFunctions + vocabulary.keywords)
    }

    func metaArgument(_ word: String, command: String, prior: [String]) -> [String] {
        let argumentIndex = prior.count - 1
        switch command {
        case ".load", ".read", ".export": return listFiles(word).sorted()
        case ".format" where argumentIndex == 0: return matching(word, OutputFormat.names)
        case ".timer" where argumentIndex == 0: return matching(word, ["on", "off"])
        case ".set" where argumentIndex == 0: return matching(word, ["today", "width"])
        case ".help" where argumentIndex == 0: return matching(word, metaCommands.map { String($0.dropFirst()) } + vocabulary.stages)
        case ".explain": return candidates(for: word, after: Array(prior.dropFirst()))
        default: return []
        }
    }

    /// Collections and bindings for `word`. Type names (`release`) are offered only when no
    /// other collection matches or the word is a whole type name, so `rel` completes to the
    /// category `releases` rather than stopping at the common prefix `release`.
    func collections(_ word: String) -> [String] {
        let typeNames = Set(EventType.known.map(\.type.rawValue))
        let general = matching(word, vocabulary.collections.filter { !typeNames.contains($0) } + bindings)
        let types = matching(word, Array(typeNames))
        if general.isEmpty || typeNames.contains(word.lowercased()) { return Array(Set(general + types)).sorted() }
        return general
    }

    /// Candidates starting with `word`, case-insensitively; sorted, without duplicates.
    func matching(_ word: String, _ names: [String]) -> [String] {
        let prefix = word.lowercased()
        return Array(Set(names.filter { $0.lowercased().hasPrefix(prefix) })).sorted()
    }

    /// Names in double quotes matching a word that may start with a quote.
    func quoted(_ word: String, _ names: [String]) -> [String] {
        let bare = word.hasPrefix("\"") || word.hasPrefix("'") ? String(word.dropFirst()) : word
        return matching(bare, names).map { "\"\($0)\"" }
    }

    /// The words and symbols before the word being completed. Quoted strings count as one token.
    func tokens(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        var quote: Character?
        for c in text {
            if let q = quote {
                current.append(c)
                if c == q { quote = nil }
                continue
            }
            if c == "\"" || c == "'" {
                quote = c
                current.append(c)
            } else if c.isWhitespace {
                if !current.isEmpty { out.append(current); current = "" }
            } else if "|(),=<>!".contains(c) {
                if !current.isEmpty { out.append(current); current = "" }
                if (c == "=" && ["<", ">", "!"].contains(out.last ?? "")) {
                    out[out.count - 1] += "="
                } else {
                    out.append(String(c))
                }
            } else {
                current.append(c)
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }
}
