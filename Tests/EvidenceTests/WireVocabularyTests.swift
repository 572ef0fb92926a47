import Foundation
import NQ57API
import ReviewRules
import Testing

/// Issue 14 item 2: the API carries the services' own types for a file's status and its
/// publication's state, with the same raw values on the wire as the strings before.
@Suite struct WireVocabularyTests {
    @Test("A file's status and publication state travel as the strings they always were, and come back as the same values")
    func sameStringsOnTheWire() throws {
        let info = EvidenceInfo(id: "ev-1", sha256: String(repeating: "a", count: 64), size: 3, fileName: "a.pdf",
                                mediaType: "application/pdf", unitId: "vn", uploadedBy: "cv", uploadedAt: Date(timeIntervalSince1970: 0),
                                supports: nil, status: .corrupt,
                                publication: EvidencePublication(state: .sentBack, submittedOn: "2025-11-20", reason: "thiếu dấu"))
        let json = try #require(String(data: try JSONEncoder().encode(info), encoding: .utf8))
        #expect(json.contains(#""status":"corrupt""#))
        #expect(json.contains(#""state":"sentBack""#))
        #expect(try JSONDecoder().decode(EvidenceInfo.self, from: Data(json.utf8)) == info)
        #expect(FileStatus.allCases.map(\.rawValue) == ["ok", "corrupt", "missing"])
        let unknown = Data(json.replacingOccurrences(of: #""status":"corrupt""#, with: #""status":"broken""#).utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(EvidenceInfo.self, from: unknown) }
    }
}
