import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

extension Process {
    /// Runs the process from a fresh thread whose signal mask is empty.
    ///
    /// Foundation's `Process.run()` on Linux spawns the child with the calling thread's signal
    /// mask. Swift concurrency and Dispatch worker threads block most signals, including
    /// SIGTERM, so a child started from async code would ignore `terminate()` — and so would
    /// everything it starts (chromedriver passes the mask on to Chromium).
    func runWithDefaultSignalMask() throws {
        final class Outcome: @unchecked Sendable {
            var error: (any Error)?
        }
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        let process = UncheckedBox(self)
        let thread = Thread {
            var empty = sigset_t()
            sigemptyset(&empty)
            pthread_sigmask(SIG_SETMASK, &empty, nil)
            do { try process.value.run() } catch { outcome.error = error }
            // Block everything again before the thread ends, so it never takes process signals.
            var all = sigset_t()
            sigfillset(&all)
            pthread_sigmask(SIG_SETMASK, &all, nil)
            done.signal()
        }
        thread.start()
        done.wait()
        if let error = outcome.error { throw error }
    }
}

/// Carries a non-Sendable value across a thread hop whose hand-over is synchronised by other means.
private struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
