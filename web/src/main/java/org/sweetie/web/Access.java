package org.sweetie.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.SameSite;
import org.sweetie.core.User;
import org.sweetie.web.access.Session;
import org.sweetie.web.access.Sessions;
import org.sweetie.web.access.Users;

/**
 * What every request passes first: the security headers, the session (from its cookie, ended when idle or when its
 * user was disabled), the CSRF token of every POST, and the login. Then each route checks its page's roles.
 */
final class Access {
    static final String COOKIE = "sweetie_session";
    static final String CSRF_FIELD = "_csrf";
    private static final String SESSION = "sweetie.session";
    /** No inline script or style, no eval, nothing from elsewhere, never in a frame. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

    private final Sessions sessions;
    private final Users users;
    private final Views views;
    private final boolean behindProxy;

    Access(Sessions sessions, Users users, Views views, boolean behindProxy) {
        this.sessions = sessions;
        this.users = users;
        this.views = views;
        this.behindProxy = behindProxy;
    }

    void before(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
        if (ctx.path().startsWith("/static/") || ctx.path().equals("/favicon.ico")) {
            return;
        }
        ctx.header("Cache-Control", "no-store");
        Session session = sessions.find(ctx.cookie(COOKIE)).orElse(null);
        if (session != null && session.loggedIn() && users.find(session.user()).filter(User::enabled).isEmpty()) {
            sessions.endAllOf(session.user());
            session = null;
        }
        ctx.attribute(SESSION, session);
        if (ctx.method() == HandlerType.POST && (session == null || !session.acceptsToken(ctx.formParam(CSRF_FIELD)))) {
            views.problem(ctx, session, 403, "Form refused", "This form has expired or did not come from this "
                    + "console. Open the page again and repeat what you did.");
            ctx.skipRemainingHandlers();
            return;
        }
        if ((session == null || !session.loggedIn()) && !ctx.path().equals("/login")) {
            ctx.redirect("/login");
            ctx.skipRemainingHandlers();
        }
    }

    /** The route's handler, run only for a role its page allows; others get 403. */
    Handler only(Page page, Handler handler) {
        return ctx -> {
            Session session = session(ctx);
            if (session == null || !page.allows(session.role())) {
                views.problem(ctx, session, 403, "Not for your role", "Your role (" + (session == null ? "none"
                        : session.role().key()) + ") may not open this page.");
                return;
            }
            handler.handle(ctx);
        };
    }

    static Session session(Context ctx) {
        return ctx.attribute(SESSION);
    }

    /** Hands the browser its session cookie: HttpOnly, SameSite=Strict, Secure over TLS. */
    void giveCookie(Context ctx, Session session) {
        ctx.cookie(new Cookie(COOKIE, session.id(), "/", -1, secure(ctx), true, null, SameSite.STRICT));
        ctx.attribute(SESSION, session);
    }

    void takeCookie(Context ctx) {
        ctx.cookie(new Cookie(COOKIE, "", "/", 0, secure(ctx), true, null, SameSite.STRICT));
    }

    /** Whether the request came over TLS: to this server, or to the trusted proxy in front of it. */
    boolean secure(Context ctx) {
        if ("https".equalsIgnoreCase(ctx.scheme())) {
            return true;
        }
        return behindProxy && "https".equalsIgnoreCase(stripped(ctx.header("X-Forwarded-Proto")));
    }

    /** The client's address: the one the trusted proxy saw (the last X-Forwarded-For hop), else the peer's. */
    String address(Context ctx) {
        String forwarded = ctx.header("X-Forwarded-For");
        if (behindProxy && forwarded != null && !forwarded.isBlank()) {
            String[] hops = forwarded.split(",");
            return hops[hops.length - 1].strip();
        }
        return ctx.ip();
    }

    private static String stripped(String value) {
        return value == null ? "" : value.strip();
    }
}
