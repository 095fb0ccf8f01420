package org.sweetie.web.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    final TestClock clock = new TestClock(Instant.parse("2026-03-01T10:00:00Z"));
    final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void fourFailuresCostNothingAndFromTheFifthTheWaitDoublesUpToItsLongest() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("user ana");
            assertThat(throttle.waitFor("user ana")).as("after failure " + (i + 1)).isZero();
        }
        throttle.failed("user ana");
        assertThat(throttle.waitFor("user ana")).isEqualTo(Duration.ofSeconds(30));
        clock.pass(Duration.ofSeconds(10));
        assertThat(throttle.waitFor("user ana")).isEqualTo(Duration.ofSeconds(20));
        clock.pass(Duration.ofSeconds(20));
        assertThat(throttle.waitFor("user ana")).isZero();
        throttle.failed("user ana");
        assertThat(throttle.waitFor("user ana")).isEqualTo(Duration.ofSeconds(60));
        for (int i = 0; i < 10; i++) {
            throttle.failed("user ana");
        }
        assertThat(throttle.waitFor("user ana")).isEqualTo(LoginThrottle.LONGEST_WAIT);
        assertThat(throttle.waitFor("user bob")).as("another key").isZero();
    }

    @Test
    void aSuccessClearsTheKeyAndOldFailuresAreForgotten() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("address 192.0.2.7");
        }
        throttle.succeeded("address 192.0.2.7");
        assertThat(throttle.waitFor("address 192.0.2.7")).isZero();
        throttle.failed("address 192.0.2.7");
        assertThat(throttle.waitFor("address 192.0.2.7")).as("counting from one again").isZero();

        for (int i = 0; i < 3; i++) {
            throttle.failed("user carol");
        }
        clock.pass(LoginThrottle.MEMORY.plusSeconds(1));
        throttle.failed("user carol");
        throttle.failed("user carol");
        assertThat(throttle.waitFor("user carol")).as("two recent failures, not five").isZero();
    }
}
