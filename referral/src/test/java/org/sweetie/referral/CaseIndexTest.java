package org.sweetie.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The package folders' web pages: static, self-contained, and inert whatever the partners wrote. */
class CaseIndexTest {
    @TempDir
    static Path folder;
    static Path out;
    static List<Path> pages;

    @BeforeAll
    static void writeThePackage() throws IOException {
        out = SyntheticCase.write(folder, new Routing(Routing.DEFAULT_MIN_CONFIDENCE));
        try (var files = Files.walk(out)) {
            pages = files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
        }
    }

    @Test
    void eachFolderHasAnIndexAndEachConversationAPage() {
        assertThat(pages).extracting(p -> out.relativize(p).toString().replace('\\', '/')).containsExactly(
                "GB/index.html", "GB/transcripts/conversation-00001.html", "unassigned/index.html",
                "unassigned/transcripts/conversation-00002.html");
    }

    @Test
    void everyPageIsWellFormedWithNoScriptNoHandlerAndNoLinkOutOfItsFolder() throws Exception {
        for (Path page : pages) {
            Document dom = parse(page);
            Path packageFolder = out.resolve(out.relativize(page).getName(0));
            for (Element e : elements(dom)) {
                assertThat(e.getTagName()).as(page + ": element").isNotIn("script", "iframe", "object", "embed",
                        "img", "link", "form", "base", "frame", "svg", "math");
                NamedNodeMap attributes = e.getAttributes();
                for (int i = 0; i < attributes.getLength(); i++) {
                    Node a = attributes.item(i);
                    assertThat(a.getNodeName()).as(page + ": attribute").doesNotStartWith("on").isNotEqualTo("src")
                            .isNotEqualTo("style");
                    assertThat(a.getNodeValue().toLowerCase()).as(page + ": " + a.getNodeName())
                            .doesNotContain("http:").doesNotContain("https:").doesNotContain("javascript:")
                            .doesNotContain("data:");
                }
                if (e.getTagName().equals("a")) {
                    Path target = page.getParent().resolve(e.getAttribute("href")).normalize();
                    assertThat(target).as(page + " links " + e.getAttribute("href")).startsWith(packageFolder)
                            .exists();
                }
            }
            String raw = Files.readString(page);
            assertThat(raw).as(page.toString()).doesNotContainIgnoringCase("<script").doesNotContain("url(")
                    .doesNotContain("@import");
        }
    }

    @Test
    void whatPartnersWroteAppearsOnlyEscaped() throws Exception {
        String unassigned = Files.readString(out.resolve("unassigned/index.html"));
        assertThat(unassigned).contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt; on examplenet")
                .doesNotContain("<img").doesNotContain("\"><");
        String dutch = Files.readString(out.resolve("unassigned/transcripts/conversation-00002.html"));
        assertThat(dutch).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script");
        Path ivanPage = out.resolve("GB/transcripts/conversation-00001.html");
        String ivan = Files.readString(ivanPage);
        assertThat(ivan).contains("&lt;a href=&quot;javascript:alert(1)&quot;&gt;click&lt;/a&gt; "
                + "https://example.com/x");
        Document dom = parse(ivanPage);
        assertThat(elements(dom)).filteredOn(e -> e.getTagName().equals("a")).extracting(e -> e.getAttribute("href"))
                .containsExactly("../index.html");
        assertThat(dom.getDocumentElement().getTextContent()).contains("привет", "สวัสดี", "مرحبا", "你好",
                SyntheticCase.LONG_WORD, "Sweetie10 (operator op-anna)", "QUALIFIED: WCST");
    }

    @Test
    void theIndexListsTheSuspectsWithTheirDossierBundleAndTranscriptsAndTheSender() throws Exception {
        Path index = out.resolve("GB/index.html");
        Document dom = parse(index);
        assertThat(elements(dom)).filteredOn(e -> e.getTagName().equals("a")).extracting(e -> e.getAttribute("href"))
                .containsExactly("suspect-00001.pdf", "suspect-00001-bundle.zip",
                        "transcripts/conversation-00001.html");
        String text = dom.getDocumentElement().getTextContent();
        assertThat(text).contains("Test NGO (synthetic data)", "referrals@example.org", "CASE-2026-0042",
                "2026-11-30 12:00:00 UTC", SyntheticCase.VERIFIER_KEY, "ivan_x on examplenet", "verify-bundle.py",
                "For law enforcement only");
        assertThat(text).contains("GB (United Kingdom)").contains("not assigned");
    }

    @Test
    void textIsMadeInertAndLinksStayInThePackage() {
        assertThat(Html.text("<b onclick='x'>\"a\" & b</b>")).isEqualTo(
                "&lt;b onclick=&#39;x&#39;&gt;&quot;a&quot; &amp; b&lt;/b&gt;");
        assertThat(Html.text("evil\u202Etxt.exe\u0007")).isEqualTo("evil\\u202etxt.exe\\u0007");
        assertThat(Html.text("lone \uD800 surrogate")).isEqualTo("lone \uFFFD surrogate");
        assertThat(Html.href("transcripts/conversation-00001.html")).isEqualTo("transcripts/conversation-00001.html");
        for (String bad : List.of("javascript:alert(1)", "https://example.com/x.pdf", "/etc/passwd.txt",
                "a/../../b.pdf", "x.pdf\" onmouseover=\"alert(1)", "//example.com/x.pdf")) {
            assertThatThrownBy(() -> Html.href(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static Document parse(Path page) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://javax.xml.XMLConstants/feature/secure-processing", true);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder().parse(page.toFile());
    }

    private static List<Element> elements(Document dom) {
        List<Element> all = new ArrayList<>();
        NodeList nodes = dom.getElementsByTagName("*");
        for (int i = 0; i < nodes.getLength(); i++) {
            all.add((Element) nodes.item(i));
        }
        return all;
    }
}
