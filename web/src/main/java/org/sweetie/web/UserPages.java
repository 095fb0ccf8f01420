package org.sweetie.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Arrays;
import java.util.List;
import org.sweetie.core.Role;
import org.sweetie.core.User;
import org.sweetie.web.access.Actor;
import org.sweetie.web.access.Session;
import org.sweetie.web.access.Sessions;
import org.sweetie.web.access.Users;
import org.sweetie.web.view.UserList;

/** The admin's users page: list, add, disable; through the same use case as {@code sweetie users}. */
final class UserPages {
    private final Users users;
    private final Sessions sessions;
    private final Access access;
    private final Views views;

    UserPages(Users users, Sessions sessions, Access access, Views views) {
        this.users = users;
        this.sessions = sessions;
        this.access = access;
        this.views = views;
    }

    void list(Context ctx) {
        show(ctx, "");
    }

    void add(Context ctx) {
        Session session = Access.session(ctx);
        String password = ctx.formParam("password");
        String again = ctx.formParam("again");
        if (password == null || !password.equals(again)) {
            ctx.status(HttpStatus.BAD_REQUEST);
            show(ctx, "The two passwords differ.");
            return;
        }
        Role role = Role.of(ctx.formParam("role")).orElse(null);
        if (role == null) {
            ctx.status(HttpStatus.BAD_REQUEST);
            show(ctx, "Choose a role.");
            return;
        }
        char[] secret = password.toCharArray();
        try {
            User user = users.add(actor(ctx, session), ctx.formParam("name"), role, secret);
            session.flash("Added " + user.name() + " (" + role.key() + ").");
            ctx.redirect("/users", HttpStatus.SEE_OTHER);
        } catch (IllegalArgumentException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            show(ctx, capitalised(e.getMessage()) + ".");
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    void disable(Context ctx) {
        Session session = Access.session(ctx);
        String name = ctx.formParam("name");
        if (session.user().equals(name)) {
            ctx.status(HttpStatus.BAD_REQUEST);
            show(ctx, "You cannot disable yourself: another admin can.");
            return;
        }
        try {
            users.disable(actor(ctx, session), name);
            sessions.endAllOf(name);
            session.flash("Disabled " + name + ".");
            ctx.redirect("/users", HttpStatus.SEE_OTHER);
        } catch (IllegalArgumentException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            show(ctx, capitalised(e.getMessage()) + ".");
        }
    }

    private void show(Context ctx, String error) {
        Session session = Access.session(ctx);
        List<UserList.Row> rows = users.all().stream().map(u -> new UserList.Row(u.name(), u.role().key(),
                ConversationPages.TIME.format(u.createdAt()),
                u.enabled() ? "" : ConversationPages.TIME.format(u.disabledAt()), u.enabled(),
                u.name().equals(session.user()))).toList();
        List<String> roles = Arrays.stream(Role.values()).map(Role::key).toList();
        views.render(ctx, "users", Views.frame(session, "Users", Page.USERS),
                new UserList(rows, roles, error, Users.MIN_PASSWORD));
    }

    private Actor actor(Context ctx, Session session) {
        return new Actor(session.user(), access.address(ctx));
    }

    private static String capitalised(String message) {
        return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }
}
