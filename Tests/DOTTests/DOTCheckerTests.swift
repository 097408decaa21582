import Foundation
import RDF
import XCTest
@testable import DOT

/// Real-world style DOT: the constructs of the Graphviz gallery and of hand-written files.
enum CheckerFixtures {
    static let valid: [(name: String, dot: String)] = [
        ("clusters", #"""
        digraph G {
          fontname="Helvetica,Arial,sans-serif"
          node [fontname="Helvetica,Arial,sans-serif"]
          edge [fontname="Helvetica,Arial,sans-serif"]
          subgraph cluster_0 {
            style=filled;
            color=lightgrey;
            node [style=filled,color=white];
            a0 -> a1 -> a2 -> a3;
            label = "process #1";
          }
          subgraph cluster_1 {
            node [style=filled];
            b0 -> b1 -> b2 -> b3;
            label = "process #2";
            color=blue
          }
          start -> a0;
          start -> b0;
          a1 -> b3;
          b2 -> a3;
          a3 -> a0;
          a3 -> end;
          b3 -> end;
          start [shape=Mdiamond];
          end [shape=Msquare];
        }
        """#),
        ("records", #"""
        digraph structs {
            node [shape=record];
            struct1 [label="<f0> left|<f1> mid\ dle|<f2> right"];
            struct2 [label="<f0> one|<f1> two"];
            struct3 [label="hello\nworld |{ b |{c|<here> d|e}| f}| g | h"];
            struct1:f1 -> struct2:f0;
            struct1:f2 -> struct3:here;
        }
        """#),
        ("html-labels", #"""
        digraph html {
          abc [shape=none, margin=0, label=<
        <TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="4">
          <TR><TD ROWSPAN="3"><FONT COLOR="red">hello</FONT><BR/>world</TD>
              <TD COLSPAN="3">b</TD>
              <TD ROWSPAN="3" BGCOLOR="lightgrey">g</TD>
              <TD ROWSPAN="3">h</TD>
          </TR>
          <TR><TD>c</TD>
              <TD PORT="here">d</TD>
              <TD>e</TD>
          </TR>
          <TR><TD COLSPAN="3">f &amp; &lt;escaped&gt;</TD></TR>
        </TABLE>>];
          other [label=<<I>italic</I> and <B>bold</B>>];
          abc:here:s -> other:n;
        }
        """#),
        ("ports-undirected-strict", #"""
        strict graph ports {
          a:n -- b:s;
          a:ne -- b:sw -- c:_;
          a -- b;  // a duplicate edge: strict merges it
          c:w -- { d e }
        }
        """#),
        ("concatenation-and-continuation", #"""
        digraph concat {
          a [label="hello " + "world" +
                   "!"];
          b [label="a long \
        label that continues", tooltip="say \"hi\""];
          c [label="C:\\dir\\"];
          a -> b -> c;
        }
        """#),
        ("comments", #"""
        # 1 "generated.gv"
        /* A block comment
           over several lines */
        digraph comments { // trailing comment
          a -> b; /* inline */ b -> c # Graphviz skips '#' to the end of any line
        # 5 "generated.gv"
          c -> a
        }
        """#),
        ("edge-chains-with-subgraphs", #"""
        graph chains {
          {a b} -- {c d} -- e;
          subgraph s1 { x y } -- z [color=red];
          subgraph { rank=same; p; q }
          f -- subgraph s2 { g h };
        }
        """#),
        ("keywords-any-case", #"""
        DiGraph G {
          NODE [shape=box];
          Edge [color=red];
          GRAPH [rankdir=LR];
          SubGraph cluster_x { a }
          a -> b
        }
        """#),
        ("numerals", #"""
        digraph numbers {
          a [width=.5, height=-1.25, weight=2];
          1 -> 2.5;
          -3 -> 4.;
          node [fontsize=10.0]
        }
        """#),
        ("unicode-names", #"""
        digraph unicode {
          charset="UTF-8";
          "Orbán" -> "Siobhán O’Grady";
          Ωmega -> naïve;
          "中文" -> "emoji 🙂";
        }
        """#),
        ("attributes", #"""
        digraph attrs {
          rankdir=LR; size="7,7"
          graph [splines=true; overlap=false]
          a [color=red][shape=box, style="filled,rounded"];
          a -> b [label="x" weight=3];
        }
        """#),
        ("two-graphs-and-empty-bodies", #"""
        graph {}
        digraph named { }
        """#),
    ]

    /// Broken DOT, with the line and column of the error and a word the message must contain.
    static let invalid: [(name: String, dot: String, line: Int, column: Int, message: String)] = [
        ("undirected-op-in-digraph", "digraph { a -- b }", 1, 13, "'--' in a directed graph"),
        ("directed-op-in-graph", "graph G {\n  a -> b;\n}", 2, 5, "'->' in an undirected graph"),
        ("unterminated-string", "digraph {\n  a [label=\"oops];\n}\n", 2, 12, "unterminated string"),
        ("missing-equals", "digraph {\n  a [color=red;\n  b\n}\n", 4, 1, "expected '='"),
        ("unbalanced-html", "digraph { a [label=<<b>x</b>]; }", 1, 20, "unterminated HTML"),
        ("unterminated-comment", "digraph { /* x\n a -> b }", 1, 11, "unterminated comment"),
        ("keyword-as-node", "digraph {\n  node -> b\n}", 2, 8, "expected '['"),
        ("plus-after-name", "digraph { a [label=x + \"y\"] }", 1, 22, "'+' joins only double-quoted strings"),
        ("missing-close-brace", "digraph {\n  a -> b\n", 3, 1, "expected '}'"),
        ("strict-without-kind", "strict { }", 1, 8, "expected 'graph' or 'digraph'"),
        ("attribute-without-value", "digraph { a [shape] }", 1, 19, "expected '='"),
        ("stray-character", "digraph { a @ b }", 1, 13, "unexpected character '@'"),
        ("edge-without-target", "digraph { a -> ; }", 1, 16, "expected a node ID or subgraph"),
        ("empty-file", "", 1, 1, "expected 'graph' or 'digraph'"),
        ("unicode-column", "graph {\n  \"Orbán\" -> b\n}", 2, 11, "'->' in an undirected graph"),
        ("number-into-name", "digraph { 2a -> b }", 1, 11, "number runs into a name"),
        ("text-after-graph", "digraph { a }\nb -> c", 2, 1, "expected 'graph' or 'digraph'"),
    ]
}

final class DOTCheckerTests: XCTestCase {
    func testAcceptsRealWorldDOT() throws {
        var dotChecked = 0
        for fixture in CheckerFixtures.valid {
            XCTAssertNoThrow(try DOTChecker.check(fixture.dot, file: fixture.name), fixture.name)
            guard Graphviz.isInstalled else { continue }
            let out = DOTAssert.temporaryDirectory.appendingPathComponent("fixture-\(fixture.name).svg").path
            do {
                let warnings = try Graphviz.render(dot: fixture.dot, format: .svg, to: out)
                XCTAssertEqual(warnings, "", "dot warned on \(fixture.name)")
                dotChecked += 1
            } catch {
                XCTFail("dot rejected fixture \(fixture.name): \(error)")
            }
        }
        print("DOT checker: \(CheckerFixtures.valid.count) valid fixtures accepted; Graphviz confirmed \(dotChecked)"
            + (Graphviz.isInstalled ? "" : " (dot not installed)"))
    }

    func testRejectsBrokenDOTWithLineAndColumn() {
        var dotRejected = 0
        for fixture in CheckerFixtures.invalid {
            do {
                try DOTChecker.check(fixture.dot, file: fixture.name + ".dot")
                XCTFail("\(fixture.name): accepted broken DOT")
            } catch {
                XCTAssertEqual(error.position?.line, fixture.line, "\(fixture.name): \(error)")
                XCTAssertEqual(error.position?.column, fixture.column, "\(fixture.name): \(error)")
                XCTAssertTrue(error.message.contains(fixture.message), "\(fixture.name): \(error.message)")
                XCTAssertTrue(error.description.hasPrefix("\(fixture.name).dot:\(fixture.line):\(fixture.column): "), error.description)
            }
            guard Graphviz.isInstalled, !fixture.dot.isEmpty else { continue }
            // Graphviz must not accept it silently either: it fails, or (for the ambiguous
            // number) warns.
            let out = DOTAssert.temporaryDirectory.appendingPathComponent("broken-\(fixture.name).svg").path
            do {
                let warnings = try Graphviz.render(dot: fixture.dot, format: .svg, to: out)
                XCTAssertFalse(warnings.isEmpty, "\(fixture.name): dot accepted it without a word")
                if !warnings.isEmpty { dotRejected += 1 }
            } catch {
                dotRejected += 1
            }
        }
        print("DOT checker: \(CheckerFixtures.invalid.count) broken fixtures rejected; Graphviz also objected to \(dotRejected)")
    }

    func testSummaryCountsStatements() throws {
        let s = try DOTChecker.check("digraph { a; b [x=1]; a -> b -> c; subgraph cluster_a { d } node [shape=box]; k=v }")
        XCTAssertEqual(s.graphs, 1)
        XCTAssertEqual(s.directedGraphs, 1)
        XCTAssertEqual(s.nodeStatements, 3)
        XCTAssertEqual(s.edgeStatements, 1)
        XCTAssertEqual(s.subgraphs, 1)
        XCTAssertEqual(s.attributeStatements, 2)
    }

    func testDeepNestingIsRefusedNotCrashed() {
        let depth = 100_000
        let dot = "digraph {" + String(repeating: "{", count: depth) + String(repeating: "}", count: depth) + "}"
        XCTAssertThrowsError(try DOTChecker.check(dot)) { error in
            XCTAssertTrue("\(error)".contains("nested more than"), "\(error)")
        }
        let fine = "digraph {" + String(repeating: "{", count: 200) + "a" + String(repeating: "}", count: 200) + "}"
        XCTAssertNoThrow(try DOTChecker.check(fine))
    }

    func testInvalidUTF8IsRejected() {
        var bytes = Array("digraph { \"a".utf8)
        bytes += [0xC3, 0x28]
        bytes += Array("\" -> b }".utf8)
        XCTAssertThrowsError(try DOTChecker.check(bytes)) { error in
            XCTAssertTrue("\(error)".contains("invalid UTF-8"), "\(error)")
            XCTAssertEqual((error as? SyntaxError)?.position?.column, 13)
        }
    }
}
