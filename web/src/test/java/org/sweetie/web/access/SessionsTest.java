package org.sweetie.web.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sweetie.core.Role;
import org.sweetie.core.User;

class SessionsTest {
    final TestClock clock = new TestClock(Instant.parse("2026-03-01T10:00:00Z"));
    final Sessions sessions = new Sessions(clock, Duration.ofMinutes(30), new SecureRandom());
    final User ana = new User("ana", Role.ANALYST, "$argon2id$x", clock.instant(), null);

    @Test
    void idsAndTokensAre256RandomBitsAndNeverRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            Session s = sessions.anonymous();
            assertThat(s.id()).matches("[A-Za-z0-9_-]{43}");
            assertThat(s.csrf()).matches("[A-Za-z0-9_-]{43}");
            assertThat(seen.add(s.id())).isTrue();
            assertThat(seen.add(s.csrf())).isTrue();
        }
    }

    @Test
    void loggingInOpensANewSessionAndEndsTheOneItCameFrom() {
        Session before = sessions.anonymous();
        Session after = sessions.signIn(before, ana);

        assertThat(after.id()).isNotEqualTo(before.id());
        assertThat(after.csrf()).isNotEqualTo(before.csrf());
        assertThat(after.user()).isEqualTo("ana");
        assertThat(after.role()).isEqualTo(Role.ANALYST);
        assertThat(sessions.find(before.id())).isEmpty();
        assertThat(sessions.find(after.id())).containsSame(after);
        assertThat(sessions.find(null)).isEmpty();
        assertThat(sessions.find("made-up")).isEmpty();
    }

    @Test
    void aSessionEndsWhenIdleForLongerThanTheTimeoutAndUseKeepsItOpen() {
        Session s = sessions.signIn(sessions.anonymous(), ana);
        clock.pass(Duration.ofMinutes(29));
        assertThat(sessions.find(s.id())).isPresent();
        clock.pass(Duration.ofMinutes(29));
        assertThat(sessions.find(s.id())).as("seen 29 minutes ago").isPresent();
        clock.pass(Duration.ofMinutes(30).plusSeconds(1));
        assertThat(sessions.find(s.id())).isEmpty();
        assertThat(sessions.find(s.id())).isEmpty();
    }

    @Test
    void theFormTokenIsAcceptedOnlyWhenItIsTheSessionsOwn() {
        Session s = sessions.anonymous();
        Session other = sessions.anonymous();
        assertThat(s.acceptsToken(s.csrf())).isTrue();
        assertThat(s.acceptsToken(other.csrf())).isFalse();
        assertThat(s.acceptsToken(null)).isFalse();
        assertThat(s.acceptsToken("")).isFalse();
        assertThat(s.acceptsToken(s.csrf() + "x")).isFalse();
        assertThat(s.acceptsToken(s.csrf().substring(1))).isFalse();
    }

    @Test
    void disablingAUserEndsAllTheirSessions() {
        Session one = sessions.signIn(sessions.anonymous(), ana);
        Session two = sessions.signIn(sessions.anonymous(), ana);
        Session bob = sessions.signIn(sessions.anonymous(), new User("bob", Role.ADMIN, "$x", clock.instant(),
                null));
        sessions.endAllOf("ana");
        assertThat(sessions.find(one.id())).isEmpty();
        assertThat(sessions.find(two.id())).isEmpty();
        assertThat(sessions.find(bob.id())).isPresent();
    }

    @Test
    void theLoginPageCannotFillMemory() {
        Session ana1 = sessions.signIn(sessions.anonymous(), ana);
        for (int i = 0; i < Sessions.MOST + 500; i++) {
            sessions.anonymous();
        }
        assertThat(sessions.size()).isLessThanOrEqualTo(Sessions.MOST);
        assertThat(sessions.find(ana1.id())).as("a logged-in session is not pushed out").isPresent();
    }

    @Test
    void aSearchIsKeptUnderItsKeyAndOnlyTheLatestTwentyAre() {
        Session s = sessions.anonymous();
        for (int i = 0; i < 25; i++) {
            s.keep("k" + i, "search " + i);
        }
        assertThat(s.kept("k24", String.class)).contains("search 24");
        assertThat(s.kept("k0", String.class)).isEmpty();
        assertThat(s.kept("k24", Integer.class)).isEmpty();
        s.flash("done");
        assertThat(s.takeFlash()).isEqualTo("done");
        assertThat(s.takeFlash()).isNull();
    }
}
