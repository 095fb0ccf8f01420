package org.sweetie.referral;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The referral packages for the authorities: one folder per country a suspect is routed to (and
 * {@value Routing#UNASSIGNED} for those routed nowhere, with a README saying it is for the sender's own triage),
 * each with a dossier (PDF/A) and an evidence bundle per suspect, each conversation's transcript as a web page, an
 * index.html and an index.csv sorted by priority with each bundle's SHA-256, and the CASE/UCO 1.4 JSON-LD of the
 * folder's referrals (case.jsonld); at the top a summary with Sweetie 1.0's headline table (contacts,
 * solicitation, WCST, identified) by country. A folder holds everything its recipient needs and links nothing
 * outside it.
 */
public final class ReferralPackage {
    /** What a spreadsheet reads as the start of a formula when a cell begins with it (OWASP, CSV injection). */
    private static final String FORMULA_START = "=+-@\t\r";

    /**
     * Where a spreadsheet may begin a new cell inside a field: the delimiters import dialogs offer (comma,
     * semicolon, tab, space, pipe), line breaks, and quotes. A semicolon locale splits a comma-separated row at
     * every ';', inside quoted fields too (their quotes do not start its cells): the first character is not enough.
     */
    private static final String CELL_BREAK = ",;\t |\r\n\"'";

    /**
     * One suspect to refer: the row of the index and what makes the files that go with it.
     *
     * @param folder the country code the suspect is routed to, or {@value Routing#UNASSIGNED}
     * @param route the route in words ("NL (confidence 0.90, ...)")
     * @param accounts the suspect's accounts as people read them ("dave_uk on examplenet")
     */
    public record Referral(int suspect, String folder, String route, String level, int priority,
                           String qualification, List<String> accounts, int identifiers, List<Long> conversations,
                           DossierSource dossier, CaseNode caseNode) {
        public Referral {
            accounts = List.copyOf(accounts);
            conversations = List.copyOf(conversations);
        }

        String name() {
            return String.format("suspect-%05d", suspect);
        }
    }

    /** The suspect's dossier, once the bundle (and so its name and hash) is written. */
    @FunctionalInterface
    public interface DossierSource {
        Dossier of(String bundleFile, String bundleSha256);
    }

    /** The suspect's part of the CASE/UCO export, once the bundle (and so its hash) is written. */
    @FunctionalInterface
    public interface CaseNode {
        CaseExport.SuspectNode of(String bundleFile, String bundleSha256);
    }

    /** Makes the evidence bundle of a suspect's conversations at the given path. */
    @FunctionalInterface
    public interface Bundles {
        void write(int suspect, List<Long> conversations, Path file) throws IOException;
    }

    /** Counts for the headline table, per country of the partner. */
    public record Headline(int contacts, int solicitation, int wcst, int identified) {
        public Headline plus(Headline o) {
            return new Headline(contacts + o.contacts, solicitation + o.solicitation, wcst + o.wcst,
                    identified + o.identified);
        }
    }

    /** A written suspect: the referral, its files and its dossier, for the folder's index. */
    record Written(Referral referral, String dossierFile, String bundleFile, String bundleSha256, Dossier dossier) {
    }

    private ReferralPackage() {
    }

    /** Writes the packages; returns the bundle files written (for verification). */
    public static List<Path> write(Path out, List<Referral> referrals, Map<String, Headline> headlines,
                                   Bundles bundles, Sender sender, String verifierKey) throws IOException {
        Files.createDirectories(out);
        Map<String, List<Referral>> byFolder = new TreeMap<>();
        referrals.forEach(r -> byFolder.computeIfAbsent(r.folder(), c -> new ArrayList<>()).add(r));
        Map<String, Integer> referred = new TreeMap<>();
        byFolder.forEach((folder, list) -> referred.put(folder, list.size()));
        String summary = summary(new HeadlineTable(headlines, referred));
        List<Path> written = new ArrayList<>();
        try (DossierPdf pdf = DossierPdf.open()) {
            for (Map.Entry<String, List<Referral>> folder : byFolder.entrySet()) {
                List<Written> done = writeFolder(out.resolve(folder.getKey()), folder.getValue(), bundles, sender,
                        pdf);
                done.forEach(w -> written.add(out.resolve(folder.getKey()).resolve(w.bundleFile())));
                CaseIndex.write(out.resolve(folder.getKey()), folder.getKey(), done, sender, verifierKey,
                        headlines, byFolder);
            }
        }
        Files.writeString(out.resolve("summary.txt"), summary, StandardCharsets.UTF_8);
        return written;
    }

    private static List<Written> writeFolder(Path folder, List<Referral> referrals, Bundles bundles, Sender sender,
                                             DossierPdf pdf) throws IOException {
        Files.createDirectories(folder);
        List<Referral> sorted = referrals.stream().sorted(Comparator.comparingInt(Referral::priority).reversed()
                .thenComparingInt(Referral::suspect)).toList();
        StringBuilder index = new StringBuilder("priority,suspect,level,qualification,accounts,identifiers,"
                + "dossier,bundle,bundle_sha256\n");
        List<CaseExport.SuspectNode> caseNodes = new ArrayList<>();
        List<Written> written = new ArrayList<>();
        for (Referral r : sorted) {
            String bundleFile = r.name() + "-bundle.zip";
            Path bundle = folder.resolve(bundleFile);
            bundles.write(r.suspect(), r.conversations(), bundle);
            String sha = sha256(bundle);
            Dossier dossier = r.dossier().of(bundleFile, sha);
            pdf.write(dossier, sender, folder.resolve(r.name() + ".pdf"));
            caseNodes.add(r.caseNode().of(bundleFile, sha));
            index.append(indexRow(r, r.name(), sha));
            written.add(new Written(r, r.name() + ".pdf", bundleFile, sha, dossier));
        }
        Files.writeString(folder.resolve("index.csv"), index, StandardCharsets.UTF_8);
        String name = folder.getFileName().toString();
        CaseExport.write(new CaseExport.Investigation("Sweetie referral " + name + ", case "
                + sender.caseReference(), "Online sexual solicitation of children and webcam child sex abuse",
                sender.made(), Instant.now(), caseNodes), folder.resolve("case.jsonld"));
        if (name.equals(Routing.UNASSIGNED)) {
            Files.writeString(folder.resolve("README.txt"), unassignedReadme(sender), StandardCharsets.UTF_8);
        }
        return written;
    }

    static String unassignedReadme(Sender sender) {
        return """
                SUSPECTS NOT ASSIGNED TO A COUNTRY: FOR THE SENDING ORGANISATION'S OWN TRIAGE. NOT TO BE SENT AS IT IS.

                Sweetie could not tell, with enough confidence, in which country these suspects are: nothing in
                their conversations pointed to a country, or only weak clues did (such as the language they write,
                which many countries share). Each dossier's "Country" section shows the best guess and its clues.

                This folder is not a referral to any police force. It is for the sending organisation's analysts:
                look for the suspect's country in what he revealed (the identifiers, each with the message it came
                from), then refer the suspect's dossier and bundle to that country, or pass them on through an
                international channel (for example Interpol's, through your country's national central bureau).

                Organisation: %s
                Contact: %s
                Case reference: %s
                Made: %s
                """.formatted(sender.organisation(), sender.contact(), sender.caseReference(),
                Words.time(sender.made()));
    }

    static String summary(HeadlineTable table) {
        StringBuilder s = new StringBuilder(
                "Sweetie referral packages. For law enforcement only; not for publication.\n\n");
        s.append(String.format("%-10s %10s %13s %6s %11s %9s%n", "country", "contacts", "solicitation", "WCST",
                "identified", "referred"));
        List<HeadlineTable.Row> rows = new ArrayList<>(table.rows());
        rows.add(table.total());
        for (HeadlineTable.Row row : rows) {
            Headline h = row.headline();
            s.append(String.format("%-10s %10d %13d %6d %11d %9d%n", row.folder(), h.contacts(), h.solicitation(),
                    h.wcst(), h.identified(), row.referred()));
        }
        s.append("\ncontacts: suspects (people behind one or more partner accounts) who talked to a persona;\n"
                + "solicitation / WCST: of them, those whose conversations qualified (docs/analysis.md);\n"
                + "identified: of them, those at identification level 'identified' (docs/referrals.md);\n"
                + "referred: the dossiers and bundles in this package (qualified suspects at or above --min-level);\n"
                + "unassigned: suspects no country could be attributed to with enough confidence: for the\n"
                + "sender's own triage (unassigned/README.txt), never sent as it is.\n");
        return s.toString();
    }

    private static String sha256(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[65536];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** A row of index.csv; every text cell goes through {@link #csv}, not only the ones a partner names. */
    static String indexRow(Referral r, String name, String bundleSha256) {
        return String.join(",", String.valueOf(r.priority()), String.valueOf(r.suspect()), csv(r.level()),
                csv(r.qualification()), csv(String.join("; ", r.accounts())), String.valueOf(r.identifiers()),
                csv(name + ".pdf"), csv(name + "-bundle.zip"), csv(bundleSha256)) + "\n";
    }

    /**
     * A CSV field (RFC 4180) that stays text in any spreadsheet and any locale. Account names come from chat
     * partners: wherever a cell could begin with = + - @ tab or CR, at the start or after any {@link #CELL_BREAK},
     * a single quote goes in front of it, and the field is quoted (OWASP's advice for CSV injection).
     */
    static String csv(String value) {
        StringBuilder safe = new StringBuilder(value.length() + 8);
        boolean neutralised = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (FORMULA_START.indexOf(c) >= 0 && (i == 0 || CELL_BREAK.indexOf(value.charAt(i - 1)) >= 0)) {
                safe.append('\'');
                neutralised = true;
            }
            safe.append(c);
        }
        boolean quote = neutralised || safe.chars().anyMatch(c -> ",;\"\t\r\n".indexOf(c) >= 0);
        return quote ? "\"" + safe.toString().replace("\"", "\"\"") + "\"" : safe.toString();
    }
}
