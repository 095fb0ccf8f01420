package org.sweetie.capture.logs;

import java.time.ZoneId;

/** The chat-log formats Sweetie imports. */
public enum LogFormat {
    WEECHAT,
    IRSSI,
    /** Sweetie's own JSON Lines format, described in docs/import.md. */
    JSONL;

    LineParser parser(ZoneId zone) {
        return switch (this) {
            case WEECHAT -> new WeechatParser(zone);
            case IRSSI -> new IrssiParser(zone);
            case JSONL -> new JsonLinesParser();
        };
    }
}
