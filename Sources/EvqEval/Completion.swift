import EvqModel
import EvqSema
import EvqSyntax

/// The words the shell's tab completion and `.help` offer, from the one catalog plus what the
/// session knows (bindings, types and names of the loaded corpus). Every list is sorted.
public struct CompletionWords: Sendable, Hashable {
    /// Built-in collections, let-bound names and types found only in imported data.
    public var collections: [String]
    /// Stage names and their aliases.
    public var stages: [String]
    /// Fields of events, documents, actors and places.
    public var fields: [String]
    public var functions: [String]
    public var keywords: [String]
    /// Actor and place names with all their spellings (for `contains "..."`).
    public var names: [String]
}

extension QueryEngine {
    /// What completion can offer in this context.
    public static func completionWords(in context: QueryContext) -> CompletionWords {
        let index = NameIndex(corpus: context.corpus)
        let collections = Set(Catalog.collections + context.bindings.keys + index.types)
        let fields = Set(Catalog.fields.map(\.name) + Catalog.documentFields.map(\.name) + Catalog.nameFields.map(\.name))
        var names = Set<String>()
        for n in index.actors + index.places { names.formUnion(index.spellings(of: n)) }
        return CompletionWords(
            collections: collections.sorted(),
            stages: (Keywords.stages + Keywords.stageAliases.map(\.alias)).sorted(),
            fields: fields.sorted(),
            functions: Function.allCases.map(\.rawValue).sorted(),
            keywords: Keywords.all,
            names: names.sorted())
    }
}
