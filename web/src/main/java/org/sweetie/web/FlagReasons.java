package org.sweetie.web;

import java.util.Locale;
import java.util.Optional;
import org.sweetie.core.Flag;
import org.sweetie.core.Stage;
import org.sweetie.web.view.Shown;

/** What a flag means and why the analysis raised it, in words (docs/analysis.md says it at length). */
final class FlagReasons {
    private FlagReasons() {
    }

    /** The flag in a few words: "stage webcam request", "identifier email". */
    static String what(Flag flag) {
        return flag.kind() + " " + flag.value().replace('_', ' ');
    }

    static String why(Flag flag) {
        return switch (flag.kind()) {
            case "stage" -> stage(flag.value()) + " (the marked words)";
            case "qualified" -> flag.value().equals("wcst")
                    ? "solicitation, and the partner offered payment and asked for the webcam: webcam child sex "
                    + "tourism" : "sexual solicitation at or after the partner knew she is under 18";
            case "initiated" -> "the topic " + flag.value().replace('_', ' ') + " was raised first "
                    + flag.detail();
            case "identifier" -> "something that may reach the partner: a " + flag.value().replace('_', ' ');
            default -> flag.detail();
        };
    }

    /**
     * The key under which the analysis says what produced a flag: a stage's (the words or concepts it matched). Its
     * qualification reasons count messages from 0, which would contradict the numbers shown: the reason above says it.
     */
    static String whyKey(Flag flag) {
        return flag.kind().equals("stage") ? flag.value() : "";
    }

    /** The value worth showing beside the flag: an identifier as it was given. */
    static Shown value(Flag flag) {
        return flag.kind().equals("identifier") ? Shown.of(flag.detail()) : Shown.NOTHING;
    }

    /** The characters a stage flag points at in its message, when its detail holds them ("12-19"). */
    static Optional<Shown.Mark> span(Flag flag, int textLength) {
        if (!flag.kind().equals("stage") || !flag.detail().matches("\\d{1,9}-\\d{1,9}")) {
            return Optional.empty();
        }
        String[] ends = flag.detail().split("-");
        int start = Integer.parseInt(ends[0]);
        int end = Math.min(Integer.parseInt(ends[1]), textLength);
        return start < end ? Optional.of(new Shown.Mark(start, end, what(flag))) : Optional.empty();
    }

    private static String stage(String value) {
        Stage stage;
        try {
            stage = Stage.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return value;
        }
        return switch (stage) {
            case AGE_AWARENESS -> "the persona said she is under 18, or the partner referred to it";
            case SEXUAL_SOLICITATION -> "the partner asked for nudity, a sexual show or images, or exposed himself";
            case WEBCAM_REQUEST -> "the partner asked for the camera, a video call or a live show";
            case PAYMENT_OFFER -> "the partner offered money, credit, mobile load, gifts or another payment";
            case SECRECY -> "the partner asked whether she is alone, or to keep the contact secret or delete it";
        };
    }
}
