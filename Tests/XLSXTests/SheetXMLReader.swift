import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@preconcurrency import ZIPFoundation

/// Reads an XLSX back for the tests: its parts through ZIPFoundation, each checked to be
/// well-formed XML, and a worksheet's cells as (type, style, value) by reference.
struct WorkbookReader {
    let archive: Archive

    init(_ data: Data) throws {
        archive = try Archive(data: data, accessMode: .read)
    }

    /// The paths of the parts, sorted.
    var paths: [String] { archive.map(\.path).sorted() }

    /// A part's text; fails the test's expectation by throwing if it is missing.
    func text(_ path: String) throws -> String {
        guard let entry = archive[path] else { throw ReadError(message: "no part \(path)") }
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return String(decoding: data, as: UTF8.self)
    }

    /// Whether a part parses as XML.
    func isWellFormed(_ path: String) throws -> Bool {
        XMLParser(data: Data(try text(path).utf8)).parse()
    }

    /// The cells of a worksheet part by reference ("B2").
    func cells(_ path: String) throws -> [String: CellReading] {
        let collector = CellCollector()
        let parser = XMLParser(data: Data(try text(path).utf8))
        parser.delegate = collector
        guard parser.parse() else { throw ReadError(message: "\(path) is not well-formed XML") }
        return collector.cells
    }

    /// The `name` attributes of the workbook's sheets, in order.
    func sheetNames() throws -> [String] {
        let collector = AttributeCollector(element: "sheet", attribute: "name")
        let parser = XMLParser(data: Data(try text("xl/workbook.xml").utf8))
        parser.delegate = collector
        _ = parser.parse()
        return collector.values
    }

    struct ReadError: Error { var message: String }
}

/// One cell as read back: its `t` attribute, its `s` style index, and its value or inline text.
struct CellReading: Equatable {
    var type: String?
    var style: Int?
    var value: String
}

private final class CellCollector: NSObject, XMLParserDelegate {
    var cells: [String: CellReading] = [:]
    private var reference: String?
    private var current = CellReading(type: nil, style: nil, value: "")
    private var collecting = false

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch name {
        case "c":
            reference = attributes["r"]
            current = CellReading(type: attributes["t"], style: attributes["s"].flatMap(Int.init), value: "")
        case "v", "t":
            collecting = reference != nil
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if collecting { current.value += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "v", "t": collecting = false
        case "c":
            if let reference { cells[reference] = current }
            reference = nil
        default: break
        }
    }
}

private final class AttributeCollector: NSObject, XMLParserDelegate {
    let element: String
    let attribute: String
    var values: [String] = []
    init(element: String, attribute: String) {
        self.element = element
        self.attribute = attribute
    }
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if name == element, let value = attributes[attribute] { values.append(value) }
    }
}
