package org.sweetie.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Encryption at rest (docs/security.md), tried as someone with a copy of the data folder or a dump of the database
 * would: no line of the imported logs, no identifier, user@host or address in any byte; the transcript shows them
 * with the passphrase only; and the copied key file gives no signing key.
 */
class EncryptionAtRestTest {
    /** What the synthetic logs say, each of which must not be found in the stored bytes. */
    static final List<String> SECRETS = List.of(
            "quillfeather", "Quillfeather", // the partner's handle (and as typed)
            "marmalade-violet-orchestra", // words of a message
            "how old are you little one",
            "kestrel.walker@example.com", // an email
            "+44 7700 900123", "7700900123", // a phone number, as written and normalised
            "~quill@198.51.100.77", "198.51.100.77", // user@host and an address
            "203.0.113.45", // an address in a message
            "skype: tangerine_lighthouse", "tangerine_lighthouse", // a handle on another network
            "Quill Featherstone"); // a display name

    @TempDir
    Path folder;

    private Path logs() throws IOException {
        Path logs = Files.createDirectories(folder.resolve("logs"));
        Files.writeString(logs.resolve("partner.jsonl"), String.join("\n",
                "{\"type\":\"event\",\"time\":\"2013-10-01T12:00:00Z\",\"network\":\"libera\",\"partner\":\"Quillfeather\","
                        + "\"kind\":\"join\",\"actor\":\"Quillfeather\",\"detail\":\"Quill Featherstone has joined\","
                        + "\"host\":\"~quill@198.51.100.77\"}",
                "{\"type\":\"message\",\"time\":\"2013-10-01T12:00:01Z\",\"network\":\"libera\",\"partner\":\"Quillfeather\","
                        + "\"from\":\"Quillfeather\",\"text\":\"hi how old are you little one\","
                        + "\"raw\":\":Quillfeather!~quill@198.51.100.77 PRIVMSG Sweetie10 :hi how old are you little one\","
                        + "\"id\":\"line-1 Quillfeather\"}",
                "{\"type\":\"message\",\"time\":\"2013-10-01T12:00:05Z\",\"network\":\"libera\",\"partner\":\"Quillfeather\","
                        + "\"from\":\"Sweetie10\",\"text\":\"im 10\"}",
                "{\"type\":\"message\",\"time\":\"2013-10-01T12:00:09Z\",\"network\":\"libera\",\"partner\":\"Quillfeather\","
                        + "\"from\":\"Quillfeather\",\"text\":\"marmalade-violet-orchestra mail me kestrel.walker@example.com "
                        + "or call +44 7700 900123, skype: tangerine_lighthouse, my server 203.0.113.45\"}",
                "{\"type\":\"message\",\"time\":\"2013-10-01T12:00:15Z\",\"network\":\"libera\",\"partner\":\"Quillfeather\","
                        + "\"from\":\"Quillfeather\",\"text\":\"do a sexy show on webcam, i pay\"}") + "\n",
                StandardCharsets.UTF_8);
        return logs;
    }

    @Test
    void nothingTheLogsSayIsInAnyByteOfTheDataFolderAndTheTranscriptShowsItWithThePassphraseOnly() throws Exception {
        Path data = folder.resolve("data");
        String db = data.resolve("sweetie.db").toString();
        String key = data.resolve("keys").toString();
        CliTest.Run imported = CliTest.sweetie("import", "--persona", "Sweetie10", "--db", db, "--key", key,
                logs().toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        // a second command with a reader open leaves -wal and -shm files too; all of them are scanned
        CliTest.Run transcript = CliTest.sweetie("transcript", "--db", db, "--key", key, "1");
        assertThat(transcript.exitCode()).as(transcript.err()).isZero();
        assertThat(transcript.out()).contains("quillfeather", "marmalade-violet-orchestra",
                "kestrel.walker@example.com", "+44 7700 900123", "203.0.113.45");

        assertThat(filesOf(data)).as("the data folder's files").isNotEmpty();
        for (Path file : filesOf(data)) {
            assertNoSecretIn(file.toString(), Files.readAllBytes(file));
        }

        Map<Path, String> before = fingerprints(data);
        Path wrong = Files.writeString(folder.resolve("wrong"), "not the passphrase\n");
        CliTest.Run refused = CliTest.sweetie("transcript", "--db", db, "--key", key, "--passphrase-file",
                wrong.toString(), "1");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("the passphrase does not open the key file").doesNotContain("Exception");
        assertThat(refused.out()).doesNotContain("quillfeather");
        CliTest.Run refusedImport = CliTest.sweetie("import", "--persona", "Sweetie10", "--db", db, "--key", key,
                "--passphrase-file", wrong.toString(), logs().toString());
        assertThat(refusedImport.exitCode()).isEqualTo(1);
        assertThat(fingerprints(data)).as("a wrong passphrase writes nothing").isEqualTo(before);
    }

    @Test
    void withoutAPassphraseAndNoTerminalTheCommandSaysHowToGiveOne() throws Exception {
        Path data = folder.resolve("data");
        String db = data.resolve("sweetie.db").toString();
        String key = data.resolve("keys").toString();
        assertThat(CliTest.sweetie("import", "--persona", "Sweetie10", "--db", db, "--key", key, logs().toString())
                .exitCode()).isZero();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "transcript", "--db", db, "--key", key,
                "1").redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().remove("SWEETIE_PASSPHRASE");
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(err).isEqualTo(1);
        assertThat(err).contains("a passphrase is needed: set $SWEETIE_PASSPHRASE, give --passphrase-file FILE, or "
                + "run this on a terminal");
        assertThat(out).doesNotContain("quillfeather");
    }

    @Test
    void aCopiedDataFolderWithoutThePassphraseGivesNoSigningKeyAndNoStoreKey() throws Exception {
        Path data = folder.resolve("data");
        String db = data.resolve("sweetie.db").toString();
        Path key = data.resolve("keys");
        assertThat(CliTest.sweetie("import", "--persona", "Sweetie10", "--db", db, "--key", key.toString(),
                logs().toString()).exitCode()).isZero();
        Path copy = folder.resolve("copy");
        Files.createDirectories(copy);
        for (Path file : filesOf(data)) {
            Files.copy(file, copy.resolve(file.getFileName()));
        }

        KeyRing.Keys real = KeyRing.open(key, System.getenv("SWEETIE_PASSPHRASE").toCharArray());
        String privateKey = real.signingKey().lines().filter(l -> l.startsWith("private=")).findFirst().orElseThrow()
                .substring("private=".length());
        for (Path file : filesOf(copy)) {
            String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            assertThat(bytes).as(file + ": the signing key").doesNotContain(privateKey)
                    .doesNotContain(new String(Base64.getDecoder().decode(privateKey), StandardCharsets.ISO_8859_1));
            assertThat(bytes).as(file + ": the data key").doesNotContain(
                    Base64.getEncoder().encodeToString(real.store().dataKey()));
        }
        assertThatThrownBy(() -> KeyRing.open(copy.resolve("keys"), "a guess".toCharArray()))
                .isInstanceOf(KeyRing.WrongPassphrase.class);
        // a made-up log cannot be imported and signed into the copy without the passphrase either
        Path wrong = Files.writeString(folder.resolve("wrong"), "a guess\n");
        CliTest.Run forged = CliTest.sweetie("import", "--persona", "Sweetie10", "--db",
                copy.resolve("sweetie.db").toString(), "--key", copy.resolve("keys").toString(), "--passphrase-file",
                wrong.toString(), logs().toString());
        assertThat(forged.exitCode()).isEqualTo(1);
        // nor with a new key file of the attacker's: the store refuses keys that are not its own
        CliTest.Run ownKeys = CliTest.sweetie("transcript", "--db", copy.resolve("sweetie.db").toString(), "--key",
                folder.resolve("attacker.keys").toString(), "1");
        assertThat(ownKeys.exitCode()).isEqualTo(1);
        assertThat(ownKeys.err()).contains("is encrypted: it opens only with its key file and passphrase");
        CliTest.Run newStoreKeys = CliTest.sweetie("import", "--persona", "Sweetie10", "--db",
                copy.resolve("sweetie.db").toString(), "--key", folder.resolve("attacker.keys").toString(),
                logs().toString());
        assertThat(newStoreKeys.exitCode()).isEqualTo(1);
        assertThat(newStoreKeys.err()).contains("is encrypted: it opens only with its key file and passphrase");
        assertThat(folder.resolve("attacker.keys")).as("no key file is made for a store that has one").doesNotExist();
        assertThat(CliTest.sweetie("evidence", "key", "--db", folder.resolve("other.db").toString(), "--key",
                folder.resolve("attacker.keys").toString()).exitCode()).isZero();
        CliTest.Run otherKeys = CliTest.sweetie("import", "--persona", "Sweetie10", "--db",
                copy.resolve("sweetie.db").toString(), "--key", folder.resolve("attacker.keys").toString(),
                logs().toString());
        assertThat(otherKeys.exitCode()).isEqualTo(1);
        assertThat(otherKeys.err()).contains("the key file is not the one of the store");
    }

    @Test
    void nothingTheLogsSayIsInThePostgresqlDump() throws Exception {
        String server = System.getProperty("sweetie.test.postgres", "jdbc:postgresql://127.0.0.1:5432/test");
        String schema = "sweetie_enc_" + UUID.randomUUID().toString().replace("-", "");
        String db = server + "?user=postgres&currentSchema=" + schema;
        String key = folder.resolve("keys").toString();
        try {
            CliTest.Run imported = CliTest.sweetie("import", "--persona", "Sweetie10", "--db", db, "--key", key,
                    logs().toString());
            assertThat(imported.exitCode()).as(imported.err()).isZero();
            CliTest.Run transcript = CliTest.sweetie("transcript", "--db", db, "--key", key, "1");
            assertThat(transcript.out()).contains("kestrel.walker@example.com", "quillfeather");

            Process dump = new ProcessBuilder("pg_dump", "-h", "127.0.0.1", "-U", "postgres", "-n", schema,
                    "test").redirectErrorStream(false).start();
            byte[] sql = dump.getInputStream().readAllBytes();
            String problems = new String(dump.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(dump.waitFor()).as(problems).isZero();
            assertThat(new String(sql, StandardCharsets.UTF_8)).as("the dump holds the store")
                    .contains("CREATE TABLE " + schema + ".message").contains("s1:");
            assertNoSecretIn("pg_dump -n " + schema, sql);
        } finally {
            try (var c = DriverManager.getConnection(server + "?user=postgres"); var s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    private static void assertNoSecretIn(String where, byte[] bytes) {
        String latin1 = new String(bytes, StandardCharsets.ISO_8859_1);
        String utf16 = new String(bytes, StandardCharsets.UTF_16LE);
        List<String> found = new ArrayList<>();
        for (String secret : SECRETS) {
            for (String form : List.of(secret, secret.toLowerCase(java.util.Locale.ROOT))) {
                if (latin1.contains(form) || utf16.contains(form)) {
                    found.add(form);
                }
            }
        }
        assertThat(found).as(where + " holds what the logs said").isEmpty();
    }

    private static List<Path> filesOf(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static Map<Path, String> fingerprints(Path folder) throws Exception {
        Map<Path, String> prints = new TreeMap<>();
        for (Path file : filesOf(folder)) {
            prints.put(file, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(file))) + " " + Files.getLastModifiedTime(file));
        }
        return prints;
    }
}
