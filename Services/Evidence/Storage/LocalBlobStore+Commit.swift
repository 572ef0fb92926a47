extension LocalBlobStore {
    /// Puts a finished upload in place as object `sha256`.
    ///
    /// `partPath` must already be synced to disk and read-only. When an intact object with
    /// this hash exists, the upload's file is dropped (the same bytes are stored once); when
    /// the object is missing or corrupt, the file is renamed over it and the object's folder
    /// synced, so that the object survives a crash once this returns. The folders created on
    /// the way are synced into their parents.
    func commit(partPath: String, sha256: String, size: Int64) throws -> StoredBlob {
        let folders = layout.objectFolders(sha256)
        try FileSystem.ensureFolder(folders.outer, parent: layout.objects)
        try FileSystem.ensureFolder(folders.inner, parent: folders.outer)
        if try verify(sha256) == .intact {
            // A file left behind here is removed with the other leftovers.
            try? FileSystem.removeFile(partPath)
            return StoredBlob(sha256: sha256, size: size, alreadyExisted: true)
        }
        try FileSystem.moveReplacing(partPath, to: layout.objectPath(sha256))
        try FileSystem.synchronizeFolder(folders.inner)
        return StoredBlob(sha256: sha256, size: size, alreadyExisted: false)
    }
}
