/// Reads one sample line: `name{label="value",...} value [timestamp]` or `name value [timestamp]`.
///
/// Tokens are separated by spaces or tabs; blanks are also allowed around labels, and a trailing comma after the
/// last label. Label values may use the escapes `\\`, `\"` and `\n`. The value is a decimal number, `+Inf`, `-Inf`,
/// `Inf` or `NaN`; the optional timestamp, an integer in milliseconds, is checked and dropped.
struct SampleLineParser {
    private let bytes: [UInt8]
    private var index = 0

    private init(_ line: Substring) {
        self.bytes = Array(line.utf8)
    }

    /// Parses `line` into a sample.
    static func parse(_ line: Substring) throws(LineError) -> PrometheusSample {
        var parser = SampleLineParser(line)
        return try parser.sample()
    }

    private mutating func sample() throws(LineError) -> PrometheusSample {
        self.skipBlanks()
        let name = try self.metricName()
        var labels: [String: String] = [:]
        if self.peek == UInt8(ascii: "{") {
            labels = try self.labelSet()
        }
        guard let next = self.peek else { throw LineError("missing value") }
        guard Bytes.isBlank(next) else { throw LineError("expected a space after '\(name)'") }
        self.skipBlanks()
        let value = try self.number()
        self.skipBlanks()
        if self.peek != nil {
            try self.timestamp()
            self.skipBlanks()
            guard self.peek == nil else { throw LineError("unexpected text after the timestamp") }
        }
        return PrometheusSample(name: name, labels: labels, value: value)
    }

    private mutating func metricName() throws(LineError) -> String {
        let start = self.index
        while let byte = self.peek,
            Bytes.isNameStart(byte) || byte == UInt8(ascii: ":") || (self.index > start && Bytes.isDigit(byte))
        {
            self.index += 1
        }
        guard self.index > start else { throw LineError("expected a metric name") }
        return String(decoding: self.bytes[start..<self.index], as: UTF8.self)
    }

    private mutating func labelSet() throws(LineError) -> [String: String] {
        self.index += 1  // "{"
        var labels: [String: String] = [:]
        while true {
            self.skipBlanks()
            if self.peek == UInt8(ascii: "}") {
                self.index += 1
                return labels
            }
            let name = try self.labelName()
            self.skipBlanks()
            try self.expect(UInt8(ascii: "="), "expected '=' after label name '\(name)'")
            self.skipBlanks()
            try self.expect(UInt8(ascii: "\""), "expected '\"' to open the value of label '\(name)'")
            let value = try self.labelValue(of: name)
            guard labels.updateValue(value, forKey: name) == nil else {
                throw LineError("duplicate label '\(name)'")
            }
            self.skipBlanks()
            switch self.peek {
            case UInt8(ascii: ","):
                self.index += 1
            case UInt8(ascii: "}"):
                self.index += 1
                return labels
            case nil:
                throw LineError("unterminated label set")
            default:
                throw LineError("expected ',' or '}' after the value of label '\(name)'")
            }
        }
    }

    private mutating func labelName() throws(LineError) -> String {
        let start = self.index
        while let byte = self.peek, Bytes.isNameStart(byte) || (self.index > start && Bytes.isDigit(byte)) {
            self.index += 1
        }
        guard self.index > start else {
            throw LineError(self.peek == nil ? "unterminated label set" : "expected a label name")
        }
        return String(decoding: self.bytes[start..<self.index], as: UTF8.self)
    }

    /// Reads up to and including the closing quote, resolving escapes.
    private mutating func labelValue(of name: String) throws(LineError) -> String {
        var value: [UInt8] = []
        while let byte = self.peek {
            self.index += 1
            switch byte {
            case UInt8(ascii: "\""):
                guard let text = String(validating: value, as: UTF8.self) else {
                    throw LineError("value of label '\(name)' is not valid UTF-8")
                }
                return text
            case UInt8(ascii: "\\"):
                guard let escaped = self.peek else { throw LineError("unterminated value of label '\(name)'") }
                self.index += 1
                switch escaped {
                case UInt8(ascii: "\\"), UInt8(ascii: "\""):
                    value.append(escaped)
                case UInt8(ascii: "n"):
                    value.append(UInt8(ascii: "\n"))
                default:
                    throw LineError("invalid escape '\\\(Unicode.Scalar(escaped))' in the value of label '\(name)'")
                }
            default:
                value.append(byte)
            }
        }
        throw LineError("unterminated value of label '\(name)'")
    }

    private mutating func number() throws(LineError) -> Double {
        let token = self.token()
        switch token {
        case "+Inf", "Inf":
            return .infinity
        case "-Inf":
            return -.infinity
        case "NaN":
            return .nan
        default:
            let decimal = token.utf8.allSatisfy { Bytes.isDigit($0) || "+-.eE".utf8.contains($0) }
            guard !token.isEmpty, decimal, let value = Double(token) else {
                throw LineError(token.isEmpty ? "missing value" : "invalid value '\(token)'")
            }
            return value
        }
    }

    private mutating func timestamp() throws(LineError) {
        let token = self.token()
        let digits = token.hasPrefix("-") ? token.dropFirst() : Substring(token)
        guard !digits.isEmpty, digits.utf8.allSatisfy(Bytes.isDigit), Int64(token) != nil else {
            throw LineError("invalid timestamp '\(token)'")
        }
    }

    /// The bytes up to the next blank or the end of the line.
    private mutating func token() -> String {
        let start = self.index
        while let byte = self.peek, !Bytes.isBlank(byte) {
            self.index += 1
        }
        return String(decoding: self.bytes[start..<self.index], as: UTF8.self)
    }

    private mutating func expect(_ byte: UInt8, _ reason: String) throws(LineError) {
        guard let next = self.peek else { throw LineError("unterminated label set") }
        guard next == byte else { throw LineError(reason) }
        self.index += 1
    }

    private mutating func skipBlanks() {
        while let byte = self.peek, Bytes.isBlank(byte) {
            self.index += 1
        }
    }

    private var peek: UInt8? {
        self.index < self.bytes.count ? self.bytes[self.index] : nil
    }
}
