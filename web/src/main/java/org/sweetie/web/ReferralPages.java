package org.sweetie.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.sweetie.analysis.Analyzer;
import org.sweetie.core.ConversationStore;
import org.sweetie.evidence.AuditEvent;
import org.sweetie.evidence.AuditTrail;
import org.sweetie.evidence.BundleLimits;
import org.sweetie.evidence.BundleVerifier;
import org.sweetie.evidence.EvidenceLog;
import org.sweetie.identity.Level;
import org.sweetie.referral.Referrals;
import org.sweetie.referral.Routing;
import org.sweetie.referral.Sender;
import org.sweetie.web.access.Session;
import org.sweetie.web.view.ReferralList;
import org.sweetie.web.view.Shown;

/**
 * Referral packages built from the console, listed and downloaded, and evidence bundles uploaded and verified: the
 * same operations as {@code sweetie referrals} and {@code sweetie verify}. Packages are written under the console's
 * working folder; links name a package by its id and a file by its path in the package, never by chat content.
 */
final class ReferralPages {
    /** The largest bundle the console accepts for verification. */
    static final long MAX_UPLOAD = 256L << 20;
    private static final Pattern ID = Pattern.compile("\\d{8}-\\d{6}-[0-9a-f]{8}");
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter REFERENCE = DateTimeFormatter.ofPattern("'SWEETIE-'uuuuMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final ConversationStore store;
    private final EvidenceLog evidence;
    private final Analyzer analyzer;
    private final AuditTrail audit;
    private final Access access;
    private final Views views;
    private final Clock clock;
    private final Path packages;
    private final Path uploads;
    private final SecureRandom random = new SecureRandom();

    ReferralPages(ConsoleServices services, AuditTrail audit, Access access, Views views, Path work)
            throws IOException {
        this.store = services.store();
        this.evidence = services.evidence();
        this.analyzer = services.analyzer();
        this.clock = services.clock();
        this.audit = audit;
        this.access = access;
        this.views = views;
        this.packages = Files.createDirectories(work.resolve("referrals"));
        this.uploads = Files.createDirectories(work.resolve("uploads"));
    }

    Path uploads() {
        return uploads;
    }

    void list(Context ctx) throws IOException {
        render(ctx, new ReferralList.Form("", "anonymous", "0.30", "", "", ""), "", null);
    }

    void build(Context ctx) throws IOException {
        Session session = Access.session(ctx);
        ReferralList.Form form = new ReferralList.Form(field(ctx, "country"), field(ctx, "minLevel"),
                field(ctx, "minConfidence"), field(ctx, "organisation"), field(ctx, "contact"),
                field(ctx, "caseReference"));
        Instant now = clock.instant();
        Referrals.Settings settings;
        try {
            settings = settings(form, now);
        } catch (IllegalArgumentException e) {
            ctx.status(400);
            render(ctx, form, e.getMessage(), null);
            return;
        }
        String id = ID_TIME.format(now) + "-" + HexFormat.of().formatHex(randomBytes());
        Path out = packages.resolve(id);
        Referrals.Outcome outcome = Referrals.writeVerified(store, evidence, analyzer, settings, out);
        Properties about = new Properties();
        about.setProperty("made", now.toString());
        about.setProperty("user", session.user());
        about.setProperty("case", settings.sender().caseReference());
        about.setProperty("country", settings.onlyFolder() == null ? "all" : settings.onlyFolder());
        try (OutputStream o = Files.newOutputStream(packages.resolve(id + ".properties"))) {
            about.store(o, "who built this package in the console");
        }
        audit.record(new AuditEvent(now, session.user(), "referral", "referral package " + id, access.address(ctx),
                "case " + settings.sender().caseReference() + ", " + about.getProperty("country") + ": "
                        + outcome.referred().size() + " referred in " + outcome.folders() + " folder(s)"));
        session.flash("Package " + id + " built: " + outcome.referred().size() + " suspect(s) referred in "
                + outcome.folders() + " folder(s); all " + outcome.bundles().size() + " bundles verify.");
        ctx.redirect("/referrals", HttpStatus.SEE_OTHER);
    }

    /** The whole package as one zip, or one of its files when {@code file} names one. */
    void download(Context ctx) throws IOException {
        Session session = Access.session(ctx);
        String id = ctx.pathParam("id");
        Path folder = packageFolder(id);
        List<String> files = files(folder);
        String file = ctx.queryParam("file");
        if (file != null && !files.contains(file)) {
            throw new NotFoundResponse();
        }
        audit.record(new AuditEvent(clock.instant(), session.user(), "download", "referral package " + id,
                access.address(ctx), file == null ? "the package as a zip" : file));
        if (file != null) {
            Path path = folder.resolve(file);
            ctx.header("Content-Disposition", "attachment; filename=\"" + path.getFileName() + "\"");
            ctx.contentType(type(file));
            ctx.result(Files.newInputStream(path));
            return;
        }
        ctx.header("Content-Disposition", "attachment; filename=\"sweetie-referral-" + id + ".zip\"");
        ctx.contentType("application/zip");
        try (ZipOutputStream zip = new ZipOutputStream(ctx.outputStream())) {
            for (String name : files) {
                zip.putNextEntry(new ZipEntry(id + "/" + name));
                Files.copy(folder.resolve(name), zip);
                zip.closeEntry();
            }
        }
    }

    /** An uploaded bundle, kept in a temporary file only while the verifier reads it. */
    void verify(Context ctx) throws IOException {
        Session session = Access.session(ctx);
        UploadedFile upload = ctx.uploadedFile("bundle");
        if (upload == null || upload.size() == 0) {
            ctx.status(400);
            render(ctx, null, "Choose a bundle (a .zip file) to verify.", null);
            return;
        }
        Path temporary = Files.createTempFile(uploads, "bundle-", ".zip");
        String sha256;
        ReferralList.Verified verified;
        try {
            try (InputStream in = new DigestInputStream(upload.content(), sha256())) {
                Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
                sha256 = HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
            }
            Shown name = Shown.of(upload.filename() == null ? "bundle" : upload.filename());
            try {
                BundleVerifier.Report report = BundleVerifier.verify(temporary, BundleLimits.DEFAULT);
                verified = new ReferralList.Verified(name, true, report.summary());
            } catch (BundleVerifier.BundleException e) {
                verified = new ReferralList.Verified(name, false, "FAILED: " + e.getMessage());
            } catch (IOException e) {
                verified = new ReferralList.Verified(name, false, "FAILED: cannot be read as a zip ("
                        + e.getMessage() + ")");
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
        audit.record(new AuditEvent(clock.instant(), session.user(), "verify", "bundle sha256:" + sha256,
                access.address(ctx), verified.ok() ? verified.report().lines().findFirst().orElse("OK")
                        : verified.report()));
        render(ctx, null, "", verified);
    }

    private void render(Context ctx, ReferralList.Form form, String error, ReferralList.Verified verified)
            throws IOException {
        ReferralList.Form shown = form != null ? form
                : new ReferralList.Form("", "anonymous", "0.30", "", "", "");
        views.render(ctx, "referrals", Views.frame(Access.session(ctx), "Referrals", Page.REFERRALS),
                new ReferralList(shown, error, built(), verified));
    }

    private Referrals.Settings settings(ReferralList.Form form, Instant now) {
        Level min;
        try {
            min = Level.valueOf(form.minLevel().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Minimum level: anonymous, reachable, named or identified, not '"
                    + form.minLevel() + "'.");
        }
        double confidence;
        try {
            confidence = Double.parseDouble(form.minConfidence());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Minimum confidence: a number above 0 and at most 1, not '"
                    + form.minConfidence() + "'.");
        }
        String country = form.country().isEmpty() ? null : form.country();
        if (country != null && !country.matches("[A-Za-z]{2}") && !country.equalsIgnoreCase(Routing.UNASSIGNED)) {
            throw new IllegalArgumentException("Country: a two-letter code (ISO 3166-1) or 'unassigned', not '"
                    + country + "'.");
        }
        Sender sender = new Sender(form.organisation(), form.contact(), form.caseReference().isEmpty()
                ? REFERENCE.format(now) : form.caseReference(), now);
        return new Referrals.Settings(sender, new Routing(confidence), min, country == null ? null
                : country.toLowerCase(Locale.ROOT).equals(Routing.UNASSIGNED) ? Routing.UNASSIGNED
                        : country.toUpperCase(Locale.ROOT));
    }

    /** The packages built so far, newest first. */
    private List<ReferralList.Package> built() throws IOException {
        List<ReferralList.Package> found = new ArrayList<>();
        try (Stream<Path> entries = Files.list(packages)) {
            for (Path folder : entries.filter(Files::isDirectory)
                    .filter(p -> ID.matcher(p.getFileName().toString()).matches()).sorted().toList().reversed()) {
                String id = folder.getFileName().toString();
                Properties about = new Properties();
                Path properties = packages.resolve(id + ".properties");
                if (Files.exists(properties)) {
                    try (InputStream in = Files.newInputStream(properties)) {
                        about.load(in);
                    }
                }
                Path summary = folder.resolve("summary.txt");
                found.add(new ReferralList.Package(id, about.getProperty("made", ""), about.getProperty("user", ""),
                        about.getProperty("case", ""), about.getProperty("country", ""),
                        Files.exists(summary) ? Files.readString(summary, StandardCharsets.UTF_8) : "", files(folder)));
            }
        }
        return found;
    }

    private Path packageFolder(String id) {
        if (!ID.matcher(id).matches() || !Files.isDirectory(packages.resolve(id))) {
            throw new NotFoundResponse();
        }
        return packages.resolve(id);
    }

    /** The package's files as paths relative to it, with '/' between folders; a download must name one of them. */
    private static List<String> files(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).map(p -> folder.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    private static String type(String file) {
        if (file.endsWith(".pdf")) {
            return "application/pdf";
        }
        if (file.endsWith(".zip")) {
            return "application/zip";
        }
        // a download, never shown in the console's origin: the pages of a package are for the recipient's browser
        return "application/octet-stream";
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[4];
        random.nextBytes(bytes);
        return bytes;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private static String field(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value.strip();
    }
}
