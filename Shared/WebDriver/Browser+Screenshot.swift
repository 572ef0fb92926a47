import Foundation

extension Browser {
    /// Saves a PNG screenshot of the viewport as `name` + ".png" in `screenshotsFolder`
    /// (overwriting) and returns its path.
    @discardableResult
    public func screenshot(_ name: String) async throws -> String {
        let reply = try await session.send("GET", "screenshot")
        guard let base64 = reply.stringValue, let png = Data(base64Encoded: base64) else {
            throw WebDriverError.protocolError(
                status: 200, error: "unreadable reply", message: "screenshot was not base64 text")
        }
        let path = (screenshotsFolder as NSString).appendingPathComponent(name + ".png")
        try png.write(to: URL(fileURLWithPath: path), options: .atomic)
        return path
    }
}
