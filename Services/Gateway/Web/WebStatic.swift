import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The console's files (HTML, CSS, JavaScript), served from the bundle of this module: nothing
/// comes from another site, so the console works in a closed data centre.
struct WebStatic: Sendable {
    /// Where the files are: `NQ57_WEB_ROOT`, else this module's resources.
    let root: URL?

    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        if let configured = environment["NQ57_WEB_ROOT"] {
            root = URL(fileURLWithPath: configured)
        } else {
            root = Bundle.module.url(forResource: "Static", withExtension: nil)
        }
    }

    private static let types = ["html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8",
                                "js": "text/javascript; charset=utf-8", "svg": "image/svg+xml", "png": "image/png",
                                "ico": "image/x-icon", "json": "application/json"]

    /// The file at `path` (a name such as `app.js` or `pages/tasks.js`), or 404. Only plain
    /// names: no `..`, no hidden files.
    func file(_ path: String) -> Response {
        let parts = path.split(separator: "/")
        guard let root, !parts.isEmpty, parts.allSatisfy({ !$0.hasPrefix(".") && $0.allSatisfy { $0.isLetter || $0.isNumber || "-_.".contains($0) } }),
              let type = Self.types[String(parts.last!.split(separator: ".").last ?? "")],
              let data = FileManager.default.contents(atPath: root.appendingPathComponent(parts.joined(separator: "/")).path) else {
            return Response(status: .notFound, headers: [.contentType: "text/plain; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(string: "Không có trang này.")))
        }
        return Response(status: .ok, headers: [.contentType: type, .cacheControl: "no-cache"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
