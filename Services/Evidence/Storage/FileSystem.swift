#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The POSIX calls on paths that durable storage needs, each retrying on `EINTR` and
/// reporting failures as ``BlobError/io(operation:path:code:)``.
enum FileSystem {
    /// Permission bits of stored objects: read-only for everyone, so that no process of the
    /// service (or an operator's editor) can change one by accident.
    static let objectPermissions: mode_t = 0o444
    /// Permission bits of uploads in progress.
    static let partPermissions: mode_t = 0o600
    /// Permission bits of the store's folders.
    static let folderPermissions: mode_t = 0o750

    /// Creates the folder `path` if it is missing. When it creates it, it also makes the new
    /// entry durable by syncing `parent`, so that a crash cannot lose the folder together
    /// with the files later put in it.
    ///
    /// - Returns: whether it created the folder.
    @discardableResult
    static func ensureFolder(_ path: String, parent: String) throws(BlobError) -> Bool {
        while mkdir(path, folderPermissions) != 0 {
            let code = errno
            if code == EEXIST { return false }
            if code != EINTR { throw .io(operation: "mkdir", path: path, code: code) }
        }
        try synchronizeFolder(parent)
        return true
    }

    /// Creates the folder `path` and any missing folder above it, each made durable like in
    /// ``ensureFolder(_:parent:)``.
    static func ensureFolderTree(_ path: String) throws(BlobError) {
        var current = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            let parent = current.isEmpty ? "/" : current
            current += "/" + component
            try ensureFolder(current, parent: parent)
        }
    }

    /// Flushes a folder's entries to stable storage, making creations, renames and removals
    /// in it durable.
    static func synchronizeFolder(_ path: String) throws(BlobError) {
        let folder = try FileDescriptor(opening: path, flags: O_RDONLY | O_DIRECTORY)
        try folder.synchronize()
    }

    /// Renames `source` to `destination`, atomically replacing any file already there.
    static func moveReplacing(_ source: String, to destination: String) throws(BlobError) {
        while rename(source, destination) != 0 {
            let code = errno
            if code != EINTR { throw .io(operation: "rename", path: "\(source) -> \(destination)", code: code) }
        }
    }

    /// Removes the file `path`; a file already gone is not an error.
    static func removeFile(_ path: String) throws(BlobError) {
        while unlink(path) != 0 {
            let code = errno
            if code == ENOENT { return }
            if code != EINTR { throw .io(operation: "unlink", path: path, code: code) }
        }
    }

    /// The size of the regular file at `path`, or `nil` when nothing is there.
    ///
    /// - Throws: ``BlobError/io(operation:path:code:)`` for any other failure, with `EINVAL`
    ///   when something other than a regular file is there.
    static func regularFileSize(_ path: String) throws(BlobError) -> Int64? {
        var info = stat()
        while stat(path, &info) != 0 {
            let code = errno
            if code == ENOENT || code == ENOTDIR { return nil }
            if code != EINTR { throw .io(operation: "stat", path: path, code: code) }
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw .io(operation: "stat", path: path, code: EINVAL)
        }
        return Int64(info.st_size)
    }

    /// The names in folder `path`, without `.` and `..`, in no particular order.
    static func entries(of path: String) throws(BlobError) -> [String] {
        guard let folder = opendir(path) else {
            throw .io(operation: "opendir", path: path, code: errno)
        }
        defer { closedir(folder) }
        var names: [String] = []
        while true {
            errno = 0
            guard let entry = readdir(folder) else {
                if errno != 0 { throw .io(operation: "readdir", path: path, code: errno) }
                return names
            }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
    }
}
