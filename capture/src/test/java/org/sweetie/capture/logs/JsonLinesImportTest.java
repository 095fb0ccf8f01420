package org.sweetie.capture.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.sweetie.core.Author;
import org.sweetie.core.AuthorKind;
import org.sweetie.core.Conversation;
import org.sweetie.core.EventKind;
import org.sweetie.core.Message;
import org.sweetie.core.Protocol;

class JsonLinesImportTest extends ImportFixture {

    @Test
    void linesNameTheirConversationAndAuthor() throws Exception {
        Path log = write("capture.jsonl",
                """
                {"type":"event","time":"2013-10-01T12:00:00Z","network":"libera","partner":"kurt","kind":"join",\
                "actor":"kurt","detail":"has joined #kids","host":"~k@198.51.100.20"}""",
                """
                {"type":"message","time":"2013-10-01T12:00:01Z","network":"libera","partner":"kurt","from":"kurt",\
                "text":"hi","raw":":kurt!~k@198.51.100.20 PRIVMSG Sweetie10 :hi","id":"line-1"}""",
                """
                {"type":"message","time":"2013-10-01T14:00:02+02:00","network":"libera","partner":"kurt",\
                "from":"Sweetie10","text":"hello","author":"bot"}""",
                """
                {"type":"message","time":"2013-10-01T12:00:03Z","network":"libera","partner":"kurt",\
                "from":"Sweetie10","text":"who are you?","author":"operator","operator":"op-3"}""",
                """
                {"type":"message","time":"2013-10-01T12:00:04Z","network":"jabber.example.org","protocol":"xmpp",\
                "partner":"lena@jabber.example.org","from":"lena@jabber.example.org","text":"hey"}""");

        importAll(log);

        assertThat(rejections).isEmpty();
        Conversation kurt = only("kurt");
        var messages = store.messages(kurt.id());
        assertThat(messages).extracting(m -> m.author().kind()).containsExactly(AuthorKind.PARTNER,
                AuthorKind.PERSONA_BOT, AuthorKind.PERSONA_OPERATOR);
        assertThat(messages.get(2).author()).isEqualTo(Author.operator("op-3"));
        assertThat(messages.get(0).raw()).isEqualTo(":kurt!~k@198.51.100.20 PRIVMSG Sweetie10 :hi");
        assertThat(messages.get(0).sourceId()).isEqualTo("line-1");
        assertThat(messages.get(1).time()).isEqualTo(java.time.Instant.parse("2013-10-01T12:00:02Z"));
        assertThat(store.events(kurt.id())).extracting(e -> e.kind()).containsExactly(EventKind.JOIN);
        assertThat(only("lena@jabber.example.org").key().network().protocol()).isEqualTo(Protocol.XMPP);
    }

    @Test
    void eachBrokenLineIsNamedWithItsReason() throws Exception {
        Path log = write("broken.jsonl",
                "{\"type\":\"message\",\"time\":\"2013-10-01T12:00:01Z\",\"network\":\"n\",\"partner\":\"p\","
                        + "\"from\":\"p\",\"text\":\"kept\"}",
                "{not json",
                "[1,2]",
                "{\"type\":\"message\",\"time\":\"yesterday\",\"network\":\"n\",\"partner\":\"p\",\"from\":\"p\","
                        + "\"text\":\"x\"}",
                "{\"type\":\"message\",\"time\":\"2013-10-01T12:00:01Z\",\"network\":\"n\",\"partner\":\"p\","
                        + "\"from\":\"p\"}",
                "{\"type\":\"message\",\"time\":\"2013-10-01T12:00:01Z\",\"network\":\"n\",\"partner\":\"p\","
                        + "\"from\":\"p\",\"text\":5}",
                "{\"type\":\"gossip\",\"time\":\"2013-10-01T12:00:01Z\",\"network\":\"n\",\"partner\":\"p\"}",
                "{\"type\":\"event\",\"time\":\"2013-10-01T12:00:01Z\",\"network\":\"n\",\"partner\":\"p\","
                        + "\"kind\":\"dance\",\"actor\":\"p\",\"detail\":\"\"}",
                "{\"type\":\"message\",\"time\":\"2013-10-01T12:00:01Z\",\"network\":\"n\",\"partner\":\"Sweetie10\","
                        + "\"from\":\"p\",\"text\":\"self\"}");

        importUnchecked(log);

        assertThat(texts(only("p"))).containsExactly("kept");
        assertThat(rejections).extracting(Rejection::line).containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(rejections).extracting(Rejection::reason).satisfiesExactly(
                r -> assertThat(r).startsWith("not JSON"),
                r -> assertThat(r).isEqualTo("expected a JSON object"),
                r -> assertThat(r).contains("\"time\" is not an ISO 8601 time"),
                r -> assertThat(r).isEqualTo("missing \"text\""),
                r -> assertThat(r).isEqualTo("\"text\" must be a string"),
                r -> assertThat(r).contains("\"type\" must be"),
                r -> assertThat(r).contains("unknown event kind 'dance'"),
                r -> assertThat(r).contains("two different accounts"));
    }

    @Test
    void aReimportAddsNothingAndIdsKeepOverlappingFilesApart() throws Exception {
        Path log = write("again.jsonl",
                "{\"type\":\"message\",\"time\":\"2013-10-01T12:00:01Z\",\"network\":\"n\",\"partner\":\"p\","
                        + "\"from\":\"p\",\"text\":\"one\",\"id\":\"a\"}",
                "{\"type\":\"message\",\"time\":\"2013-10-01T12:00:02Z\",\"network\":\"n\",\"partner\":\"p\","
                        + "\"from\":\"p\",\"text\":\"two\"}");
        importUnchecked(log);
        Path overlapping = write("later.jsonl",
                "{\"type\":\"message\",\"time\":\"2013-10-01T12:00:01Z\",\"network\":\"n\",\"partner\":\"p\","
                        + "\"from\":\"p\",\"text\":\"one\",\"id\":\"a\"}",
                "{\"type\":\"message\",\"time\":\"2013-10-01T12:00:03Z\",\"network\":\"n\",\"partner\":\"p\","
                        + "\"from\":\"p\",\"text\":\"three\",\"id\":\"b\"}");

        ImportSummary again = importUnchecked(log, overlapping);

        assertThat(again.linesAlreadyImported()).isEqualTo(2);
        assertThat(again.messagesPresent()).isEqualTo(1);
        assertThat(again.messagesAdded()).isEqualTo(1);
        assertThat(store.messages(only("p").id())).extracting(Message::text).containsExactly("one", "two", "three");
    }
}
