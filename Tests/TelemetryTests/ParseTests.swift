import NQ57Telemetry
import Testing

@Suite("PrometheusText.parse")
struct ParseTests {
    @Test("reads samples, labels with escapes, special values and timestamps; ignores comments")
    func parsesValidDocument() throws {
        let text = #"""
            # A free comment, ignored.
            # HELP temp Temperature.
            # TYPE temp gauge
            temp{room="a \"big\" one",path="C:\\x",note="two\nlines"} -1.5e3
            temp{ room = "b" , } +Inf 1712345678000
            # TYPE plain untyped
            plain -Inf
            plain_nan NaN
            	spaced	 42 	

            """#
        let samples = try PrometheusText.parse(text)
        #expect(samples.count == 5)
        #expect(samples[0] == PrometheusSample(
            name: "temp", labels: ["room": "a \"big\" one", "path": #"C:\x"#, "note": "two\nlines"], value: -1500
        ))
        #expect(samples[1] == PrometheusSample(name: "temp", labels: ["room": "b"], value: .infinity))
        #expect(samples[2] == PrometheusSample(name: "plain", labels: [:], value: -.infinity))
        #expect(samples[3].name == "plain_nan")
        #expect(samples[3].value.isNaN)
        #expect(samples[4] == PrometheusSample(name: "spaced", labels: [:], value: 42))
    }

    /// A malformed document and where it goes wrong.
    struct BadDocument: Sendable, CustomTestStringConvertible {
        let name: String
        let text: String
        let line: Int
        let reason: String

        var testDescription: String { self.name }
    }

    static let badDocuments: [BadDocument] = [
        BadDocument(
            name: "garbage line",
            text: "# TYPE up gauge\nup 1\nthis is not a sample\n",
            line: 3, reason: "invalid value"
        ),
        BadDocument(
            name: "unterminated label value",
            text: "# TYPE up gauge\nup{job=\"a} 1\nup 2\n",
            line: 2, reason: "unterminated value of label 'job'"
        ),
        BadDocument(
            name: "sample before its TYPE",
            text: "up 1\n# TYPE up gauge\n",
            line: 2, reason: "after its samples"
        ),
        BadDocument(
            name: "histogram bucket before the histogram's TYPE",
            text: "# TYPE up gauge\nup 1\nlat_bucket{le=\"+Inf\"} 1\n# TYPE lat histogram\n",
            line: 4, reason: "after its samples"
        ),
        BadDocument(
            name: "duplicate TYPE line",
            text: "# TYPE up gauge\nup 1\n\n# TYPE up gauge\n",
            line: 4, reason: "duplicate TYPE"
        ),
        BadDocument(
            name: "duplicate HELP line",
            text: "# HELP up Up.\n# HELP up Up.\n",
            line: 2, reason: "duplicate HELP"
        ),
        BadDocument(
            name: "unknown metric type",
            text: "# TYPE up gaugeish\n",
            line: 1, reason: "TYPE line"
        ),
        BadDocument(
            name: "invalid escape",
            text: "up{job=\"a\\t\"} 1\n",
            line: 1, reason: "invalid escape"
        ),
        BadDocument(
            name: "missing value",
            text: "up{job=\"a\"}\n",
            line: 1, reason: "missing value"
        ),
        BadDocument(
            name: "non-numeric value",
            text: "up 0x10\n",
            line: 1, reason: "invalid value"
        ),
        BadDocument(
            name: "duplicate label",
            text: "up{a=\"1\",a=\"2\"} 1\n",
            line: 1, reason: "duplicate label"
        ),
        BadDocument(
            name: "unterminated label set",
            text: "up{a=\"1\" 1\n",
            line: 1, reason: "expected ',' or '}'"
        ),
        BadDocument(
            name: "junk after the timestamp",
            text: "up 1 1000 extra\n",
            line: 1, reason: "after the timestamp"
        ),
    ]

    @Test("a malformed line throws with its line number and text", arguments: badDocuments)
    func rejectsMalformedLine(_ document: BadDocument) {
        #expect {
            try PrometheusText.parse(document.text)
        } throws: { error in
            guard let error = error as? PrometheusParseError else { return false }
            let expectedText = document.text.split(separator: "\n", omittingEmptySubsequences: false)[document.line - 1]
            return error.line == document.line && error.text == expectedText && error.reason.contains(document.reason)
        }
    }

    @Test("the error describes line, reason and text")
    func errorDescription() {
        let error = PrometheusParseError(line: 7, text: "oops", reason: "invalid value 'oops'")
        #expect(error.description == "line 7: invalid value 'oops': oops")
    }
}
