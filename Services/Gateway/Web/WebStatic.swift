import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The console's files (HTML, CSS, JavaScript), read once at start from this module's
/// resources (or `NQ57_WEB_ROOT`) and served from memory: nothing comes from another site,
/// so the console works in a closed data centre, and no request touches the disk.
struct WebStatic: Sendable {
    private let files: [String: (type: String, body: ByteBuffer)]

    /// Reads the files under `root` (`NQ57_WEB_ROOT`), or the ones built into this module when nil.
    init(root: String?) {
        let root = root.map { URL(fileURLWithPath: $0) } ?? Bundle.module.url(forResource: "Static", withExtension: nil)
        var files: [String: (type: String, body: ByteBuffer)] = [:]
        if let root, let walker = FileManager.default.enumerator(atPath: root.path) {
            while let name = walker.nextObject() as? String {
                // Only plain names with a known type: no hidden files, nothing else in the folder.
                guard !name.split(separator: "/").contains(where: { $0.hasPrefix(".") }),
                      let type = Self.types[String(name.split(separator: ".").last ?? "")],
                      let data = FileManager.default.contents(atPath: root.appendingPathComponent(name).path) else { continue }
                files[name] = (type, ByteBuffer(bytes: data))
            }
        }
        self.files = files
    }

    private static let types = ["html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8",
                                "js": "text/javascript; charset=utf-8", "svg": "image/svg+xml", "png": "image/png",
                                "ico": "image/x-icon", "json": "application/json"]

    /// The file at `path` (a name such as `app.js`), or 404.
    func file(_ path: String) -> Response {
        guard let file = files[path] else {
            return Response(status: .notFound, headers: [.contentType: "text/plain; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(string: "Không có trang này.")))
        }
        return Response(status: .ok, headers: [.contentType: file.type, .cacheControl: "no-cache"], body: .init(byteBuffer: file.body))
    }
}
