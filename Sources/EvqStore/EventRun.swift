import EvqModel

/// Where a parser puts the events it reads.
protocol EventSink {
    mutating func append(_ event: consuming Event)
}

extension Array: EventSink where Element == Event {}

/// Events parsed by one of the import's threads, held until they can join the result in
/// file order, and then moved there, not copied: copying a million events into the result
/// retained and released every string and list they name (cache misses nearly all), which
/// cost more than the memory copy.
final class EventRun: EventSink {
    private var base: UnsafeMutablePointer<Event>?
    private var capacity = 0
    private(set) var count = 0

    init() {}

    deinit {
        base?.deinitialize(count: count)
        base?.deallocate()
    }

    func append(_ event: consuming Event) {
        if count == capacity {
            let bigger = UnsafeMutablePointer<Event>.allocate(capacity: max(1024, capacity * 2))
            if let base {
                bigger.moveInitialize(from: base, count: count)
                base.deallocate()
            }
            base = bigger
            capacity = max(1024, capacity * 2)
        }
        (base! + count).initialize(to: event)
        count += 1
    }

    /// Moves every event onto the end of `events` (leaving this run empty, its memory kept).
    func move(onto events: inout [Event]) {
        guard let base, count > 0 else { return }
        events.append(contentsOf: Moving(base: base, count: count))
        count = 0
    }

    /// The events of a run, each moved out as it is read (`Array.append(contentsOf:)` then
    /// initialises its storage with them, and nothing is retained). Must be read to the end.
    private struct Moving: Sequence, IteratorProtocol {
        let base: UnsafeMutablePointer<Event>
        let count: Int
        var position = 0

        var underestimatedCount: Int { count - position }

        mutating func next() -> Event? {
            guard position < count else { return nil }
            defer { position += 1 }
            return (base + position).move()
        }
    }
}
