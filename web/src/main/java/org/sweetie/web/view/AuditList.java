package org.sweetie.web.view;

import java.util.List;

/**
 * The audit page: the newest events first, at most a page of them.
 *
 * @param user the user asked for, or ""
 * @param since the duration asked for, as typed, or ""
 * @param total how many events passed the filter (more than shown when the list was cut)
 */
public record AuditList(List<Row> rows, String user, String since, int total, String error) {
    public AuditList {
        rows = List.copyOf(rows);
    }

    /** One event; the user is as typed at a failed login, so it is {@link Shown}. */
    public record Row(String time, Shown user, String action, String object, String address, Shown detail) {
    }
}
