package org.sweetie.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the places a partner names, in context, from a message's plain text (lower case, accents removed): where he
 * says he lives or comes from ("i live in", "ik woon in", "ich komme aus", "soy de", "j'habite à", "moro em", "vivo a",
 * "jag bor i", "mieszkam w", "я из", "taga ... ako", "nagpuyo ko sa"...), where he is now ("im in", "nandito ako sa"),
 * "X here", "City, ST" and "City, Region" pairs, his nationality ("im british"), and, at a lower weight, a place
 * named with a weaker cue ("from X", "in X", "near X") or with none at all.
 *
 * <p>A name that is also a common word (see {@link CommonWords}) counts only after a cue of one's home and only when
 * it names a region or a country ("im from turkey", "i live in surrey"); two-letter state abbreviations only as
 * "City, ST" or right after such a cue. A weak cue or a bare name does not count in a question to the persona ("are
 * you in cebu?") or a travel remark ("i want to visit paris"); a bare name of a place in the persona's own country
 * does not count at all (partners talk of her places).
 */
final class PlaceReader {
    static final double HOME = 0.7;
    static final double PRESENT = 0.6;
    static final double CONTEXT = 0.45;
    /** The label of the cues that say where he is now ("here in X"), which travel words do not discount. */
    private static final String HERE_NOW = "is here in";
    static final double BARE = 0.25;
    /** The persona's own country: a bare mention of one of its places is about her, not him. */
    private static final String PERSONA_COUNTRY = "PH";

    /** One place read: its country, the weight of the clue and why. */
    record Mention(String country, double weight, String reason) {
    }

    private record Cue(String[] words, double weight, String label, Set<String> after) {
    }

    private static final Map<String, List<Cue>> CUES = cues();
    private static final Set<String> ORIGIN = Set.of("from", "aus", "desde", "depuis", "uit", "vanuit", "fra", "fran",
            "z", "ze", "iz", "из");
    private static final Set<String> ARTICLES = Set.of("the", "de", "het", "la", "le", "el", "los", "las", "o", "a",
            "der", "die", "das", "lo", "il");
    /**
     * Words of a question to the persona: a weak cue in such a message is about her. Object pronouns ("te mando ...
     * desde guadalajara", "ich schick dir was aus berlin") are left out: "you" as the one spoken to, not the one who
     * is somewhere.
     */
    private static final Set<String> SECOND_PERSON = Set.of("you", "u", "ur", "your", "youre", "you're", "ya", "yu",
            "ka", "mo", "ikaw", "kayo", "nimo", "du", "jij", "je", "jou", "jouw", "tu", "vous",
            "voce", "vc", "usted", "ты", "вы", "sei");
    /** Travel and plans: "i want to visit paris", "i was in manila last year" say nothing of where he lives. */
    private static final Set<String> TRAVEL = Set.of("visit", "visiting", "visited", "travel", "traveling",
            "travelling", "trip", "vacation", "holiday", "holidays", "fly", "flying", "flight", "going", "go", "come",
            "coming", "went", "been", "was", "were", "will", "gonna", "move", "moving", "punta", "pupunta", "bisita",
            "pasyal", "urlaub", "reise", "reisen", "fliege", "vakantie", "reis", "vlieg", "viaje", "vacaciones",
            "voyage", "vacances", "viagem", "ferias", "vacanza", "viaggio", "semester", "resa", "ferie", "wakacje",
            "podroz", "отпуск", "поездка", "tour", "visa", "ticket", "airport", "hotel");
    /** "X here", and Tagalog's "X ako" ("quezon city ako": I am in Quezon City). */
    private static final Set<String> HERE = Set.of("here", "hier", "aqui", "ici", "dito", "qui", "diri", "ako");
    private static final Set<String> GREETINGS = Set.of("hi", "hey", "hello", "hallo", "hola", "salut", "oi", "ciao",
            "hej", "yo", "hiya", "greetings", "cheers", "mabuhay", "kumusta", "musta");
    /** Words that may follow a nationality: "im british", "im a german guy", "i am american and 45". */
    private static final Set<String> AFTER_DEMONYM = Set.of("guy", "man", "bloke", "dude", "male", "here", "living",
            "and", "btw", "too", "lol", "so", "but", "citizen", "by", "born", "mann", "hombre", "homme", "homem",
            "uomo", "gent", "gentleman");

    /** "im", "i am", "ich bin", "soy"...: what may stand before a nationality. */
    private static final Set<String> BEING = Set.of("im", "i'm", "i", "ich", "ik", "soy", "je", "sou", "sono",
            "jag", "jeg", "jestem");
    private static final Set<String> BEING_SECOND = Set.of("am", "bin", "ben", "suis", "ar", "er");
    private static final Set<String> DEMONYM_FILLERS = Set.of("a", "an", "een", "ein", "eine", "un", "una", "une",
            "um", "uma", "proud", "stolzer", "trotse", "orgulloso", "fier", "real", "true", "born");

    /** What a word may be, in one look-up per word: a second-person word, a travel word, a verb of being, a cue. */
    private static final int YOU = 1;
    private static final int TRIP = 2;
    private static final int BE = 4;
    private static final int CUE = 8;
    private static final Map<String, Integer> ROLES = roles();

    private static Map<String, Integer> roles() {
        Map<String, Integer> roles = new HashMap<>();
        SECOND_PERSON.forEach(w -> roles.merge(w, YOU, (a, b) -> a | b));
        TRAVEL.forEach(w -> roles.merge(w, TRIP, (a, b) -> a | b));
        BEING.forEach(w -> roles.merge(w, BE, (a, b) -> a | b));
        CUES.keySet().forEach(w -> roles.merge(w, CUE, (a, b) -> a | b));
        roles.merge("taga-", CUE, (a, b) -> a | b);
        return Map.copyOf(roles);
    }

    private final Gazetteer gazetteer;

    PlaceReader(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    private static Map<String, List<Cue>> cues() {
        Map<String, List<Cue>> cues = new HashMap<>();
        String home = "lives in";
        cue(cues, HOME, home, null, "i live in", "i live near", "i live outside", "i live outside of",
                "i live close to", "i live just outside", "i live next to", "i live around", "im living in",
                "i'm living in", "i am living in", "i reside in", "i'm from", "im from", "i am from", "i come from",
                "i'm originally from", "im originally from", "originally from", "born and raised in", "based in",
                "greetings from", "my home is in", "my hometown is", "home is",
                "ik woon in", "ik woon bij", "ik woon vlakbij", "ik woon nabij", "ik woon rond", "ik woon buiten",
                "ik kom uit", "ik kom van", "woon in", "groeten uit", "groetjes uit",
                "ich wohne in", "ich wohne bei", "ich wohne nahe", "ich wohne nah bei", "ich wohne im",
                "ich lebe in", "ich lebe im", "ich komme aus", "ich bin aus", "wohne in", "komme aus", "gruße aus",
                "grusse aus", "gruesse aus",
                "soy de", "vivo en", "vivo cerca de", "yo soy de", "yo vivo en", "saludos desde", "soy del",
                "je suis de", "je suis du", "j'habite a", "j'habite en", "j'habite au", "j'habite aux",
                "j'habite pres de", "j'habite dans", "jhabite a", "jhabite en", "je vis a", "je vis en", "je vis au",
                "je viens de", "je viens du", "je viens",
                "sou de", "sou do", "sou da", "eu sou de", "moro em", "moro no", "moro na", "moro perto de",
                "eu moro em", "eu moro no", "eu moro na", "vivo em", "vivo no", "vivo na",
                "vivo a", "vivo in", "abito a", "abito in", "sono di", "vengo da", "vengo dalla", "vengo dal",
                "jag bor i", "jag bor nara", "jag kommer fran", "jag ar fran", "bor i",
                "jeg bor i", "jeg kommer fra", "jeg er fra", "jeg bor pa",
                "mieszkam w", "mieszkam we", "mieszkam pod", "mieszkam kolo", "jestem z", "jestem ze",
                "pochodze z", "pochodze ze",
                "я из", "я живу в", "живу в", "я живу во", "я родом из",
                "yo de", "yo soy de", "ich bin us", "bin us", "ik woon nu in", "ich wohne jetzt in", "i live now in",
                "vivo ahora en", "moro agora em", "jeg bor nu i", "jeg bor na i", "jag bor nu i",
                "ya iz", "ya zhivu v", "zhivu v", "ya rodom iz", "ja iz", "ja zhivu v",
                "taga", "tiga", "nakatira ako sa", "nakatira sa", "galing ako sa", "nagpuyo ko sa", "nagpuyo ko",
                "gikan ko sa", "gikan ko");
        cue(cues, PRESENT, "is in", null, "im in", "i'm in", "i am in", "im currently in", "i'm currently in",
                "im here in", "i'm here in", "im staying in", "i'm staying in", "im stuck in",
                "ik zit in", "ik ben in", "ich bin in", "ich bin gerade in", "ich bin im",
                "estoy en", "je suis a", "je suis en", "je suis au", "ici en",
                "estou em", "estou no", "estou na", "aqui no", "aqui na",
                "sono a", "sono in", "qui in", "jag ar i", "jeg er i", "jestem w", "jestem we",
                "я в", "я сейчас в", "nandito ako sa", "andito ako sa", "narito ako sa", "dito ako sa",
                "naa ko sa", "ania ko sa", "ari ko sa");
        cue(cues, PRESENT, "is in", Set.of("ako", "ko"), "nasa");
        // "here in X" says where he is whatever else the sentence says: "gonna shoot the leaves here in vermont"
        cue(cues, PRESENT, HERE_NOW, null, "here in", "her i", "har i", "dito sa", "dinhi sa", "hier in", "aqui en",
                "aqui em", "ici a", "qui a", "tutaj w", "тут в", "здесь в", "greetings from", "hello from", "hi from",
                "hej fran", "hilsen fra", "groeten uit", "grusse aus", "saludos desde", "ciao da", "pozdrowienia z",
                "back home in", "home in");
        cue(cues, CONTEXT, "mentions", null, "in", "near", "from", "outside", "aus", "desde", "depuis", "из",
                "em", "da", "uit", "iz", "vicino a", "je reste a", "reste a", "z", "ze", "vanuit", "dalla", "dal",
                "fra", "fran", "vom");
        return cues;
    }

    private static void cue(Map<String, List<Cue>> cues, double weight, String label, Set<String> after,
                            String... phrases) {
        for (String phrase : phrases) {
            String[] words = phrase.split(" ");
            cues.computeIfAbsent(words[0], k -> new ArrayList<>(4)).add(new Cue(words, weight, label, after));
        }
        // the longest cue first: "i live in" before "in"
        cues.values().forEach(list -> list.sort((a, b) -> b.words().length - a.words().length));
    }

    /** Every place the message names, with its weight. Cheap when none is named: one table look-up a word. */
    List<Mention> read(String plain) {
        Tokens t = Tokens.of(plain);
        if (t.size == 0) {
            return List.of();
        }
        List<Mention> found = null;
        int[] roles = new int[t.size];
        // Questions, travel and second person are judged per sentence, and "you" only before the place: "stay
        // close to your family. we did a fundraiser in Brisbane" and "i am in kolkata, daughter your age" are his.
        int[] sentence = new int[t.size];
        int sentences = 0;
        for (int i = 0; i < t.size; i++) {
            String word = t.word[i];
            Integer role = ROLES.get(word.startsWith("taga-") ? "taga-" : word);
            roles[i] = role == null ? 0 : role;
            sentence[i] = sentences;
            if (t.stop[i]) {
                sentences++;
            }
        }
        int[] sentenceRoles = new int[sentences + 1];
        boolean[] sentenceQuestion = new boolean[sentences + 1];
        for (int i = 0; i < t.size; i++) {
            sentenceRoles[sentence[i]] |= roles[i];
            sentenceQuestion[sentence[i]] |= t.questionAfter[i];
        }
        boolean[] youBefore = new boolean[t.size];
        for (int i = 1; i < t.size; i++) {
            youBefore[i] = sentence[i] == sentence[i - 1] && (youBefore[i - 1] || (roles[i - 1] & YOU) != 0);
        }
        int[] span = new int[1];
        int i = 0;
        while (i < t.size) {
            span[0] = i + 1;
            boolean question = sentenceQuestion[sentence[i]];
            boolean secondPerson = youBefore[i];
            boolean travel = (sentenceRoles[sentence[i]] & TRIP) != 0;
            Mention mention = null;
            String word = t.word[i];
            List<Cue> cues = (roles[i] & CUE) == 0 ? null : CUES.get(word.startsWith("taga-") ? "taga" : word);
            if (cues != null) {
                for (Cue cue : cues) {
                    int end = word.startsWith("taga-") ? i : matches(t, i, cue.words());
                    if (end < 0) {
                        continue;
                    }
                    // "flying from calgary": where he sets out from is where he is from
                    boolean origin = cue.words().length == 1 && ORIGIN.contains(cue.words()[0]);
                    if (cue.weight() < HOME && travel && !HERE_NOW.equals(cue.label()) && !origin
                            || cue.weight() == CONTEXT && (secondPerson || question)) {
                        break;
                    }
                    mention = cued(t, end, cue, span);
                    break;
                }
            }
            if (mention == null && (roles[i] & BE) != 0) {
                mention = nationality(t, i, span);
            }
            if (mention == null && !travel && !secondPerson && word.length() >= 3) {
                Hit hit = longest(t, i, false);
                if (hit != null && hit.place != null) {
                    mention = here(t, i, hit);
                    if (mention == null) {
                        mention = pairOrBare(t, hit, span);
                    }
                    span[0] = Math.max(span[0], hit.end);
                }
            }
            if (mention != null) {
                if (found == null) {
                    found = new ArrayList<>(2);
                }
                found.add(mention);
            }
            i = Math.max(i + 1, span[0]);
        }
        return found == null ? List.of() : found;
    }

    /** The index after the cue's words if they stand at {@code i}, or -1. */
    private static int matches(Tokens t, int i, String[] words) {
        if (i + words.length > t.size) {
            return -1;
        }
        for (int k = 1; k < words.length; k++) {
            if (!t.word[i + k].equals(words[k])) {
                return -1;
            }
        }
        return i + words.length;
    }

    /** The place right after a cue, with the "City, ST" / "City, Region" pair that may follow it. */
    private Mention cued(Tokens t, int at, Cue cue, int[] span) {
        int start = at;
        while (start < t.size && ARTICLES.contains(t.word[start]) && start - at < 2) {
            start++;
        }
        if (start >= t.size) {
            return null;
        }
        Hit hit = longest(t, start, cue.weight() >= PRESENT);
        if (hit == null) {
            return null;
        }
        Gazetteer.Place place = hit.place;
        if (place != null && place.kind() == Gazetteer.Kind.DEMONYM) {
            return null;
        }
        boolean home = cue.weight() == HOME;
        if (!acceptable(hit, home, cue.weight() == CONTEXT)) {
            return null;
        }
        if (cue.weight() == CONTEXT && place != null && PERSONA_COUNTRY.equals(place.country())) {
            return null; // "in the visayas", "from manila": he is most often talking about her country
        }
        if (cue.after() != null && (hit.end >= t.size || !cue.after().contains(t.word[hit.end]))) {
            return null;
        }
        span[0] = hit.end;
        Mention pair = pair(t, hit, cue.weight(), cue.label(), span);
        if (pair != null) {
            return pair;
        }
        if (place == null) {
            return null;
        }
        return new Mention(place.country(), cue.weight(), cue.label() + " " + hit.name);
    }

    private static final Set<String> EVERYDAY = Set.of("bed", "home", "work", "school", "love", "time", "class",
            "town", "church", "hospital", "office", "mind", "case", "fact", "general", "trouble", "bath", "hell",
            "heaven", "paradise", "progress", "order", "charge", "luck", "fashion", "college", "university", "jail",
            "prison", "china", "turkey", "reading", "nice", "mobile", "victoria", "george", "march", "may", "june");

    /** Whether a name read after a cue is a place: common words only as regions after a cue of one's home. */
    private static boolean acceptable(Hit hit, boolean home, boolean weak) {
        if (hit.place == null) {
            return hit.abbreviation != null && home;
        }
        if (hit.place.kind() == Gazetteer.Kind.ABBREVIATION) {
            return home;
        }
        // A city whose name is also a word ("from cork", "hello from bologna") counts after a cue when it is large,
        // unless the word is one people are "in" or "from" every day ("in bed", "from work").
        boolean bigCity = hit.place.population() >= 150_000 && !EVERYDAY.contains(hit.name);
        if (hit.common && !(home && hit.place.large() && hit.place.population() == 0) && !bigCity) {
            return false;
        }
        return !weak || hit.place.large() || hit.place.population() >= 15_000;
    }

    /** "Springfield, IL", "Perth, Australia", "Paris, Texas": the region or country after the comma decides. */
    private Mention pair(Tokens t, Hit city, double weight, String label, int[] span) {
        int j = city.end;
        if (j >= t.size || !t.commaBefore[j] || city.common || city.place == null
                || city.place.kind() != Gazetteer.Kind.PLACE && city.place.kind() != Gazetteer.Kind.REGION) {
            return null;
        }
        String word = t.word[j];
        List<String> states = word.length() <= 3 ? gazetteer.abbreviation(word) : List.of();
        if (!states.isEmpty() && (j + 1 == t.size || t.clauseEnd[j] || HERE.contains(t.word[j + 1])
                || t.word[j + 1].equals("area") || t.word[j + 1].equals("usa"))) {
            String country = states.contains(city.place.country()) ? city.place.country() : states.getFirst();
            span[0] = j + 1;
            return new Mention(country, weight, label + " " + city.name + ", " + word);
        }
        Hit region = longest(t, j, false);
        if (region != null && region.place != null && !region.common
                && (region.place.kind() == Gazetteer.Kind.REGION || region.place.kind() == Gazetteer.Kind.COUNTRY)) {
            span[0] = region.end;
            return new Mention(region.place.country(), weight, label + " " + city.name + ", " + region.name);
        }
        return null;
    }

    /** "leeds here", "hi, manila here!": a place standing alone before "here", at the start of a clause. */
    private static Mention here(Tokens t, int i, Hit hit) {
        if (i > 0 && !t.clauseEnd[i - 1] && !t.commaBefore[i] && !GREETINGS.contains(t.word[i - 1])) {
            return null;
        }
        if (hit.common || hit.end >= t.size || !HERE.contains(t.word[hit.end])
                || hit.place.kind() == Gazetteer.Kind.DEMONYM || hit.place.kind() == Gazetteer.Kind.ABBREVIATION) {
            return null;
        }
        if (hit.end + 1 < t.size && !t.clauseEnd[hit.end] || t.questionAfter[hit.end]) {
            return null;
        }
        return new Mention(hit.place.country(), PRESENT, "says " + hit.name + " here");
    }

    /** "im british", "ich bin Deutscher", "soy mexicano": a nationality after a verb of being. */
    private Mention nationality(Tokens t, int i, int[] span) {
        int at = i + 1;
        String word = t.word[i];
        if (word.equals("i") || word.equals("ich") || word.equals("ik") || word.equals("je") || word.equals("jag")
                || word.equals("jeg")) {
            if (at >= t.size || !BEING_SECOND.contains(t.word[at])) {
                return null;
            }
            at++;
        }
        while (at < t.size && DEMONYM_FILLERS.contains(t.word[at]) && at - i < 4) {
            at++;
        }
        if (at >= t.size) {
            return null;
        }
        Gazetteer.Place place = gazetteer.place(t.word[at]);
        if (place == null || place.kind() != Gazetteer.Kind.DEMONYM) {
            return null;
        }
        if (at + 1 < t.size && !t.clauseEnd[at] && !AFTER_DEMONYM.contains(t.word[at + 1])) {
            return null; // "im an english teacher": the word is not his nationality
        }
        span[0] = at + 1;
        return new Mention(place.country(), PRESENT, "says he is " + t.word[at]);
    }

    /** "Springfield, IL" without a cue, or a large place named with no cue at all (at the lowest weight). */
    private Mention pairOrBare(Tokens t, Hit hit, int[] span) {
        Mention pair = pair(t, hit, PRESENT, "names", span);
        if (pair != null) {
            return pair;
        }
        Gazetteer.Place place = hit.place;
        if (hit.common || !place.large() || place.alternate() || place.kind() == Gazetteer.Kind.DEMONYM
                || place.kind() == Gazetteer.Kind.ABBREVIATION || place.country().equals(PERSONA_COUNTRY)
                || hit.name.length() < 4) {
            return null;
        }
        return new Mention(place.country(), BARE, "mentions " + hit.name);
    }

    /** A name found at a token: the place (or null), the state abbreviation, the end token, and whether common. */
    private record Hit(String name, Gazetteer.Place place, List<String> abbreviation, int end, boolean common) {
    }

    /** The longest name of up to four words starting at {@code start}; declined forms after a cue. */
    private Hit longest(Tokens t, int start, boolean declined) {
        String word = t.word[start];
        if (!declined && !word.startsWith("taga-") && !word.startsWith("d'") && !word.startsWith("l'")
                && !gazetteer.mayName(word)) {
            return null;
        }
        if (gazetteer.startsLongerName(word)) {
            int max = Math.min(t.size - start, Gazetteer.longestNameWords());
            for (int n = max; n >= 2; n--) {
                if (t.breakWithin(start, start + n)) {
                    continue;
                }
                String name = t.join(start, start + n);
                Gazetteer.Place place = gazetteer.place(name);
                if (place != null) {
                    return new Hit(name, place, null, start + n, false);
                }
            }
        }
        if (word.startsWith("taga-") || word.startsWith("d'") || word.startsWith("l'")) {
            word = word.substring(word.indexOf(word.charAt(0) == 't' ? '-' : '\'') + 1);
        }
        Gazetteer.Place place = gazetteer.place(word);
        if (place != null) {
            return new Hit(word, place, null, start + 1, CommonWords.contains(word));
        }
        if (word.length() <= 3) {
            List<String> states = gazetteer.abbreviation(word);
            if (!states.isEmpty() && !CommonWords.contains(word)) {
                return new Hit(word, new Gazetteer.Place(states.getFirst(), 0, Gazetteer.Kind.ABBREVIATION), states,
                        start + 1, false);
            }
        }
        if (declined && word.length() >= 5 && !CommonWords.contains(word)) {
            for (String form : nominatives(word)) {
                place = gazetteer.place(form);
                if (place != null) {
                    return new Hit(form, place, null, start + 1, false);
                }
            }
        }
        return null;
    }

    /** Polish and Russian case endings back to the nominative: "warszawie", "krakowa", "москвы", "германии". */
    private static List<String> nominatives(String word) {
        List<String> forms = new ArrayList<>(4);
        int n = word.length();
        if (word.endsWith("sce")) {
            forms.add(word.substring(0, n - 3) + "ska");
        }
        if (word.endsWith("ia")) {
            forms.add(word.substring(0, n - 2)); // "wroclawia", "poznania"
        }
        if (word.endsWith("ie") || word.endsWith("ии")) {
            forms.add(word.substring(0, n - 2) + (word.endsWith("ии") ? "ия" : "a"));
            forms.add(word.substring(0, n - 2));
        }
        char last = word.charAt(n - 1);
        if ("yieuыиеуa".indexOf(last) >= 0 || last == 'а') {
            String stem = word.substring(0, n - 1);
            forms.add(stem);
            forms.add(stem + (Character.UnicodeBlock.of(last) == Character.UnicodeBlock.CYRILLIC ? "а" : "a"));
        }
        return forms;
    }

    /** A message's words with where punctuation stood between them. */
    static final class Tokens {
        final String[] word;
        /** Whether a comma stands right before word i. */
        final boolean[] commaBefore;
        /** Whether word i ends a clause (. ! ; : , or the end follows it). */
        final boolean[] clauseEnd;
        /** Whether a question mark follows word i before the next word. */
        final boolean[] questionAfter;
        /** Whether a sentence ends after word i (. ! ? ;). */
        final boolean[] stop;
        final int size;

        private Tokens(String[] word, boolean[] commaBefore, boolean[] clauseEnd, boolean[] questionAfter,
                       boolean[] stop, int size) {
            this.word = word;
            this.stop = stop;
            this.commaBefore = commaBefore;
            this.clauseEnd = clauseEnd;
            this.questionAfter = questionAfter;
            this.size = size;
        }

        static Tokens of(String plain) {
            int cap = 8;
            String[] word = new String[cap];
            boolean[] comma = new boolean[cap];
            boolean[] end = new boolean[cap];
            boolean[] question = new boolean[cap];
            boolean[] stop = new boolean[cap];
            int n = 0;
            int i = 0;
            int length = plain.length();
            boolean sawComma = false;
            while (i < length) {
                char c = plain.charAt(i);
                if (!Character.isLetter(c)) {
                    if (n > 0 && (c == '.' || c == '!' || c == ';' || c == ':' || c == ',' || c == '?')) {
                        end[n - 1] = true;
                        question[n - 1] |= c == '?';
                        stop[n - 1] |= c == '.' || c == '!' || c == '?' || c == ';';
                    }
                    sawComma |= c == ',';
                    i++;
                    continue;
                }
                int start = i;
                while (i < length && (Character.isLetter(plain.charAt(i)) || (plain.charAt(i) == '\''
                        || plain.charAt(i) == '-') && i + 1 < length && Character.isLetter(plain.charAt(i + 1)))) {
                    i++;
                }
                if (n == cap) {
                    cap *= 2;
                    word = java.util.Arrays.copyOf(word, cap);
                    comma = java.util.Arrays.copyOf(comma, cap);
                    end = java.util.Arrays.copyOf(end, cap);
                    question = java.util.Arrays.copyOf(question, cap);
                    stop = java.util.Arrays.copyOf(stop, cap);
                }
                word[n] = plain.substring(start, i);
                comma[n] = sawComma;
                sawComma = false;
                n++;
            }
            if (n > 0) {
                end[n - 1] = true;
            }
            return new Tokens(word, comma, end, question, stop, n);
        }

        /** Whether punctuation stands between words from..to-1 (a name does not run over it). */
        boolean breakWithin(int from, int to) {
            for (int k = from; k < to - 1; k++) {
                if (clauseEnd[k]) {
                    return true;
                }
            }
            return false;
        }

        String join(int from, int to) {
            StringBuilder b = new StringBuilder(word[from]);
            for (int k = from + 1; k < to; k++) {
                b.append(' ').append(word[k]);
            }
            return b.toString();
        }
    }
}
