import EvqModel
import Foundation

/// Receives the segments of an event list piece by piece and decodes them on up to
/// `parallelism` threads, straight into the result's storage.
///
/// The decoding threads start at once (each builds its string table while the first piece is
/// read) and take segments one at a time as pieces arrive, so reading the next piece from the
/// database overlaps decoding, and a thread that the system holds up leaves its share to the
/// others instead of stalling them at a barrier after every piece. A piece that does not
/// outlive `take` is copied (a database row's bytes live only for the call).
final class SegmentSink: @unchecked Sendable {
    let header: BlobHeader
    let headerBytes: UnsafeBufferPointer<UInt8>
    let target: UnsafeMutablePointer<Event>?
    private let workers: [SegmentWorker]
    private let group = DispatchGroup()
    /// Guards `jobs`, `claimed`, `closed` and `failed`.
    private let condition = NSCondition()
    /// The segments received so far, in order; an entry is dropped once decoded.
    private var jobs: [Job?] = []
    /// Segments taken by a decoding thread.
    private var claimed = 0
    /// No more pieces will come.
    private var closed = false
    /// A segment was damaged.
    private var failed = false
    /// Per segment: how many of its events were initialised (written by the one thread that
    /// decodes it, read once they are all done).
    private let done: UnsafeMutableBufferPointer<Int>
    /// Where each segment's events start in the result.
    private var nextEvent = 0
    private(set) var error: EventCodec.DecodeError?
    private var finished = false

    /// One segment to decode: its bytes (kept alive by `owner`) and its first event.
    struct Job {
        var owner: Bytes
        var range: Range<Int>
        var first: Int
        var events: Int
    }

    /// A piece's bytes, copied or borrowed; freed with the last job that needs them.
    final class Bytes: @unchecked Sendable {
        let buffer: UnsafeBufferPointer<UInt8>
        private let owned: Bool

        init(copying piece: UnsafeBufferPointer<UInt8>) {
            let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: piece.count)
            _ = copy.initialize(from: piece)
            buffer = UnsafeBufferPointer(copy)
            owned = true
        }

        init(borrowing piece: UnsafeBufferPointer<UInt8>) {
            buffer = piece
            owned = false
        }

        deinit { if owned { buffer.deallocate() } }
    }

    init(header: BlobHeader, headerBytes: UnsafeBufferPointer<UInt8>, target: UnsafeMutablePointer<Event>?, parallelism: Int) {
        self.header = header
        self.headerBytes = headerBytes
        self.target = target
        let count = max(1, min(parallelism, header.segments.count))
        workers = (0..<count).map { _ in SegmentWorker() }
        done = .allocate(capacity: header.segments.count)
        done.initialize(repeating: 0)
        jobs.reserveCapacity(header.segments.count)
        guard count > 1, target != nil else { return }
        for worker in workers {
            group.enter()
            DispatchQueue.global().async {
                self.run(worker)
                self.group.leave()
            }
        }
    }

    deinit { done.deallocate() }

    /// Hands over the segments that make up `piece` (decoded at once when there is one
    /// thread); false (and `error` set) when it does not hold whole segments or a segment
    /// decoded so far is damaged. `outlivesDecoding`: the bytes stay valid until `finish`
    /// returns, so they need no copy.
    func take(_ piece: UnsafeBufferPointer<UInt8>, outlivesDecoding: Bool = false) -> Bool {
        guard error == nil, !finished else { return false }
        var ranges: [(range: Range<Int>, events: Int)] = []
        var offset = 0
        var segment = jobs.count
        while segment < header.segments.count, header.segments[segment].bytes <= piece.count - offset {
            let seg = header.segments[segment]
            ranges.append((offset..<(offset + seg.bytes), seg.events))
            offset += seg.bytes
            segment += 1
        }
        guard offset == piece.count else {
            error = .damaged
            return false
        }
        guard !ranges.isEmpty else { return true }
        guard target != nil else {
            error = .damaged
            return false
        }
        let threaded = workers.count > 1
        let bytes = threaded && !outlivesDecoding ? Bytes(copying: piece) : Bytes(borrowing: piece)
        condition.lock()
        for r in ranges {
            jobs.append(Job(owner: bytes, range: r.range, first: nextEvent, events: r.events))
            nextEvent += r.events
        }
        let ok = !failed
        condition.broadcast()
        condition.unlock()
        if !threaded {
            run(workers[0])
            if failed { error = .damaged }
            return error == nil
        }
        if !ok { error = .damaged }
        return ok
    }

    /// Waits for every segment handed over to be decoded; true when all of them decoded
    /// cleanly and they were all the segments there are (`error` says what went wrong).
    func finish() -> Bool {
        if !finished {
            finished = true
            condition.lock()
            closed = true
            condition.broadcast()
            condition.unlock()
            group.wait()
            if failed {
                error = .damaged
            } else if error == nil && jobs.count != header.segments.count {
                error = .truncated
            }
        }
        return error == nil
    }

    /// Deinitialises every event decoded so far (after a failure; waits for the threads).
    func undo() {
        _ = finish()
        guard let target else { return }
        var first = 0
        for segment in 0..<claimed {
            (target + first).deinitialize(count: done[segment])
            first += header.segments[segment].events
        }
        claimed = 0
    }

    /// Decodes segments with `worker` as they come, until none are left (with threads: until
    /// `finish` closes the sink; alone: until the segments received so far are done).
    private func run(_ worker: SegmentWorker) {
        worker.prepare(header, headerBytes)
        guard let target else { return }
        while true {
            condition.lock()
            while claimed == jobs.count && !closed && !failed && workers.count > 1 { condition.wait() }
            guard claimed < jobs.count, !failed, let job = jobs[claimed] else {
                condition.unlock()
                return
            }
            let segment = claimed
            jobs[segment] = nil
            claimed += 1
            condition.unlock()
            let bytes = UnsafeBufferPointer(rebasing: job.owner.buffer[job.range])
            let result = worker.decode(bytes, events: job.events, into: target + job.first)
            done[segment] = result.done
            if !result.ok {
                condition.lock()
                failed = true
                condition.broadcast()
                condition.unlock()
            }
        }
    }
}
