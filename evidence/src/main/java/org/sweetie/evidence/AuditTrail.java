package org.sweetie.evidence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.sweetie.core.EvidenceStorage;

/**
 * The audit: every login, every view of a transcript or a suspect, every decision, export and download, as entries
 * of the evidence log (kind {@code audit}), so that who looked at what is as tamper-evident as what was captured.
 */
public final class AuditTrail {
    private final EvidenceLog log;

    public AuditTrail(EvidenceLog log) {
        this.log = log;
    }

    /** Appends the event to the evidence log and commits it. */
    public void record(AuditEvent event) {
        log.record(Entries.audit(event), null);
    }

    /**
     * The events at or after {@code since} (null: all) by {@code user} (null: anyone), oldest first.
     *
     * @throws IllegalStateException when an audit entry in the log is not one (the log was tampered with)
     */
    public List<AuditEvent> read(Instant since, String user) {
        List<AuditEvent> found = new ArrayList<>();
        for (EvidenceStorage.Record record : log.storage().entriesOfKind(Entries.AUDIT)) {
            AuditEvent event = decode(record);
            if ((since == null || !event.time().isBefore(since)) && (user == null || event.user().equals(user))) {
                found.add(event);
            }
        }
        return found;
    }

    private static AuditEvent decode(EvidenceStorage.Record record) {
        try {
            Entry e = EntryEncoding.decode(record.body());
            return new AuditEvent(Instant.parse(e.get("time")), e.get("user"), e.get("action"), e.get("object"),
                    e.get("address"), e.get("detail"));
        } catch (EntryEncoding.MalformedEntryException | RuntimeException e) {
            throw new IllegalStateException("evidence entry " + record.index() + " is not an audit entry: "
                    + e.getMessage(), e);
        }
    }
}
