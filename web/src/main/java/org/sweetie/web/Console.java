package org.sweetie.web;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.staticfiles.Location;
import io.javalin.config.SizeUnit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.List;
import org.sweetie.core.Printable;
import org.sweetie.evidence.AuditTrail;
import org.sweetie.analysis.CountryBook;
import org.sweetie.identity.SuspectBook;
import org.sweetie.web.access.Login;
import org.sweetie.web.access.LoginThrottle;
import org.sweetie.web.access.Passwords;
import org.sweetie.web.access.Sessions;
import org.sweetie.web.access.Users;

/**
 * The web console (docs/console.md): a Javalin server over the store, with users, roles, sessions, the audit and
 * the analysts' workbench. Start it, read its port, close it.
 */
public final class Console implements AutoCloseable {
    private final Javalin app;
    private final java.util.concurrent.ScheduledExecutorService pings;
    /** Reads the store ahead of the first views; stopped by {@link #close}. */
    private Thread warmUp;
    private volatile boolean closed;

    private Console(Javalin app, java.util.concurrent.ScheduledExecutorService pings) {
        this.app = app;
        this.pings = pings;
    }

    /** A route: a method and path, the page whose roles may use it, and what it does. */
    private record Route(HandlerType method, String path, Page page, Handler handler) {
    }

    public static Console start(ConsoleServices services, ConsoleOptions options) {
        return start(services, options, LiveDesk.NONE);
    }

    /** The console beside a live deployment: its desk is live (docs/console.md, "The operators' desk"). */
    public static Console start(ConsoleServices services, ConsoleOptions options, LiveDesk desk) {
        AuditTrail audit = new AuditTrail(services.evidence());
        Users users = new Users(services.store().users(), new Passwords(), audit, services.clock());
        Sessions sessions = new Sessions(services.clock(), options.idle(), new SecureRandom());
        Views views = new Views();
        Access access = new Access(sessions, users, views, options.behindProxy());
        Login login = new Login(users, new LoginThrottle(services.clock()), audit, services.clock());
        LoginPages entry = new LoginPages(login, sessions, access, views);
        // the conversations' countries and the suspects, kept up to date from what changed: shared by the pages
        CountryBook countries = new CountryBook(services.store(), services.analyzer());
        SuspectBook book = new SuspectBook(services.store());
        ConversationPages conversations = new ConversationPages(services.store(), services.analyzer(), countries,
                audit, access, views, union(options.deskPersonas(), desk.personas()), services.clock());
        // one thread, so a conversation's changes reach the browsers in order; also the streams' pings
        var worker = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().factory());
        DeskPages deskPages = new DeskPages(services, desk, audit, access, views, worker);
        SuspectPages suspects = new SuspectPages(services.store(), book, services.evidence(), audit, access, views,
                services.clock());
        AuditPage auditPage = new AuditPage(audit, views, services.clock());
        UserPages userPages = new UserPages(users, sessions, access, views);
        DashboardPage dashboard = new DashboardPage(services.store(), book, countries, services.evidence(), views,
                deskPages);
        ReferralPages referrals;
        try {
            referrals = new ReferralPages(services, audit, access, views, options.work() != null ? options.work()
                    : Files.createTempDirectory("sweetie-console-"));
        } catch (IOException e) {
            throw new UncheckedIOException("the console's working folder cannot be made: " + e.getMessage(), e);
        }
        List<Route> routes = List.of(
                new Route(HandlerType.GET, "/conversations", Page.CONVERSATIONS, conversations::list),
                new Route(HandlerType.POST, "/conversations", Page.CONVERSATIONS, conversations::search),
                new Route(HandlerType.GET, "/conversations/{id}", Page.CONVERSATIONS, conversations::transcript),
                new Route(HandlerType.GET, "/desk", Page.DESK, deskPages::show),
                new Route(HandlerType.GET, "/desk/events", Page.DESK, deskPages.events()),
                new Route(HandlerType.GET, "/desk/{id}", Page.DESK, deskPages::chat),
                new Route(HandlerType.GET, "/desk/{id}/lines", Page.DESK, deskPages::newLines),
                new Route(HandlerType.POST, "/desk/{id}/takeover", Page.DESK, deskPages::takeOver),
                new Route(HandlerType.POST, "/desk/{id}/say", Page.DESK, deskPages::say),
                new Route(HandlerType.POST, "/desk/{id}/handback", Page.DESK, deskPages::handBack),
                new Route(HandlerType.POST, "/desk/drafts/{draft}", Page.DESK, deskPages::review),
                new Route(HandlerType.GET, "/suspects", Page.SUSPECTS, suspects::list),
                new Route(HandlerType.GET, "/suspects/{number}", Page.SUSPECTS, suspects::show),
                new Route(HandlerType.POST, "/suspects/{number}/decision", Page.SUSPECTS, suspects::decide),
                new Route(HandlerType.GET, "/referrals", Page.REFERRALS, referrals::list),
                new Route(HandlerType.POST, "/referrals", Page.REFERRALS, referrals::build),
                new Route(HandlerType.GET, "/referrals/{id}/download", Page.REFERRALS, referrals::download),
                new Route(HandlerType.POST, "/referrals/verify", Page.REFERRALS, referrals::verify),
                new Route(HandlerType.GET, "/dashboard", Page.DASHBOARD, dashboard::show),
                new Route(HandlerType.GET, "/audit", Page.AUDIT, auditPage::show),
                new Route(HandlerType.GET, "/users", Page.USERS, userPages::list),
                new Route(HandlerType.POST, "/users", Page.USERS, userPages::add),
                new Route(HandlerType.POST, "/users/disable", Page.USERS, userPages::disable));
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.host = options.bind();
            config.jetty.port = options.port();
            config.http.maxRequestSize = 64 * 1024; // forms; the one upload (a bundle to verify) is multipart
            config.jetty.multipartConfig.cacheDirectory(referrals.uploads().toString());
            config.jetty.multipartConfig.maxFileSize(ReferralPages.MAX_UPLOAD, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(ReferralPages.MAX_UPLOAD + 64 * 1024, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/web/static";
                files.location = Location.CLASSPATH;
            });
            // refused before anything reads it: a body larger than the largest bundle the console verifies
            config.routes.before(ctx -> {
                if (ctx.contentLength() > ReferralPages.MAX_UPLOAD + 64 * 1024) {
                    ctx.header("Connection", "close");
                    views.problem(ctx, null, 413, "Too large", "The console verifies bundles up to "
                            + (ReferralPages.MAX_UPLOAD >> 20) + " MiB; use 'sweetie verify' for larger ones.");
                    ctx.skipRemainingHandlers();
                }
            });
            config.routes.before(access::before);
            config.routes.get("/login", entry::form);
            config.routes.post("/login", entry::submit);
            config.routes.post("/logout", entry::logout);
            config.routes.get("/", entry::home);
            // browsers ask for it on their own; the console has none, and a 404 would be an error in their log
            config.routes.get("/favicon.ico", ctx -> ctx.status(204));
            for (Route r : routes) {
                add(config, r.method(), r.path(), access.only(r.page(), r.handler()));
            }
            config.routes.error(404, ctx -> views.problem(ctx, Access.session(ctx), 404, "Not found",
                    "There is no such page, or nothing with that number."));
            config.routes.exception(Exception.class, (e, ctx) -> {
                services.problems().accept("console: " + ctx.method() + " " + ctx.path() + ": "
                        + Printable.of(String.valueOf(e)));
                views.problem(ctx, Access.session(ctx), 500, "Something went wrong",
                        "The console could not show this page; the console's log says why.");
            });
        });
        app.start();
        worker.scheduleAtFixedRate(deskPages::ping, 15, 15, java.util.concurrent.TimeUnit.SECONDS);
        worker.scheduleWithFixedDelay(deskPages::watch, 1, 1, java.util.concurrent.TimeUnit.SECONDS);
        Console console = new Console(app, worker);
        // read the suspects and every conversation's country now, not on the first view: on a large store that is
        // the one slow read (docs/console.md, "Speed with a large store"); after it, changes are read as they come
        console.warmUp = Thread.ofVirtual().name("console-warm-up").start(() -> {
            try {
                dashboard.figures();
            } catch (RuntimeException e) {
                if (!console.closed) {
                    services.problems().accept("console: reading the store ahead failed: "
                            + Printable.of(String.valueOf(e)));
                }
            }
        });
        return console;
    }

    private static java.util.Set<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        java.util.Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static void add(JavalinConfig config, HandlerType method, String path, Handler handler) {
        if (method == HandlerType.GET) {
            config.routes.get(path, handler);
        } else {
            config.routes.post(path, handler);
        }
    }

    /** The port the console listens on (the one given, or the free one chosen for port 0). */
    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        closed = true;
        pings.shutdownNow();
        app.stop();
        if (warmUp != null) {
            warmUp.interrupt();
        }
    }
}
