package org.sweetie.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sweetie.web.access.Session;
import org.sweetie.web.view.Frame;

/**
 * Renders pages with jte, compiled at build time, in HTML mode: every value is escaped for where it stands (element,
 * attribute), so nothing a partner wrote can become markup.
 */
final class Views {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    /** Renders a template with the frame and the page's own model. */
    void render(Context ctx, String template, Frame frame, Object page) {
        render(ctx, template, frame, page, Map.of());
    }

    /** With more of the template's parameters than the frame and the page. */
    void render(Context ctx, String template, Frame frame, Object page, Map<String, Object> more) {
        StringOutput out = new StringOutput();
        Map<String, Object> params = new java.util.HashMap<>(more);
        params.put("frame", frame);
        params.put("page", page);
        engine.render(template + ".jte", params, out);
        // the charset said, never sniffed: a browser guessing another encoding could read markup into escaped text
        ctx.contentType("text/html; charset=utf-8").result(out.toString());
    }

    /** The frame of a page for this session (null: nobody logged in). */
    static Frame frame(Session session, String title, Page current) {
        if (session == null || !session.loggedIn()) {
            return new Frame(title, null, null, List.of(), session == null ? "" : session.csrf(), null);
        }
        List<Frame.MenuLink> menu = new ArrayList<>();
        for (Page page : Page.values()) {
            if (page.allows(session.role())) {
                menu.add(new Frame.MenuLink(page.path, page.title, page == current));
            }
        }
        return new Frame(title, session.user(), session.role().key(), menu, session.csrf(), session.takeFlash());
    }

    /** A page that says why it cannot show what was asked (403, 404, ...). */
    void problem(Context ctx, Session session, int status, String title, String why) {
        ctx.status(status);
        render(ctx, "problem", frame(session, title, null), why);
    }
}
