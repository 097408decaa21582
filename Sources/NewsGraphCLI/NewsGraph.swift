import ArgumentParser
import Foundation
import NewsGraphKit
#if canImport(Glibc)
import Glibc
#endif

/// `newsgraph`: news articles in, a linked entity–event graph out. With no arguments it runs
/// `build seeds --output output`, the job the repository's README describes.
struct NewsGraph: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newsgraph",
        abstract: "Extract people, countries, organizations and events from news into RDF, JSON-LD and GraphViz; convert, validate, render and push graphs.",
        version: NewsGraphVersion.string,
        subcommands: [Build.self, Convert.self, Validate.self, Render.self, Push.self, Merge.self],
        defaultSubcommand: Build.self
    )
}

/// Runs the command and turns every outcome into exit code 0, 1 or 2 (never ArgumentParser's 64,
/// never a signal), printing errors as `newsgraph: error: …` on stderr.
@main
enum Main {
    static func main() {
        let code: Int32
        do {
            var command = try NewsGraph.parseAsRoot()
            try command.run()
            code = 0
        } catch let failure as NewsGraphFailure {
            if !failure.description.isEmpty { printError("error: " + failure.description) }
            code = failure.exitCode
        } catch let exit as ExitCode {
            code = exit.rawValue == 0 ? 0 : (exit.rawValue == 1 ? 1 : 2)
        } catch {
            let arguments = NewsGraph.exitCode(for: error)
            let message = NewsGraph.fullMessage(for: error)
            if arguments == .success {
                print(message)
                code = 0
            } else if isArgumentParserError(error) {
                printError(message)
                code = 2
            } else {
                let failure = NewsGraphFailure.from(error)
                printError("error: " + failure.description)
                code = failure.exitCode
            }
        }
        flushStandardStreams()
        exit(code)
    }

    /// ArgumentParser reports usage problems with its own error types; they are all exit 2 here.
    static func isArgumentParserError(_ error: any Error) -> Bool {
        let type = String(reflecting: Swift.type(of: error))
        return type.hasPrefix("ArgumentParser.") || error is ValidationError || error is CleanExit
    }
}

func printError(_ message: String) {
    var line = message.hasPrefix("newsgraph") || message.hasPrefix("Error:") || message.hasPrefix("Usage:") ? message : "newsgraph: " + message
    if !line.hasSuffix("\n") { line += "\n" }
    FileHandle.standardError.write(Data(line.utf8))
}

func flushStandardStreams() {
    fflush(nil)
}
