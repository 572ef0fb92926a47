import Foundation

extension Browser {
    /// Prints the page to PDF (W3C WebDriver "Print Page", A4 unless the page's own `@page` size
    /// wins with `preferCSSPageSize`), saves it as `name` + ".pdf" in `screenshotsFolder`, and returns
    /// its path and its number of pages.
    @discardableResult
    public func printPDF(_ name: String, landscape: Bool = false) async throws -> (path: String, pages: Int) {
        let reply = try await session.send("POST", "print", .object([
            "orientation": .string(landscape ? "landscape" : "portrait"),
            "page": .object(["width": .number(21.0), "height": .number(29.7)]),
            "background": .bool(true),
            "shrinkToFit": .bool(true),
        ]))
        guard let base64 = reply.stringValue, let pdf = Data(base64Encoded: base64) else {
            throw WebDriverError.protocolError(status: 200, error: "unreadable reply", message: "print was not base64 text")
        }
        let path = (screenshotsFolder as NSString).appendingPathComponent(name + ".pdf")
        try pdf.write(to: URL(fileURLWithPath: path), options: .atomic)
        return (path, Self.pageCount(pdf))
    }

    /// The pages of a PDF: its `/Type /Page` objects (not `/Pages`), as Chromium writes them uncompressed.
    static func pageCount(_ pdf: Data) -> Int {
        let text = String(decoding: pdf, as: UTF8.self)
        var count = 0
        var rest = text[...]
        while let range = rest.range(of: "/Type /Page") ?? rest.range(of: "/Type/Page") {
            let next = rest[range.upperBound...].first
            if next != "s" { count += 1 }
            rest = rest[range.upperBound...]
        }
        return count
    }
}
