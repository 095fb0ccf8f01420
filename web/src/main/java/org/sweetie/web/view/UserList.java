package org.sweetie.web.view;

import java.util.List;

/** The users page: every user, and the form to add one. */
public record UserList(List<Row> rows, List<String> roles, String error, int minPassword) {
    public UserList {
        rows = List.copyOf(rows);
        roles = List.copyOf(roles);
    }

    public record Row(String name, String role, String created, String disabled, boolean enabled, boolean self) {
    }
}
