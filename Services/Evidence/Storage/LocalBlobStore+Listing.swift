extension LocalBlobStore {
    /// The hash of every object under `objects`, sorted.
    ///
    /// Only files whose name is a valid hash and that sit in the two folders that hash
    /// implies are listed; anything else found there is ignored.
    ///
    /// - Throws: ``BlobError/io(operation:path:code:)`` when a folder cannot be listed.
    public func allHashes() throws -> [String] {
        var hashes: [String] = []
        for outer in try FileSystem.entries(of: layout.objects) where BlobHash.isFolderName(outer) {
            let outerPath = layout.objects + "/" + outer
            for inner in try FileSystem.entries(of: outerPath) where BlobHash.isFolderName(inner) {
                let innerPath = outerPath + "/" + inner
                for name in try FileSystem.entries(of: innerPath)
                where BlobHash.isValid(name) && name.hasPrefix(outer + inner) {
                    hashes.append(name)
                }
            }
        }
        return hashes.sorted()
    }
}

extension LocalBlobStore {
    /// Removes object `sha256` once it lives elsewhere (see `nq57 evidence migrate`); an
    /// object already gone is not an error.
    ///
    /// - Throws: ``BlobError/invalidHash(_:)`` or ``BlobError/io(operation:path:code:)``.
    public func remove(_ sha256: String) throws {
        let sha256 = try BlobHash.validated(sha256)
        let path = layout.objectPath(sha256)
        try FileSystem.removeFile(path)
        try FileSystem.synchronizeFolder(layout.objectFolders(sha256).inner)
    }
}
