package org.sweetie.capture.logs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.sweetie.core.Conversation;
import org.sweetie.core.ConversationStore;
import org.sweetie.core.Message;
import org.sweetie.core.Persona;
import org.sweetie.store.Stores;

/** A fresh SQLite store and a folder of logs per test, and an importer that remembers what it rejected. */
abstract class ImportFixture {
    static final Persona SWEETIE = Persona.ofNicknames(List.of("Sweetie10", "sweetie_ph"));

    @TempDir
    Path folder;
    ConversationStore store;
    final List<Rejection> rejections = new ArrayList<>();
    final List<String> skippedFiles = new ArrayList<>();
    final List<String> refusedFiles = new ArrayList<>();
    final List<FilePlan> plans = new ArrayList<>();

    @BeforeEach
    void openStore() {
        store = Stores.open(folder.resolve("store.db").toString());
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    Path write(String relative, String... lines) throws IOException {
        Path file = folder.resolve("logs").resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    /** Copies hand-written client logs (src/test/resources/client-logs) into the test's folder of logs. */
    Path fixture(String relative) throws IOException {
        Path file = folder.resolve("logs").resolve(relative);
        Files.createDirectories(file.getParent());
        try (var in = ImportFixture.class.getResourceAsStream("/client-logs/" + relative)) {
            if (in == null) {
                throw new IOException("no fixture client-logs/" + relative);
            }
            Files.copy(in, file);
        }
        return file;
    }

    ImportSummary importAll(Path... paths) throws IOException {
        return importer(null).importPaths(List.of(paths));
    }

    /** Imports logs in which the persona need not appear: a partner wrote, the persona never answered. */
    ImportSummary importUnchecked(Path... paths) throws IOException {
        return importer(null).withoutPersonaCheck().importPaths(List.of(paths));
    }

    LogImporter importer(String network) {
        return importer(SWEETIE, network);
    }

    LogImporter importer(Persona persona, String network) {
        return new LogImporter(store, persona, ZoneOffset.UTC, network, new ImportListener() {
            @Override
            public void rejected(Rejection rejection) {
                rejections.add(rejection);
            }

            @Override
            public void skippedFile(Path path, String reason) {
                skippedFiles.add(reason);
            }

            @Override
            public void refused(Path path, String reason) {
                refusedFiles.add(path + ": " + reason);
            }

            @Override
            public void planned(FilePlan plan) {
                plans.add(plan);
            }
        });
    }

    Conversation only(String partner) {
        return store.conversations().stream().filter(c -> c.key().partnerAccount().equals(partner))
                .reduce((a, b) -> {
                    throw new AssertionError("two conversations with " + partner);
                })
                .orElseThrow(() -> new AssertionError("no conversation with " + partner));
    }

    List<String> texts(Conversation conversation) {
        return store.messages(conversation.id()).stream().map(Message::text).toList();
    }
}
