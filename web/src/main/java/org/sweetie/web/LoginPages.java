package org.sweetie.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.sweetie.web.access.Login;
import org.sweetie.web.access.Session;
import org.sweetie.web.access.Sessions;

/** Login, logout, and the landing page of each role. */
final class LoginPages {
    private final Login login;
    private final Sessions sessions;
    private final Access access;
    private final Views views;

    LoginPages(Login login, Sessions sessions, Access access, Views views) {
        this.login = login;
        this.sessions = sessions;
        this.access = access;
        this.views = views;
    }

    /** The form, with a session (not logged in) that carries its CSRF token. */
    void form(Context ctx) {
        Session session = Access.session(ctx);
        if (session != null && session.loggedIn()) {
            ctx.redirect("/");
            return;
        }
        if (session == null) {
            session = sessions.anonymous();
            access.giveCookie(ctx, session);
        }
        show(ctx, session, null);
    }

    void submit(Context ctx) {
        Session session = Access.session(ctx);
        if (session.loggedIn()) {
            ctx.redirect("/", HttpStatus.SEE_OTHER);
            return;
        }
        String password = ctx.formParam("password");
        switch (login.attempt(ctx.formParam("username"), password == null ? new char[0] : password.toCharArray(),
                access.address(ctx))) {
            case Login.Outcome.Welcome welcome -> {
                access.giveCookie(ctx, sessions.signIn(session, welcome.user()));
                ctx.redirect("/", HttpStatus.SEE_OTHER);
            }
            case Login.Outcome.Refused refused -> {
                ctx.status(HttpStatus.UNAUTHORIZED);
                show(ctx, session, "Wrong name or password.");
            }
            case Login.Outcome.Wait wait -> {
                long seconds = Math.max(1, wait.duration().toSeconds());
                ctx.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", Long.toString(seconds));
                show(ctx, session, "Too many failed logins: try again in " + seconds + " seconds.");
            }
        }
    }

    void logout(Context ctx) {
        Session session = Access.session(ctx);
        login.logout(session.user(), access.address(ctx));
        sessions.end(session);
        access.takeCookie(ctx);
        ctx.redirect("/login", HttpStatus.SEE_OTHER);
    }

    /** The role's first page. */
    void home(Context ctx) {
        Session session = Access.session(ctx);
        Page.firstFor(session.role()).ifPresentOrElse(page -> ctx.redirect(page.path),
                () -> views.problem(ctx, session, 403, "No page", "Your role has no page in this console."));
    }

    private void show(Context ctx, Session session, String error) {
        views.render(ctx, "login", Views.frame(session, "Log in", null), error == null ? "" : error);
    }
}
