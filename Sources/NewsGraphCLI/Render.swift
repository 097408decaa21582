import ArgumentParser
import NewsGraphKit

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render a graph to SVG, PNG or PDF with Graphviz.",
        discussion: "Takes a .dot file as it is, or any RDF file (drawn first with the DOT view flags). Needs Graphviz's `dot` on the PATH.")

    @Argument(help: "A .dot file or an RDF file.")
    var input: String
    @Option(help: "Picture format: svg, png or pdf.")
    var to: String = "svg"
    @Option(name: [.short, .long], help: "Output file (default: the input's name with the picture extension).")
    var output: String?
    @Option(help: "Input RDF format, when the extension does not tell.")
    var from: String?
    @Option(help: "Base IRI for relative references.")
    var base: String?
    @OptionGroup(title: "DOT") var dot: DOTViewFlags

    func run() throws {
        try RenderRunner.run(input: input, to: to, output: output, from: from, base: base, dot: try dot.options())
    }
}
