import Foundation

/// Where `nq57 seed` and `nq57 up --demo` find the seed data (`units.json`, `plans/`) when
/// `--seeds` does not say: the seeds ship with the programs, so `nq57` finds them wherever it runs.
///
/// Looked for, in order, a folder holding `units.json`:
/// 1. `<bin>/../share/nq57/seeds`: installed (`/usr/local/bin/nq57` and `/usr/local/share/nq57/seeds`,
///    as the compose image has them);
/// 2. `<bin>/seeds`: unpacked beside the executables;
/// 3. `./seeds` in the working directory;
/// 4. `seeds` in the nearest folder above `<bin>`: a development build inside the repository
///    (`.build/<triple>/debug/nq57`).
///
/// `<bin>` is the folder of the running executable, symbolic links resolved.
public enum SeedsFolder {
    /// The places looked at, in order, for an executable in `binDirectory` run from `workingDirectory`.
    public static func candidates(binDirectory: String, workingDirectory: String) -> [String] {
        let bin = URL(fileURLWithPath: binDirectory).standardizedFileURL
        var places = [
            bin.deletingLastPathComponent().appendingPathComponent("share/nq57/seeds").path,
            bin.appendingPathComponent("seeds").path,
            URL(fileURLWithPath: workingDirectory).appendingPathComponent("seeds").standardizedFileURL.path,
        ]
        var folder = bin.deletingLastPathComponent()
        while folder.path != "/" && !folder.path.isEmpty {
            places.append(folder.appendingPathComponent("seeds").path)
            folder.deleteLastPathComponent()
        }
        return places
    }

    /// `explicit` when given; otherwise the first candidate holding `units.json`, or a refusal naming
    /// every place looked at.
    public static func locate(explicit: String?, binDirectory: String = Supervisor.ownDirectory(),
                              workingDirectory: String = FileManager.default.currentDirectoryPath) throws -> String {
        if let explicit { return explicit }
        let places = candidates(binDirectory: binDirectory, workingDirectory: workingDirectory)
        if let found = places.first(where: { FileManager.default.fileExists(atPath: "\($0)/units.json") }) { return found }
        throw CLIFailure("Không tìm thấy dữ liệu gốc (seeds/units.json) ở: \(places.prefix(3).joined(separator: ", ")) "
            + "hay thư mục cha nào của chương trình; chỉ định bằng --seeds THƯ_MỤC.")
    }
}
