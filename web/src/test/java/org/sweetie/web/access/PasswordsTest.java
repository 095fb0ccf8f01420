package org.sweetie.web.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PasswordsTest {
    /** Cheap enough for many hashes in a test; the format and the check are the same at any cost. */
    static final Passwords CHEAP = new Passwords(new Passwords.Cost(64, 1, 1), new SecureRandom());

    @Test
    void aHashIsArgon2idInPhcFormWithTheDefaultCostAndAcceptsOnlyItsPassword() {
        Passwords passwords = new Passwords();
        String hash = passwords.hash("correct horse battery".toCharArray());

        assertThat(hash).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(passwords.matches("correct horse battery".toCharArray(), hash)).isTrue();
        assertThat(passwords.matches("correct horse batterY".toCharArray(), hash)).isFalse();
        assertThat(passwords.matches("".toCharArray(), hash)).isFalse();
    }

    @Test
    void everyHashHasItsOwnSaltSoTheSamePasswordHashesDifferently() {
        Set<String> salts = new HashSet<>();
        Set<String> hashes = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            String hash = CHEAP.hash("same password here".toCharArray());
            salts.add(hash.split("\\$")[4]);
            hashes.add(hash);
            assertThat(CHEAP.matches("same password here".toCharArray(), hash)).isTrue();
        }
        assertThat(salts).hasSize(20);
        assertThat(hashes).hasSize(20);
    }

    @Test
    void aHashIsCheckedWithTheCostItWasMadeWith() {
        String cheap = CHEAP.hash("pässwörd with ümlauts ✓".toCharArray());
        assertThat(new Passwords().matches("pässwörd with ümlauts ✓".toCharArray(), cheap)).isTrue();
        assertThat(new Passwords().matches("passwOrd with umlauts".toCharArray(), cheap)).isFalse();
    }

    /**
     * A hash made by the reference implementation (Debian's argon2: {@code echo -n password | argon2
     * somesaltsomesalt -id -t 1 -m 6 -p 1 -l 32 -e}): Sweetie's hashes are the standard's, and so are its checks.
     */
    @Test
    void aHashOfTheReferenceImplementationMatchesAndOursEqualsIt() {
        String reference = "$argon2id$v=19$m=64,t=1,p=1$c29tZXNhbHRzb21lc2FsdA$"
                + "55PWTvddWPUD1GMbKxSff4ASfF85k9ibHJt4HlHQtBM";
        assertThat(CHEAP.matches("password".toCharArray(), reference)).isTrue();
        assertThat(CHEAP.matches("Password".toCharArray(), reference)).isFalse();
        assertThat(new Passwords(new Passwords.Cost(64, 1, 1), fixedSalt()).hash("password".toCharArray()))
                .isEqualTo(reference);
    }

    @Test
    void whatIsNotAnArgon2idHashMatchesNothing() {
        for (String broken : new String[] {null, "", "password", "$argon2i$v=19$m=64,t=1,p=1$c29tZXNhbHQ$aGFzaA",
            "$2b$12$abcdefghijklmnopqrstuv", "$argon2id$v=16$m=64,t=1,p=1$c29tZXNhbHRzb21lc2FsdA$x"}) {
            assertThat(CHEAP.matches("password".toCharArray(), broken)).as(String.valueOf(broken)).isFalse();
        }
        assertThat(CHEAP.matchesNone("password".toCharArray())).isFalse();
    }

    /** A source of "random" bytes that gives the salt "somesaltsomesalt". */
    private static SecureRandom fixedSalt() {
        return new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                byte[] salt = "somesaltsomesalt".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                System.arraycopy(salt, 0, bytes, 0, bytes.length);
            }
        };
    }
}
