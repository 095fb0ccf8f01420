package org.sweetie.analysis;

import java.util.List;

/**
 * One word of a text as the reading layer sees it, for readers outside the analysis (the entrapment guard's safe
 * register): the word as written (lower case, accents kept), the concepts it carries, and whether it is a common word
 * of one of the project's languages.
 *
 * @param word the word as written, lower case
 * @param concepts the names of the concepts the word carries (a phrase's concept on each of its words)
 * @param common whether the word is a common word of the project's languages (SCOWL, stop words, chat words)
 */
public record ReadWord(String word, List<String> concepts, boolean common) {
    public ReadWord {
        concepts = List.copyOf(concepts);
    }
}
