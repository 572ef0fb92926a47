import Foundation

extension LocalBlobStore {
    /// Removes the `.part` files in `incoming` that no upload of this instance has open and
    /// that were last written at least `olderThan` seconds ago; `0` (or less) removes them
    /// all. Returns how many it removed.
    ///
    /// Call it with `0` when the service starts, before any upload, to drop what a crash
    /// left, and then periodically with a delay longer than any upload may sit idle (another
    /// process sharing the root is protected only by that delay). Files it cannot inspect or
    /// remove are skipped and left for the next run.
    @discardableResult
    public func removeLeftovers(olderThan: TimeInterval) -> Int {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: layout.incoming) else { return 0 }
        let now = Date()
        var removed = 0
        for name in names where name.hasSuffix(BlobLayout.partSuffix) {
            let id = String(name.dropLast(BlobLayout.partSuffix.count))
            guard !activeUploads.contains(id) else { continue }
            let path = layout.incoming + "/" + name
            if olderThan > 0 {
                guard let modified = (try? manager.attributesOfItem(atPath: path))?[.modificationDate] as? Date,
                      now.timeIntervalSince(modified) >= olderThan
                else { continue }
            }
            if (try? FileSystem.removeFile(path)) != nil { removed += 1 }
        }
        return removed
    }
}
