package org.sweetie.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stages and dialogue acts as compositions of concepts, read from {@code analysis/stages.rules}: one rule per line,
 * {@code name: TERM TERM ... !BLOCKER}. A term is a concept or alternatives {@code A|B}; {@code A ~ B} wants A and B
 * at most four words apart in one message, in either order (a line of at most three words counting as the start of
 * his next line), and {@code A > B} the same with B after A; {@code !X} refuses the rule when the message itself
 * carries X. The terms
 * may come from the partner's message and his two messages before it (a request split over lines counts at the line
 * that completes it), but the message itself must carry one of them. A negation right before the message's own
 * terms ("never undress", "ne te déshabille pas") refuses the rule.
 */
final class StageRules {
    private static final int WINDOW = 3;
    private static final int NEAR = 3;
    private static final int NEGATION_REACH = 2;
    /** The most words a line may have to be read as the first part of his next line. */
    private static final int FRAGMENT = 3;

    private final ConceptDictionary.Concepts concepts;
    private final Map<String, Named> rules = new HashMap<>();
    private final long owned;
    private final long local;
    private final long weak;
    private final long negation;
    private final long you;
    private final long request;

    /** One rule: the terms that must all be read, which of them must be close, what refuses it. */
    record Rule(String name, long[] terms, boolean[] here, Near[] near, long blockers, String text, int line) {
        /** Every concept the rule reads: a message with none of them (weak ones aside) cannot complete it. */
        long any() {
            long any = 0;
            for (long term : terms) {
                any |= term;
            }
            return any;
        }
    }

    /** Two terms of a rule (by position) that must be close in one message; if ordered, the second after the first. */
    record Near(int first, int second, boolean ordered) {
    }

    /**
     * The rules of one name, with every concept each reads (weak ones aside) and all of those together: a message
     * that carries none of them cannot complete any, which most lines show with one AND.
     */
    private record Named(Rule[] rules, long[] any, long anyOfAll) {
        static Named of(List<Rule> rules, long weak) {
            long[] any = new long[rules.size()];
            long anyOfAll = 0;
            for (int i = 0; i < any.length; i++) {
                any[i] = rules.get(i).any() & ~weak;
                anyOfAll |= any[i];
            }
            return new Named(rules.toArray(Rule[]::new), any, anyOfAll);
        }
    }

    /**
     * A rule that held, for the flag's span and an analyst's explanation.
     *
     * @param rule the rule as written in the rules file
     * @param concepts the concepts of the rule read in the message that completed it
     * @param words the words that carried them in that message
     * @param firstToken first word of the message that carried one of the rule's concepts
     * @param lastToken last such word
     */
    record Match(String rule, List<String> concepts, String words, int firstToken, int lastToken) {
    }

    private StageRules(ConceptDictionary.Concepts concepts, Map<String, List<Rule>> rules, long owned, long local,
                       long weak) {
        this.concepts = concepts;
        this.owned = owned;
        this.local = local;
        this.weak = weak;
        rules.forEach((name, list) -> this.rules.put(name, Named.of(list, weak)));
        this.negation = concepts.bit("NEG");
        this.you = concepts.bit("YOU");
        this.request = concepts.bit("REQUEST");
    }

    ConceptDictionary.Concepts concepts() {
        return concepts;
    }

    long owned() {
        return owned;
    }

    static StageRules load() {
        return parse("stages.rules", Resources.text("/analysis/stages.rules"));
    }

    static StageRules parse(String name, String text) {
        String[] lines = text.split("\n");
        List<String> conceptNames = new ArrayList<>();
        for (String line : lines) {
            if (line.strip().startsWith("concepts:")) {
                conceptNames.addAll(Arrays.asList(line.strip().substring("concepts:".length()).strip().split("\\s+")));
            }
        }
        ConceptDictionary.Concepts concepts = new ConceptDictionary.Concepts(conceptNames);
        Map<String, List<Rule>> rules = new LinkedHashMap<>();
        long owned = 0;
        long local = 0;
        long weak = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            int hash = line.indexOf('#');
            line = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (line.isEmpty() || line.startsWith("concepts:")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException(name + ":" + (i + 1) + ": expected 'name: TERM TERM ...'");
            }
            String ruleName = line.substring(0, colon).strip();
            String body = line.substring(colon + 1).strip();
            try {
                if (ruleName.equals("owned")) {
                    for (String concept : body.split("\\s+")) {
                        owned |= concepts.bit(concept);
                    }
                } else if (ruleName.equals("local")) {
                    for (String concept : body.split("\\s+")) {
                        local |= concepts.bit(concept);
                    }
                } else if (ruleName.equals("weak")) {
                    for (String concept : body.split("\\s+")) {
                        weak |= concepts.bit(concept);
                    }
                } else {
                    rules.computeIfAbsent(ruleName, k -> new ArrayList<>()).add(rule(concepts, ruleName, body, i + 1));
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + ":" + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return new StageRules(concepts, rules, owned, local, weak);
    }

    private static Rule rule(ConceptDictionary.Concepts concepts, String name, String body, int line) {
        List<Long> terms = new ArrayList<>();
        List<Boolean> here = new ArrayList<>();
        List<Near> near = new ArrayList<>();
        long blockers = 0;
        boolean nearNext = false;
        boolean ordered = false;
        for (String token : body.replace("~", " ~ ").replace(">", " > ").strip().split("\\s+")) {
            if (token.equals("~") || token.equals(">")) {
                if (terms.isEmpty() || nearNext) {
                    throw new IllegalArgumentException("'" + token + "' needs a term before it");
                }
                nearNext = true;
                ordered = token.equals(">");
            } else if (token.startsWith("!")) {
                blockers |= alternatives(concepts, token.substring(1));
            } else {
                here.add(token.startsWith("^"));
                terms.add(alternatives(concepts, token.startsWith("^") ? token.substring(1) : token));
                if (nearNext) {
                    near.add(new Near(terms.size() - 2, terms.size() - 1, ordered));
                    nearNext = false;
                }
            }
        }
        if (terms.isEmpty() || nearNext) {
            throw new IllegalArgumentException("a rule needs terms: '" + body + "'");
        }
        boolean[] hereArray = new boolean[here.size()];
        for (int i = 0; i < hereArray.length; i++) {
            hereArray[i] = here.get(i);
        }
        return new Rule(name, terms.stream().mapToLong(Long::longValue).toArray(), hereArray,
                near.toArray(Near[]::new), blockers, body, line);
    }

    private static long alternatives(ConceptDictionary.Concepts concepts, String term) {
        long mask = 0;
        for (String alternative : term.split("\\|")) {
            mask |= concepts.bit(alternative);
        }
        return mask;
    }

    boolean defines(String name) {
        return rules.containsKey(name);
    }

    /**
     * The first rule of that name that holds at the last message of the window (the partner's messages, oldest
     * first), or null.
     */
    Match match(String name, List<ConceptReading> window) {
        ConceptReading current = window.getLast();
        Named named = rules.get(name);
        if (named == null || (current.mask() & named.anyOfAll()) == 0) {
            return null;
        }
        List<ConceptReading> before = window.subList(0, window.size() - 1);
        for (int i = 0; i < named.rules().length; i++) {
            if ((current.mask() & named.any()[i]) == 0) {
                continue; // most lines carry none of a rule's concepts: one AND instead of the whole check
            }
            Rule rule = named.rules()[i];
            Match match = holds(rule, window, current);
            if (match != null && !(before.size() > 0 && heldBefore(rule, before))) {
                return match;
            }
        }
        return null;
    }

    /** The rule already held on his messages before: this one completes nothing ("see you" after a request). */
    private boolean heldBefore(Rule rule, List<ConceptReading> before) {
        for (int end = before.size(); end > 0; end--) {
            List<ConceptReading> window = before.subList(0, end);
            if (holds(rule, window, window.getLast()) != null) {
                return true;
            }
        }
        return false;
    }

    private Match holds(Rule rule, List<ConceptReading> window, ConceptReading current) {
        if (current.has(rule.blockers())) {
            return null;
        }
        long own = 0;
        for (int t = 0; t < rule.terms().length; t++) {
            long term = rule.terms()[t];
            own |= current.mask() & term;
            if (!current.has(term) && (rule.here()[t] || !earlier(window, term & ~local))) {
                return null;
            }
        }
        if ((own & ~weak) == 0) {
            return null; // the message must carry a concept of its own, not only "you" or "please"
        }
        for (Near pair : rule.near()) {
            if (!anyNear(window, rule.terms()[pair.first()], rule.terms()[pair.second()], pair.ordered())) {
                return null;
            }
        }
        int first = current.first(own);
        int last = first;
        for (int i = 0; i < current.tokenMasks().length; i++) {
            if ((current.tokenMasks()[i] & own) != 0) {
                last = i;
            }
        }
        if (negated(current, first)) {
            return null;
        }
        return new Match(rule.text(), concepts.namesOf(own), current.words(own), first, last);
    }

    private static boolean earlier(List<ConceptReading> window, long term) {
        if (term == 0) {
            return false;
        }
        for (int i = Math.max(0, window.size() - WINDOW); i < window.size() - 1; i++) {
            if (window.get(i).has(term)) {
                return true;
            }
        }
        return false;
    }

    private boolean anyNear(List<ConceptReading> window, long a, long b, boolean ordered) {
        int from = Math.max(0, window.size() - WINDOW);
        for (int i = from; i < window.size(); i++) {
            ConceptReading reading = window.get(i);
            if (ordered && a == negation ? negates(reading, b) : reading.near(a, b, NEAR, ordered)) {
                return true;
            }
            // a line of a few words is the start of the next: "send one pic" / "without" / "clothes"
            if (i > from && window.get(i - 1).tokenMasks().length <= FRAGMENT
                    && reading.nearAfter(window.get(i - 1), a, b, NEAR, ordered)) {
                return true;
            }
        }
        return false;
    }

    /** "never ... naked": a word that negates ({@link #negatingWord}), with b after it in its sentence. */
    private boolean negates(ConceptReading reading, long b) {
        long[] masks = reading.tokenMasks();
        for (int i = 0; i < masks.length; i++) {
            if (!negatingWord(masks, i)) {
                continue;
            }
            for (int j = i + 1; j < masks.length && j <= i + NEAR + 1; j++) {
                if ((masks[j] & b) != 0 && !sentenceEndsBetween(reading, i, j)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** "never undress", "do not take off": a negation just before; "don't you ..." is a question, not one. */
    private boolean negated(ConceptReading reading, int first) {
        long[] masks = reading.tokenMasks();
        for (int i = Math.max(0, first - NEGATION_REACH); i < first; i++) {
            if (negatingWord(masks, i) && !sentenceEndsBetween(reading, i, first)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A word that negates: "don't worry", "why not", "don't be shy" carry REQUEST too (encouragement, not a
     * negation), and "don't you ..." is a question.
     */
    private boolean negatingWord(long[] masks, int i) {
        return (masks[i] & negation) != 0 && (masks[i] & request) == 0
                && (i + 1 >= masks.length || (masks[i + 1] & you) == 0);
    }

    /** "doet er niet toe. you have webcam?": a negation ends with its sentence. */
    private static boolean sentenceEndsBetween(ConceptReading reading, int from, int to) {
        String words = reading.text().words();
        int start = reading.tokens().end(from);
        int end = Math.min(words.length(), reading.tokens().start(to));
        for (int k = start; k < end; k++) {
            char c = words.charAt(k);
            if (c == '.' || c == '!' || c == '?' || c == ';') {
                return true;
            }
        }
        return false;
    }

    static int window() {
        return WINDOW;
    }
}
