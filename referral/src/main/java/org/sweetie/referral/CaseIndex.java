package org.sweetie.referral;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A package folder's web pages, to open offline in any browser: index.html (the sender and case, the suspects by
 * priority with their dossiers, bundles and transcripts, how to check the bundles, the summary table) and one page
 * per conversation under transcripts/. Static XHTML and CSS only: no script, no external resource (a content
 * security policy forbids them even so), links only to files inside the folder, and every string through
 * {@link Html#text}.
 */
final class CaseIndex {
    static final String TRANSCRIPTS = "transcripts";

    private static final String STYLE = """
            body{font-family:"Noto Sans",Arial,sans-serif;font-size:15px;margin:2em auto;max-width:68em;\
            padding:0 1em;color:#111}
            h1{font-size:1.5em}h2{font-size:1.2em;margin-top:1.6em}
            .notice{color:#900;font-weight:bold}
            table{border-collapse:collapse;width:100%}
            th,td{border:1px solid #bbb;padding:.3em .5em;text-align:left;vertical-align:top}
            th{background:#eee}
            td.n{text-align:right;white-space:nowrap}
            .wrap{overflow-wrap:anywhere;word-break:break-word}
            dl{display:grid;grid-template-columns:12em 1fr;gap:.2em 1em}dt{font-weight:bold}dd{margin:0}
            tr.bot td{background:#e6efff}tr.operator td{background:#fff3d1}tr.event td{color:#555}
            td.marks{color:#900;font-size:.85em}
            code{overflow-wrap:anywhere}
            """;

    private CaseIndex() {
    }

    static void write(Path folder, String name, List<ReferralPackage.Written> written, Sender sender,
                      String verifierKey, Map<String, ReferralPackage.Headline> headlines,
                      Map<String, List<ReferralPackage.Referral>> referred) throws IOException {
        Files.createDirectories(folder.resolve(TRANSCRIPTS));
        for (ReferralPackage.Written w : written) {
            for (Dossier.Transcript t : w.dossier().transcripts()) {
                Files.writeString(folder.resolve(TRANSCRIPTS).resolve(transcriptFile(t)),
                        transcriptPage(t, w.referral().suspect(), sender), StandardCharsets.UTF_8);
            }
        }
        Files.writeString(folder.resolve("index.html"), index(name, written, sender, verifierKey, headlines,
                referred), StandardCharsets.UTF_8);
    }

    static String transcriptFile(Dossier.Transcript t) {
        return String.format("conversation-%05d.html", t.conversation());
    }

    static String index(String name, List<ReferralPackage.Written> written, Sender sender, String verifierKey,
                        Map<String, ReferralPackage.Headline> headlines,
                        Map<String, List<ReferralPackage.Referral>> referred) {
        boolean unassigned = name.equals(Routing.UNASSIGNED);
        String title = unassigned ? "Sweetie referrals not assigned to a country"
                : "Sweetie referrals for " + Words.country(name);
        Page page = new Page(title);
        page.raw("<p class=\"notice\">For law enforcement only. Not for publication.</p>\n");
        if (unassigned) {
            page.raw("<p class=\"notice\">Not a referral: these suspects could not be placed in a country with "
                    + "enough confidence. This folder is for the sending organisation's own triage (or an "
                    + "international channel such as Interpol's), never to be sent as it is. See README.txt.</p>\n");
        }
        page.raw("<dl>\n");
        page.field("Sent by", sender.organisation());
        page.field("Contact", sender.contact());
        page.field("Case reference", sender.caseReference());
        page.field("Made", Words.time(sender.made()));
        page.raw("<dt>Verifier key</dt><dd><code>").text(verifierKey).raw("</code></dd>\n</dl>\n");
        page.raw("<h2>Suspects, highest priority first</h2>\n<table>\n<tr><th>Priority</th><th>Suspect</th>"
                + "<th>Level</th><th>Qualification</th><th>Accounts</th><th>Identifiers</th><th>Country</th>"
                + "<th>Dossier</th><th>Evidence bundle</th><th>Transcripts</th></tr>\n");
        for (ReferralPackage.Written w : written) {
            suspectRow(page, w);
        }
        page.raw("</table>\n");
        page.raw("<h2>How to check the evidence bundles</h2>\n<p>").text("Each bundle holds the conversations as "
                + "they were captured, with a checkpoint of the sender's evidence log signed by the verifier key "
                + "above. Unzip it into a folder of the same name beside it, then, in a command window in this "
                + "folder, run: python3 suspect-NNNNN-bundle/verify-bundle.py suspect-NNNNN-bundle.zip (Python 3 "
                + "alone is needed, nothing else, no internet). It answers \"OK\" and names the key that signed "
                + "the bundle: it must be the verifier key above, and you should confirm that key with the sender "
                + "by another channel. Each dossier explains this step by step. The transcript pages here are "
                + "printed from the same records for reading; the bundles are the evidence.").raw("</p>\n");
        summaryTable(page, headlines, referred);
        return page.end();
    }

    private static void suspectRow(Page page, ReferralPackage.Written w) {
        ReferralPackage.Referral r = w.referral();
        page.raw("<tr><td class=\"n\">").text(Integer.toString(r.priority())).raw("</td><td class=\"n\">")
                .text(Integer.toString(r.suspect())).raw("</td><td>").text(r.level()).raw("</td><td>")
                .text(r.qualification()).raw("</td><td class=\"wrap\">");
        for (int i = 0; i < r.accounts().size(); i++) {
            page.raw(i == 0 ? "" : "<br/>").text(r.accounts().get(i));
        }
        page.raw("</td><td class=\"n\">").text(Integer.toString(r.identifiers())).raw("</td><td class=\"wrap\">")
                .text(r.route()).raw("</td><td>").link(w.dossierFile(), w.dossierFile()).raw("</td><td>")
                .link(w.bundleFile(), w.bundleFile()).raw("<br/>SHA-256 <code>").text(w.bundleSha256())
                .raw("</code></td><td>");
        List<Dossier.Transcript> transcripts = w.dossier().transcripts();
        for (int i = 0; i < transcripts.size(); i++) {
            Dossier.Transcript t = transcripts.get(i);
            page.raw(i == 0 ? "" : "<br/>").link(TRANSCRIPTS + "/" + transcriptFile(t),
                    "conversation " + t.conversation());
        }
        page.raw("</td></tr>\n");
    }

    private static void summaryTable(Page page, Map<String, ReferralPackage.Headline> headlines,
                                     Map<String, List<ReferralPackage.Referral>> referred) {
        page.raw("<h2>The whole package, by country</h2>\n<table>\n<tr><th>Country</th><th>Contacts</th>"
                + "<th>Solicitation</th><th>WCST</th><th>Identified</th><th>Referred</th></tr>\n");
        ReferralPackage.Headline total = new ReferralPackage.Headline(0, 0, 0, 0);
        int referredTotal = 0;
        for (Map.Entry<String, ReferralPackage.Headline> row : new TreeMap<>(headlines).entrySet()) {
            int n = referred.getOrDefault(row.getKey(), List.of()).size();
            summaryRow(page, row.getKey().equals(Routing.UNASSIGNED) ? "not assigned" : Words.country(row.getKey()),
                    row.getValue(), n);
            total = total.plus(row.getValue());
            referredTotal += n;
        }
        summaryRow(page, "all", total, referredTotal);
        page.raw("</table>\n<p>").text("Contacts: suspects (people behind one or more partner accounts) who talked "
                + "to a persona. Solicitation and WCST: of them, those whose conversations qualified. Identified: "
                + "those at identification level 'identified'. Referred: the dossiers and bundles in this package; "
                + "each country's are in its own folder.").raw("</p>\n");
    }

    private static void summaryRow(Page page, String country, ReferralPackage.Headline h, int referred) {
        page.raw("<tr><td>").text(country);
        for (int n : new int[] {h.contacts(), h.solicitation(), h.wcst(), h.identified(), referred}) {
            page.raw("</td><td class=\"n\">").text(Integer.toString(n));
        }
        page.raw("</td></tr>\n");
    }

    static String transcriptPage(Dossier.Transcript t, int suspect, Sender sender) {
        Page page = new Page(t.title());
        page.raw("<p class=\"notice\">For law enforcement only. Not for publication.</p>\n<p>")
                .text("Suspect " + suspect + ", case " + sender.caseReference() + ", sent by "
                        + sender.organisation() + ". ").link("../index.html", "Back to the index").raw("</p>\n<p>")
                .text("Every message and event in time order (UTC). Persona lines are shaded and say who typed "
                        + "them: the bot (blue) or a human operator with their id (yellow). The last column holds "
                        + "what Sweetie's analysis flagged at that message. This page is printed from the same "
                        + "records as the suspect's evidence bundle, whose transcript.txt is the reference copy.")
                .raw("</p>\n<table>\n<tr><th>Time</th><th>#</th><th>Who</th><th>Message</th><th>Flagged</th></tr>\n");
        LocalDate day = null;
        for (Dossier.Line line : t.lines()) {
            LocalDate date = line.time().atZone(ZoneOffset.UTC).toLocalDate();
            if (!date.equals(day)) {
                day = date;
                page.raw("<tr><th colspan=\"5\">").text(date.toString()).raw("</th></tr>\n");
            }
            String kind = switch (line.speaker()) {
                case PARTNER -> "partner";
                case BOT -> "bot";
                case OPERATOR -> "operator";
                case EVENT -> "event";
            };
            page.raw("<tr class=\"" + kind + "\"><td class=\"n\">")
                    .text(line.time().atZone(ZoneOffset.UTC).toLocalTime().withNano(0).toString())
                    .raw("</td><td class=\"n\">").text(line.seq() == 0 ? "" : Long.toString(line.seq()))
                    .raw("</td><td class=\"wrap\">").text(line.speaker() == Dossier.Speaker.EVENT ? "" : line.who())
                    .text(line.sent() == null ? "" : " (sent " + Words.time(line.sent()) + ")")
                    .raw("</td><td class=\"wrap\">").text(line.text()).raw("</td><td class=\"marks\">");
            for (int i = 0; i < line.marks().size(); i++) {
                page.raw(i == 0 ? "" : "<br/>").text(line.marks().get(i));
            }
            page.raw("</td></tr>\n");
        }
        page.raw("</table>\n");
        return page.end();
    }

    /** An XHTML page being written: raw markup is the code's own constants, everything else goes through text. */
    private static final class Page {
        private final StringBuilder html = new StringBuilder(8192);

        Page(String title) {
            html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
                    + "<meta charset=\"utf-8\"/>\n"
                    + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                    + "style-src 'unsafe-inline'\"/>\n<meta name=\"referrer\" content=\"no-referrer\"/>\n<title>")
                    .append(Html.text(title)).append("</title>\n<style>\n").append(STYLE)
                    .append("</style>\n</head>\n<body>\n<h1>").append(Html.text(title)).append("</h1>\n");
        }

        Page raw(String markup) {
            html.append(markup);
            return this;
        }

        Page text(String value) {
            html.append(Html.text(value));
            return this;
        }

        Page link(String file, String label) {
            html.append("<a href=\"").append(Html.href(file)).append("\">").append(Html.text(label)).append("</a>");
            return this;
        }

        void field(String label, String value) {
            html.append("<dt>").append(Html.text(label)).append("</dt><dd>").append(Html.text(value))
                    .append("</dd>\n");
        }

        String end() {
            return html.append("</body>\n</html>\n").toString();
        }
    }
}
