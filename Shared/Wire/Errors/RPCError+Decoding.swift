/// Turns Swift's decoding errors into `invalid_argument` replies that name the field.
extension RPCError {
    /// An `invalid_argument` error describing which field was missing or mistyped.
    public init(decoding error: DecodingError) {
        func path(_ codingPath: [any CodingKey]) -> String {
            let parts = codingPath.map { key in key.intValue.map { "[\($0)]" } ?? key.stringValue }
            return parts.isEmpty ? "(gốc)" : parts.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
        }
        switch error {
        case .keyNotFound(let key, let context):
            let field = path(context.codingPath + [key])
            self.init(.invalidArgument, "Thiếu trường bắt buộc \"\(field)\".", details: ["field": field, "problem": "missing"])
        case .typeMismatch(let type, let context):
            let field = path(context.codingPath)
            self.init(.invalidArgument, "Trường \"\(field)\" sai kiểu: cần \(Self.typeName(type)).",
                      details: ["field": field, "problem": "type", "expected": Self.typeName(type)])
        case .valueNotFound(let type, let context):
            let field = path(context.codingPath)
            self.init(.invalidArgument, "Trường \"\(field)\" không được để trống (null): cần \(Self.typeName(type)).",
                      details: ["field": field, "problem": "null", "expected": Self.typeName(type)])
        case .dataCorrupted(let context):
            let field = path(context.codingPath)
            self.init(.invalidArgument, "Trường \"\(field)\" có giá trị không hợp lệ: \(context.debugDescription)",
                      details: ["field": field, "problem": "value"])
        @unknown default:
            self.init(.invalidArgument, "Tham số không đọc được.")
        }
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "chuỗi (string)"
        case is Bool.Type: return "true/false (bool)"
        case is Int.Type, is Int64.Type, is Int32.Type, is UInt.Type, is UInt64.Type: return "số nguyên (integer)"
        case is Double.Type, is Float.Type: return "số (number)"
        default:
            let name = String(describing: type)
            if name.hasPrefix("Array") { return "mảng (array)" }
            if name.hasPrefix("Dictionary") { return "đối tượng (object)" }
            return "đối tượng (object)"
        }
    }
}
