/// The policy in words, for people: the rule shown before an upload, and each refusal said
/// plainly with the file's name, what was wrong, the limit and the accepted types.
extension UploadPolicy {
    /// The accepted types in a stable order.
    public var orderedTypes: [MediaType] { MediaType.allCases.filter(allowed.contains) }

    /// The largest file in words: "100 MiB".
    public var maxSizeText: String { UploadPolicyError.formatted(bytes: maxBytes) }

    /// The accepted types in Vietnamese, the Office group spelled out:
    /// "PDF, JPEG, PNG, MP4 và tệp Office/OpenDocument (DOCX, XLSX, …)".
    public var typesText: String {
        let office = orderedTypes.filter(\.isOfficeDocument)
        let listed = UploadPolicyError.listed(allowed)
        guard listed.hasSuffix("tệp Office/OpenDocument") else { return listed }
        return listed + " (" + office.map(\.displayName).joined(separator: ", ") + ")"
    }

    /// The whole rule as one sentence, the one every refusal ends with.
    public var rulesText: String {
        "Chỉ nhận tệp \(typesText), mỗi tệp từ 1 byte đến \(maxSizeText)."
    }

    /// Why a file was refused, with its name, then the rule; nothing of it is kept.
    public func refusal(_ error: UploadPolicyError, fileName: String) -> String {
        let what: String
        switch error {
        case .tooLarge:
            what = "Tệp \"\(fileName)\" lớn hơn giới hạn \(maxSizeText) cho mỗi tệp nên không được lưu."
        case .typeNotAllowed(.unknown, _):
            what = "Không nhận ra loại của tệp \"\(fileName)\" (không phải tài liệu hay hình ảnh được nhận) nên tệp không được lưu."
        case let .typeNotAllowed(type, _):
            what = "Tệp \"\(fileName)\" là tệp \(type.displayName), loại không được nhận, nên không được lưu."
        }
        return what + " " + rulesText
    }

    /// Why an empty file was refused, then the rule.
    public func emptyRefusal(fileName: String) -> String {
        "Tệp \"\(fileName)\" rỗng (0 byte), không có gì để lưu. " + rulesText
    }
}

extension MediaType {
    /// The file name endings such files usually have, with the dot.
    public var extensions: [String] {
        switch self {
        case .jpeg: [".jpg", ".jpeg"]
        case .unknown: []
        default: ["." + rawValue]
        }
    }
}
