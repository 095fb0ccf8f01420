package org.sweetie.web;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.sweetie.core.Role;

/**
 * The console's pages and who may open them, in menu order. A role's first page is where it lands after login.
 * Every route belongs to a page and takes its roles from it, so a page's rights are written once.
 */
enum Page {
    CONVERSATIONS("/conversations", "Conversations", Role.OPERATOR, Role.ANALYST, Role.SUPERVISOR),
    DESK("/desk", "Desk", Role.OPERATOR, Role.SUPERVISOR),
    SUSPECTS("/suspects", "Suspects", Role.ANALYST, Role.SUPERVISOR),
    REFERRALS("/referrals", "Referrals", Role.ANALYST, Role.SUPERVISOR),
    DASHBOARD("/dashboard", "Dashboard", Role.SUPERVISOR, Role.ANALYST),
    USERS("/users", "Users", Role.ADMIN),
    AUDIT("/audit", "Audit", Role.SUPERVISOR, Role.ADMIN);

    final String path;
    final String title;
    private final Set<Role> roles;

    Page(String path, String title, Role first, Role... more) {
        this.path = path;
        this.title = title;
        this.roles = EnumSet.of(first, more);
    }

    boolean allows(Role role) {
        return role != null && roles.contains(role);
    }

    /** Where a role lands: the first page it may open. */
    static Optional<Page> firstFor(Role role) {
        for (Page page : values()) {
            if (page.allows(role)) {
                return Optional.of(page);
            }
        }
        return Optional.empty();
    }
}
