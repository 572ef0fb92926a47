import Foundation

/// Reads the few elements nq57 needs from S3's XML answers (`UploadId`, `Key`, `Size`,
/// `IsTruncated`, `NextContinuationToken`, an error's `Code` and `Message`). The answers are
/// flat and machine-written; this finds elements by name and decodes the five XML entities.
enum S3XML {
    /// The text of every `<name>…</name>` in `xml`, in order.
    static func values(of name: String, in xml: String) -> [String] {
        let open = "<\(name)>"
        let close = "</\(name)>"
        var found: [String] = []
        var rest = xml[...]
        while let start = rest.range(of: open) {
            guard let end = rest[start.upperBound...].range(of: close) else { break }
            found.append(decodeEntities(String(rest[start.upperBound..<end.lowerBound])))
            rest = rest[end.upperBound...]
        }
        return found
    }

    /// The first `<name>` element's text, if any.
    static func value(of name: String, in xml: String) -> String? {
        values(of: name, in: xml).first
    }

    /// The text of each `<element>…</element>` block (for example each `Contents` of a listing).
    static func blocks(_ element: String, in xml: String) -> [String] {
        values(of: element, in: xml)
    }

    /// `text` with `&lt; &gt; &quot; &apos; &amp;` and numeric references replaced.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = text[...]
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            guard let semi = rest[amp...].firstIndex(of: ";") else { break }
            let entity = rest[rest.index(after: amp)..<semi]
            switch entity {
            case "lt": out += "<"
            case "gt": out += ">"
            case "quot": out += "\""
            case "apos": out += "'"
            case "amp": out += "&"
            default:
                let number = entity.hasPrefix("#x") ? UInt32(entity.dropFirst(2), radix: 16)
                    : entity.hasPrefix("#") ? UInt32(entity.dropFirst()) : nil
                if let number, let scalar = Unicode.Scalar(number) { out.unicodeScalars.append(scalar) } else { out += "&\(entity);" }
            }
            rest = rest[rest.index(after: semi)...]
        }
        return out + rest
    }

    /// XML-escaped text for a request body.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
