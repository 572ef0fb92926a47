/// Where a ``LocalBlobStore`` keeps its files under its root folder:
///
/// - `objects/ab/cd/abcd…`: the object whose SHA-256 starts with bytes `ab cd`, so that no
///   folder holds more than 256 entries above the objects themselves;
/// - `incoming/<id>.part`: uploads in progress, on the same file system as `objects` so that
///   moving a finished upload into place is one atomic rename.
struct BlobLayout: Sendable {
    /// The root folder, without a trailing slash.
    let root: String

    /// Suffix of the files of uploads in progress.
    static let partSuffix = ".part"

    /// A layout under `root`.
    init(root: String) {
        var trimmed = root
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        self.root = trimmed
    }

    /// The folder of all objects.
    var objects: String { root + "/objects" }

    /// The folder of uploads in progress.
    var incoming: String { root + "/incoming" }

    /// The two folders holding an object, outermost first. `sha256` must be valid.
    func objectFolders(_ sha256: String) -> (outer: String, inner: String) {
        let outer = objects + "/" + sha256.prefix(2)
        let inner = outer + "/" + sha256.dropFirst(2).prefix(2)
        return (outer, inner)
    }

    /// The path of an object. `sha256` must be valid.
    func objectPath(_ sha256: String) -> String {
        objectFolders(sha256).inner + "/" + sha256
    }

    /// The path of an upload's file.
    func incomingPath(uploadID: String) -> String {
        incoming + "/" + uploadID + Self.partSuffix
    }
}
