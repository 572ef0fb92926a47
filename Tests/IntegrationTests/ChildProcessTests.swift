import Foundation
import NQ57TestSupport
import Testing

/// The tests' process helper: output collected to the last byte, exits awaited, timeouts that kill.
struct ChildProcessTests {
    @Test("Several MB on stdout and stderr at once are collected byte-complete before the exit status is returned")
    func largeOutputIsComplete() async throws {
        let script = """
            (head -c 3000000 /dev/zero | tr '\\0' e >&2) &
            head -c 5000000 /dev/zero | tr '\\0' a
            wait
            printf end
            """
        // A generous limit: eight megabytes through pipes can take long on a loaded machine; the limit only stops a hang.
        let result = try await ChildProcess.run("/bin/sh", ["-c", script], timeout: 180)
        #expect(result.status == 0)
        #expect(result.stdout.utf8.count == 5_000_003)
        #expect(result.stdout.hasSuffix("aaaend"))
        #expect(result.stdout.utf8.dropLast(3).allSatisfy { $0 == UInt8(ascii: "a") })
        #expect(result.stderr.utf8.count == 3_000_000)
        #expect(result.stderr.utf8.allSatisfy { $0 == UInt8(ascii: "e") })
    }

    @Test("Standard input is written and closed: cat gives back exactly what it was given")
    func inputIsWrittenAndClosed() async throws {
        let result = try await ChildProcess.run("/bin/cat", [], input: "Nghị quyết 57-NQ/TW\n")
        #expect(result.status == 0)
        #expect(result.stdout == "Nghị quyết 57-NQ/TW\n")
    }

    @Test("A child still running at the timeout is killed and reaped, and its result throws")
    func timeoutKillsTheChild() async throws {
        let child = try await ChildProcess("/bin/sleep", ["120"])
        await #expect(throws: (any Error).self) { _ = try await child.result(timeout: 1) }
        #expect(!child.isRunning)
        #expect(ProcessDeath.hasEnded(child.processIdentifier))
    }

    @Test("A signal reaches the child; the status it reports is the signal that ended it")
    func signalEndsTheChild() async throws {
        let child = try await ChildProcess("/bin/sleep", ["120"])
        #expect(child.isRunning)
        child.signal(SIGTERM)
        #expect(await child.waitForExit() == SIGTERM)
        #expect(!child.isRunning)
    }

    @Test("A grandchild holding stdout open does not keep the exit from being reported")
    func grandchildHoldingThePipe() async throws {
        let child = try await ChildProcess("/bin/sh", ["-c", "sleep 120 & echo $!; echo done"])
        let status = await child.waitForExit()
        let grandchild = Int32(child.stdout.split(separator: "\n").first ?? "")
        if let grandchild { kill(grandchild, SIGKILL) }
        #expect(status == 0)
        #expect(child.stdout.hasSuffix("done\n"))
    }
}
