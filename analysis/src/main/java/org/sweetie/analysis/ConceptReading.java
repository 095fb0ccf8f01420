package org.sweetie.analysis;

/**
 * One message read as concepts: the concepts of the whole message, the concepts of each of its words (for rules that
 * need two concepts close together, and for the negation before a request), and where each word is in the text.
 *
 * @param mask every concept the message carries
 * @param tokens the message's words in the normalised form
 * @param tokenMasks per word, the concepts it carries (a phrase's concept on each of its words)
 */
record ConceptReading(long mask, PhraseMatcher.Tokens tokens, long[] tokenMasks, Normalized text) {

    boolean has(long concepts) {
        return (mask & concepts) != 0;
    }

    /** The first word carrying one of the concepts, or -1. */
    int first(long concepts) {
        for (int i = 0; i < tokenMasks.length; i++) {
            if ((tokenMasks[i] & concepts) != 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Words with concepts a and b close together (or one word carrying both), at most {@code gap} words between them,
     * in either order (object pronouns come before the verb in many of the languages: "te pago", "je te donne",
     * "ik geef je"), or if ordered b only at or after a ("never ... naked", not "naked ... never").
     */
    boolean near(long a, long b, int gap, boolean ordered) {
        for (int i = 0; i < tokenMasks.length; i++) {
            if ((tokenMasks[i] & a) != 0) {
                for (int j = ordered ? i : Math.max(0, i - gap - 1); j < tokenMasks.length && j <= i + gap + 1; j++) {
                    // one word may carry both ("videochiamata" is a video and a call)
                    if ((tokenMasks[j] & b) != 0) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * As {@link #near}, with the words of his message before ({@code fragment}) put in front of this one's: a request
     * split over lines ("without" / "clothes") is one phrase. Only a pair that spans the line break counts; if ordered,
     * only a before b.
     */
    boolean nearAfter(ConceptReading fragment, long a, long b, int gap, boolean ordered) {
        long[] before = fragment.tokenMasks;
        for (int i = 0; i < before.length; i++) {
            long other = (before[i] & a) != 0 ? b : (before[i] & b) != 0 && !ordered ? a : 0;
            int reach = gap + 1 - (before.length - 1 - i); // words of this message still within the gap
            for (int j = 0; other != 0 && j < tokenMasks.length && j < reach; j++) {
                if ((tokenMasks[j] & other) != 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The original text of the words from first to last (inclusive), for a flag's span. */
    int[] span(int firstToken, int lastToken) {
        return text.wordsSpan(tokens.start(firstToken), tokens.end(lastToken));
    }

    /** The words that carry one of the concepts, as written, for an analyst's explanation. */
    String words(long concepts) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < tokenMasks.length; i++) {
            if ((tokenMasks[i] & concepts) != 0) {
                int[] s = span(i, i);
                out.append(out.isEmpty() ? "" : " ").append(text.original(), s[0], s[1]);
            }
        }
        return out.toString();
    }
}
