package org.sweetie.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sweetie.core.Conversation;

class AuditTrailTest extends EvidenceFixture {

    @Test
    void eventsAreEntriesOfTheLogAndReadBackByTimeAndUser() throws Exception {
        AuditTrail audit = new AuditTrail(log);
        Conversation c = someConversation("alice", 3);
        long before = log.size();
        audit.record(new AuditEvent(T0, "ann", "login", "", "192.0.2.10", ""));
        audit.record(new AuditEvent(T0.plusSeconds(5), "ann", "view_transcript", "conversation " + c.id(),
                "192.0.2.10", ""));
        audit.record(new AuditEvent(T0.plusSeconds(9), "bob", "login_failed", "", "198.51.100.4", "wrong password"));

        assertThat(log.size()).isEqualTo(before + 3);
        Entry view = EntryEncoding.decode(raw.evidence().entry(before + 1));
        assertThat(view.kind()).isEqualTo("audit");
        assertThat(view.fields()).extracting(Entry.Field::name)
                .containsExactly("time", "user", "action", "object", "address", "detail");
        assertThat(view.get("object")).isEqualTo("conversation " + c.id());
        assertThat(raw.evidence().entriesOf(c.id())).as("not one of the conversation's entries (no bundle holds it)")
                .allMatch(index -> index < before);

        assertThat(audit.read(null, null)).extracting(AuditEvent::action)
                .containsExactly("login", "view_transcript", "login_failed");
        assertThat(audit.read(T0.plusSeconds(5), null)).extracting(AuditEvent::action)
                .containsExactly("view_transcript", "login_failed");
        assertThat(audit.read(null, "bob")).singleElement().satisfies(e -> {
            assertThat(e.time()).isEqualTo(T0.plusSeconds(9));
            assertThat(e.address()).isEqualTo("198.51.100.4");
            assertThat(e.detail()).isEqualTo("wrong password");
        });
        assertThat(audit.read(Instant.MAX, null)).isEmpty();
    }

    @Test
    void auditEntriesLeaveBundlesOfTheirConversationsVerifiable() throws Exception {
        AuditTrail audit = new AuditTrail(log);
        Conversation c = someConversation("alice", 3);
        audit.record(new AuditEvent(T0, "ann", "view_transcript", "conversation " + c.id(), "192.0.2.10", ""));
        someConversation("alice", 2);
        var bundle = folder.resolve("bundle.zip");
        new BundleWriter(log, CLOCK).write(List.of(c.id()), "test", bundle);

        assertThat(BundleVerifier.verify(bundle).messagesByConversation()).containsEntry(c.id(), 5L);
        assertThat(new IndependentVerifier(folder).verify(List.of(bundle)))
                .allSatisfy(line -> assertThat(line).startsWith("OK: "));
    }
}
