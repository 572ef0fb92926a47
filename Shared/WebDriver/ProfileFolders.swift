import Foundation

/// The temporary folders Chromium uses for one session, so `Browser.close()` can leave /tmp clean.
///
/// chromedriver creates a profile (`/tmp/org.chromium.Chromium.scoped_dir.XXXXXX`) and deletes it
/// shortly after the session is deleted, but only if it is still running by then. Chromium also
/// creates a process-singleton folder (`/tmp/org.chromium.Chromium.XXXXXX`, linked from the
/// profile's `SingletonSocket`) that is left behind when chromedriver ends it.
struct ProfileFolders: Sendable {
    /// The profile folder reported in the session's capabilities (`chrome.userDataDir`).
    let userDataDir: String?
    /// The folder holding Chromium's singleton socket, if it could be found.
    let singletonDir: String?

    /// Reads the folders from the capabilities returned by "new session".
    init(capabilities: JSONValue?) {
        let profile = capabilities?["chrome"]?["userDataDir"]?.stringValue
        userDataDir = profile
        let socket = profile.flatMap {
            try? FileManager.default.destinationOfSymbolicLink(atPath: $0 + "/SingletonSocket")
        }
        let folder = socket.map { ($0 as NSString).deletingLastPathComponent }
        // Only ever remove a folder that looks like Chromium's own temporary one.
        singletonDir = folder.flatMap {
            ($0 as NSString).lastPathComponent.hasPrefix("org.chromium.Chromium.") ? $0 : nil
        }
    }

    /// Waits (polling every 50 ms, up to `timeout` seconds) until chromedriver has removed the profile.
    func waitUntilProfileRemoved(timeout: Double) async {
        guard let userDataDir else { return }
        let deadline = ContinuousClock.now + .milliseconds(Int(timeout * 1000))
        while FileManager.default.fileExists(atPath: userDataDir), ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(50))
        }
    }

    /// Removes the singleton folder if Chromium left it behind.
    func removeLeftovers() {
        if let singletonDir, FileManager.default.fileExists(atPath: singletonDir) {
            try? FileManager.default.removeItem(atPath: singletonDir)
        }
    }
}
