import Foundation

extension LocalBlobStore {
    /// Removes the `.part` files in `incoming` that no upload of this instance has open and
    /// that stayed unchanged (same size) for at least `olderThan` seconds by the caller's
    /// clock, read as `now`; `0` (or less) removes them all. Returns how many it removed.
    ///
    /// A file is judged from the first sweep that sees it, by the clock the sweeps pass (the
    /// service's clock, the one that stamps and sweeps uploads), never by its modification
    /// time, which the file system stamps with wall time. Call it with `0` when the service
    /// starts, before any upload, to drop what a crash left, and then periodically with a
    /// delay longer than any upload may sit idle (another process sharing the root is
    /// protected by that delay: a file that keeps growing is never removed). Files it cannot
    /// inspect or remove are skipped and left for the next run.
    @discardableResult
    public func removeLeftovers(olderThan: TimeInterval, now: Date) -> Int {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: layout.incoming) else { return 0 }
        var removed = 0
        var kept: Set<String> = []
        for name in names where name.hasSuffix(BlobLayout.partSuffix) {
            let id = String(name.dropLast(BlobLayout.partSuffix.count))
            guard !activeUploads.contains(id) else { continue }
            let path = layout.incoming + "/" + name
            if olderThan > 0 {
                guard let size = (try? manager.attributesOfItem(atPath: path))?[.size] as? Int64 else { continue }
                let since = leftovers.unchangedSince(name, size: size, now: now)
                guard now.timeIntervalSince(since) >= olderThan else {
                    kept.insert(name)
                    continue
                }
            }
            if (try? FileSystem.removeFile(path)) != nil { removed += 1 } else { kept.insert(name) }
        }
        leftovers.keepOnly(kept)
        return removed
    }
}
