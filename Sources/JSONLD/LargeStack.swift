import Foundation

/// The JSON-LD algorithms are recursive, one level per level of JSON nesting, and debug builds use
/// large stack frames; 512 levels can exhaust a default 8 MB thread stack. Every public entry point
/// therefore runs on a thread with a large stack (reserved, not committed), which turns "crash on
/// hostile nesting" into the depth-limit error the algorithms raise themselves.
final class StackBox<T>: @unchecked Sendable {
    var work: (() throws(JSONLDError) -> T)?
    var result: Result<T, JSONLDError>?
}

func onLargeStack<T>(_ body: () throws(JSONLDError) -> T) throws(JSONLDError) -> T {
    let box = StackBox<T>()
    let done = DispatchSemaphore(value: 0)
    withoutActuallyEscaping(body) { escapable in
        box.work = escapable
        let thread = Thread {
            if let work = box.work {
                do throws(JSONLDError) { box.result = .success(try work()) } catch { box.result = .failure(error) }
            }
            box.work = nil  // release the caller's closure before the caller continues
            done.signal()
        }
        thread.stackSize = 256 << 20
        thread.start()
        done.wait()
        box.work = nil
    }
    guard let r = box.result else { throw JSONLDError("loading document failed", "internal: worker thread produced no result") }
    return try r.get()
}
