package org.sweetie.evidence;

import java.time.Instant;
import java.util.Objects;

/**
 * Who did what, when, from where: one line of the audit (docs/console.md). It names what was looked at or decided on
 * by its id only ("conversation 12", "suspect 3"), never by its content, so that reading the audit shows no chat.
 *
 * @param user the console user, or the command line's "cli:OS-USER"; for a failed login, the name that was tried
 * @param action login, login_failed, logout, view_transcript, view_suspect, decision, export, download, user_added,
 *     user_disabled
 * @param object what the action was on ("conversation 12", "suspect 3", "user bob"), or ""
 * @param address the client's address, or "" on the command line
 * @param detail more, in words: why a login failed, which decision
 */
public record AuditEvent(Instant time, String user, String action, String object, String address, String detail) {
    public AuditEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(action, "action");
        object = object == null ? "" : object;
        address = address == null ? "" : address;
        detail = detail == null ? "" : detail;
    }
}
