package org.sweetie.web.view;

import java.util.List;

/**
 * What every page shows around its content: its title, who is logged in, the pages their role may open, the form
 * token for the logout button, and a message left by the last action.
 *
 * @param user the user's name, or null on the login page
 * @param flash a message for this page, or null
 */
public record Frame(String title, String user, String role, List<MenuLink> menu, String csrf, String flash) {
    public Frame {
        menu = List.copyOf(menu);
    }

    /** A page in the menu; {@code current} when it is the one shown. */
    public record MenuLink(String path, String title, boolean current) {
    }
}
