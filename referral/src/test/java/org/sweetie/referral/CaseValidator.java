package org.sweetie.referral;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * Validates CASE/UCO JSON-LD with Jena SHACL against the CASE 1.4.0 ontology, as case_validate --allow-infos does:
 * the union of data and ontology is validated (so sh:targetClass follows rdfs:subClassOf), and results of
 * severity Info do not fail. Jena rejects three SPARQL constraints of UCO 1.4.0 as written; they are patched in
 * memory (the shipped file is left as it is): GROUP BY gets $this, and a missing rdfs prefix is declared.
 */
public final class CaseValidator {
    private final Graph ontology;
    private final Shapes shapes;

    public CaseValidator() throws IOException {
        String ttl;
        try (InputStream in = CaseValidator.class.getResourceAsStream("/case-uco/case-1.4.0.ttl")) {
            ttl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String patched = ttl.replace("GROUP BY ?value", "GROUP BY $this ?value").replace(
                "PREFIX owl: <http://www.w3.org/2002/07/owl#>\n\t\t\tSELECT $this\n\t\t\tWHERE {\n\t\t\t\t$this a rdfs:Datatype",
                "PREFIX owl: <http://www.w3.org/2002/07/owl#>\n\t\t\tPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>"
                        + "\n\t\t\tSELECT $this\n\t\t\tWHERE {\n\t\t\t\t$this a rdfs:Datatype");
        if (patched.equals(ttl)) {
            throw new IllegalStateException("the UCO patch did not apply: has case-1.4.0.ttl changed?");
        }
        ontology = GraphFactory.createDefaultGraph();
        RDFParser.create().source(new StringReader(patched)).lang(Lang.TURTLE).parse(ontology);
        shapes = Shapes.parse(ontology);
    }

    /** The results that fail validation (violations and warnings), as text; empty when the data conforms. */
    public List<String> problems(String jsonLd) {
        Graph union = GraphFactory.createDefaultGraph();
        RDFParser.create().source(new StringReader(jsonLd)).lang(Lang.JSONLD).parse(union);
        ontology.find().forEachRemaining(union::add);
        ValidationReport report = ShaclValidator.get().validate(shapes, union);
        return report.getEntries().stream().filter(e -> e.severity() != Severity.Info)
                .map(CaseValidator::describe).toList();
    }

    private static String describe(ReportEntry e) {
        return e.severity().level().getLocalName() + " " + e.focusNode() + " " + e.resultPath() + ": " + e.message();
    }
}
