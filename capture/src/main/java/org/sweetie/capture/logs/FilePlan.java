package org.sweetie.capture.logs;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.sweetie.core.Network;

/**
 * What importing one file would store, shown by a dry run before anything is stored: who talks in it and when, so
 * that a wrong persona or time zone is seen before it is in the store.
 *
 * @param continues the nick whose conversation this file goes on with (the file begins with that nick's nick
 *        change), or null
 * @param refusal why the file would not be imported (the persona is not in it), or null
 * @param linesAlreadyImported lines an earlier import stored already; the plan covers the lines after them
 * @param clientLines the client's own lines (log banners, dates, client status), which are not stored
 * @param skippedLines channel lines that neither address nor mention the persona
 */
public record FilePlan(Path file, LogFormat format, String continues, String refusal, long linesAlreadyImported,
                       List<ConversationPlan> conversations, long clientLines, long skippedLines,
                       long rejectedLines) {
    public FilePlan {
        conversations = List.copyOf(conversations);
    }

    /**
     * One conversation of the file.
     *
     * @param storedId the id of the conversation in the store when it exists already, else 0
     * @param partnerNames the nicks the partner has in this file
     * @param personaNames the persona's nicks that wrote in this file
     * @param first the earliest time of a line, null when the file adds no line to it
     */
    public record ConversationPlan(Network network, String channel, String partner, long storedId,
                                   List<String> partnerNames, List<String> personaNames, Instant first,
                                   Instant last, long personaMessages, long partnerMessages, long events) {
        public ConversationPlan {
            partnerNames = List.copyOf(partnerNames);
            personaNames = List.copyOf(personaNames);
        }
    }
}
