package org.sweetie.referral;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The referral packages for the authorities: one folder per attributed country (and {@code unknown}), each with a
 * dossier (PDF) and an evidence bundle per suspect, an index sorted by priority with each bundle's SHA-256, and the
 * CASE/UCO 1.4 JSON-LD of the country's referrals (case.jsonld); at the top a summary with
 * Sweetie 1.0's headline table (contacts, solicitation, WCST, identified) by country.
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

    /** One suspect to refer: the row of the index and the files that go with it. */
    public record Referral(int suspect, String country, String level, int priority, String qualification,
                           String accounts, int identifiers, Dossier dossier, CaseNode caseNode) {
    }

    /** The suspect's part of the CASE/UCO export, once the bundle (and so its hash) is written. */
    @FunctionalInterface
    public interface CaseNode {
        CaseExport.SuspectNode of(String bundleFile, String bundleSha256);
    }

    /** Makes the evidence bundle of a suspect's conversations at the given path. */
    @FunctionalInterface
    public interface Bundles {
        void write(int suspect, Path file) throws IOException;
    }

    /** Counts for the headline table, per country of the partner. */
    public record Headline(int contacts, int solicitation, int wcst, int identified) {
        Headline plus(Headline o) {
            return new Headline(contacts + o.contacts, solicitation + o.solicitation, wcst + o.wcst,
                    identified + o.identified);
        }
    }

    private ReferralPackage() {
    }

    /** Writes the packages; returns the bundle files written (for verification). */
    public static List<Path> write(Path out, List<Referral> referrals, Map<String, Headline> headlines,
                                   Bundles bundles, java.time.Instant started) throws IOException {
        Files.createDirectories(out);
        Map<String, List<Referral>> byCountry = new TreeMap<>();
        referrals.forEach(r -> byCountry.computeIfAbsent(r.country(), c -> new ArrayList<>()).add(r));
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, List<Referral>> country : byCountry.entrySet()) {
            Path folder = Files.createDirectories(out.resolve(country.getKey()));
            List<Referral> sorted = country.getValue().stream()
                    .sorted(Comparator.comparingInt(Referral::priority).reversed()
                            .thenComparingInt(Referral::suspect)).toList();
            StringBuilder index = new StringBuilder("priority,suspect,level,qualification,accounts,identifiers,"
                    + "dossier,bundle,bundle_sha256\n");
            List<CaseExport.SuspectNode> caseNodes = new ArrayList<>();
            for (Referral r : sorted) {
                String name = String.format("suspect-%05d", r.suspect());
                DossierPdf.write(r.dossier(), folder.resolve(name + ".pdf"));
                Path bundle = folder.resolve(name + "-bundle.zip");
                bundles.write(r.suspect(), bundle);
                written.add(bundle);
                String sha = sha256(bundle);
                caseNodes.add(r.caseNode().of(bundle.getFileName().toString(), sha));
                index.append(indexRow(r, name, sha));
            }
            Files.writeString(folder.resolve("index.csv"), index, StandardCharsets.UTF_8);
            CaseExport.write(new CaseExport.Investigation("Sweetie referral " + country.getKey(),
                    "Online sexual solicitation of children and webcam child sex abuse", started,
                    java.time.Instant.now(), caseNodes), folder.resolve("case.jsonld"));
        }
        Files.writeString(out.resolve("summary.txt"), summary(headlines, byCountry), StandardCharsets.UTF_8);
        return written;
    }

    static String summary(Map<String, Headline> headlines, Map<String, List<Referral>> referred) {
        StringBuilder s = new StringBuilder("Sweetie referral packages. For law enforcement only; not for publication.\n\n");
        s.append(String.format("%-10s %10s %13s %6s %11s %9s%n", "country", "contacts", "solicitation", "WCST",
                "identified", "referred"));
        Headline total = new Headline(0, 0, 0, 0);
        int referredTotal = 0;
        for (Map.Entry<String, Headline> row : new TreeMap<>(headlines).entrySet()) {
            Headline h = row.getValue();
            int n = referred.getOrDefault(row.getKey(), List.of()).size();
            s.append(String.format("%-10s %10d %13d %6d %11d %9d%n", row.getKey(), h.contacts(), h.solicitation(),
                    h.wcst(), h.identified(), n));
            total = total.plus(h);
            referredTotal += n;
        }
        s.append(String.format("%-10s %10d %13d %6d %11d %9d%n", "all", total.contacts(), total.solicitation(),
                total.wcst(), total.identified(), referredTotal));
        s.append("\ncontacts: suspects (people behind one or more partner accounts) who talked to a persona;\n"
                + "solicitation / WCST: of them, those whose conversations qualified (docs/analysis.md);\n"
                + "identified: of them, those at identification level 'identified' (docs/referrals.md);\n"
                + "referred: the dossiers and bundles in this package (qualified suspects at or above --min-level).\n");
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
                csv(r.qualification()), csv(r.accounts()), String.valueOf(r.identifiers()), csv(name + ".pdf"),
                csv(name + "-bundle.zip"), csv(bundleSha256)) + "\n";
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
