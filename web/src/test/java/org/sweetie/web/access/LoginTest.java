package org.sweetie.web.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweetie.core.ConversationStore;
import org.sweetie.core.Role;
import org.sweetie.evidence.AuditEvent;
import org.sweetie.evidence.AuditTrail;
import org.sweetie.evidence.CheckpointPolicy;
import org.sweetie.evidence.EvidenceLog;
import org.sweetie.evidence.KeyFile;
import org.sweetie.store.Stores;

/** Users and logins over a real store and evidence log. */
class LoginTest {
    @TempDir
    Path folder;
    final TestClock clock = new TestClock(Instant.parse("2026-03-01T10:00:00Z"));
    ConversationStore store;
    AuditTrail audit;
    Users users;
    Login login;

    @BeforeEach
    void open() throws Exception {
        store = Stores.open(folder.resolve("store.db").toString());
        EvidenceLog log = new EvidenceLog(store, KeyFile.loadOrCreate(folder.resolve("key")), CheckpointPolicy.DEFAULT,
                null, clock);
        audit = new AuditTrail(log);
        users = new Users(store.users(), PasswordsTest.CHEAP, audit, clock);
        login = new Login(users, new LoginThrottle(clock), audit, clock);
        users.add(new Actor("cli:root", ""), "ana", Role.ANALYST, "correct horse battery".toCharArray());
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theRightPasswordLogsInWhateverTheCaseOfTheNameAndIsAudited() {
        assertThat(login.attempt(" ANA ", "correct horse battery".toCharArray(), "192.0.2.5"))
                .isInstanceOfSatisfying(Login.Outcome.Welcome.class, w -> assertThat(w.user().name()).isEqualTo("ana"));
        assertThat(audit.read(null, "ana")).extracting(AuditEvent::action, AuditEvent::address)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("login", "192.0.2.5"));
        assertThat(audit.read(null, "cli:root")).singleElement()
                .satisfies(e -> assertThat(e.action() + " " + e.object()).isEqualTo("user_added user ana"));
    }

    @Test
    void failuresAreAuditedWithTheirReasonAndTheSixthTryWaitsWithoutAPasswordCheck() {
        for (int i = 0; i < 4; i++) {
            assertThat(login.attempt("ana", "wrong".toCharArray(), "192.0.2.5"))
                    .isInstanceOf(Login.Outcome.Refused.class);
        }
        assertThat(login.attempt("nobody", "x".toCharArray(), "192.0.2.5")).isInstanceOf(Login.Outcome.Refused.class);
        assertThat(login.attempt("ana", "correct horse battery".toCharArray(), "192.0.2.5"))
                .as("the address has failed five times").isInstanceOf(Login.Outcome.Wait.class);
        assertThat(login.attempt("ana", "correct horse battery".toCharArray(), "198.51.100.9"))
                .as("the name has failed four times only").isInstanceOf(Login.Outcome.Welcome.class);
        clock.pass(Duration.ofSeconds(31));
        assertThat(login.attempt("ana", "correct horse battery".toCharArray(), "192.0.2.5"))
                .isInstanceOf(Login.Outcome.Welcome.class);

        assertThat(audit.read(null, null)).filteredOn(e -> e.action().equals("login_failed"))
                .extracting(AuditEvent::detail).containsExactly("wrong password", "wrong password", "wrong password",
                        "wrong password", "unknown user", "throttled: 30 s to wait");
    }

    @Test
    void aDisabledUserCannotLogInAndNamesAndPasswordsAreChecked() {
        users.disable(new Actor("adam", "192.0.2.1"), "ana");
        assertThat(login.attempt("ana", "correct horse battery".toCharArray(), "192.0.2.5"))
                .isInstanceOf(Login.Outcome.Refused.class);
        assertThat(audit.read(null, null).getLast().detail()).isEqualTo("user disabled");
        assertThatThrownBy(() -> users.disable(new Actor("adam", ""), "ana")).hasMessageContaining("no enabled user");
        assertThatThrownBy(() -> users.add(new Actor("adam", ""), "ana", Role.ADMIN, "another long one".toCharArray()))
                .hasMessageContaining("there is a user called ana already");
        assertThatThrownBy(() -> users.add(new Actor("adam", ""), "Bob", Role.ADMIN, "long enough pass".toCharArray()))
                .hasMessageContaining("a user name is");
        assertThatThrownBy(() -> users.add(new Actor("adam", ""), "bob", Role.ADMIN, "short".toCharArray()))
                .hasMessageContaining("12 to 1024 characters long, this one has 5");
    }
}
