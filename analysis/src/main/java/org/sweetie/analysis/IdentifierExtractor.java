package org.sweetie.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import org.sweetie.core.Identifier;
import org.sweetie.core.IdentifierType;

/**
 * Finds what a partner reveals about himself in a message: contact and payment handles, phone numbers, email
 * addresses, URLs, crypto addresses, and self-reported name, age, location and occupation, each with its span.
 */
final class IdentifierExtractor {
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final Pattern EMAIL = Pattern.compile("(?<![\\w.+-])[\\w.%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*"
            + "\\.[A-Za-z]{2,}(?![\\w-])");
    private static final Pattern URL = Pattern.compile("(?i)(?:https?://|www\\.)[^\\s<>\"]+"
            + "|(?<![\\w@.])(?:facebook|fb|instagram|tiktok|twitter|x|t|wa|snapchat|discord|vk|ok|paypal)"
            + "\\.(?:com|me|gg|ru)/[^\\s<>\"]+");
    /**
     * A host written without http or www, under a common top-level domain: "example.net/u/macca" (with a path), or
     * "baikal-frames.example.net" where the line speaks of a blog, site or page. Read after the handles, so that
     * "skype dave.example.uk" stays a handle.
     */
    private static final Pattern BARE_HOST = Pattern.compile("(?i)(?<![\\w@.\\-/])((?:[a-z0-9][a-z0-9\\-]*\\.)+"
            + "(?:com|net|org|info|io|de|nl|uk|ru|ph|au|ca|fr|it|es|pl|se|no|dk|be|ch|at|br|pt|in))(/[^\\s<>\"]*)?"
            + "(?![\\w@\\-])");
    private static final Pattern WEB_CUE = Pattern.compile("(?i)(?<![\\p{L}])(?:blog|site|website|web|page|homepage|"
            + "link|url|portfolio|profile|profil|pagina|página|seite|sida|side|strona|сайт|блог)(?![\\p{L}])");
    private static final Map<String, IdentifierType> PLATFORMS = Map.ofEntries(
            Map.entry("skype", IdentifierType.SKYPE), Map.entry("facebook", IdentifierType.FACEBOOK),
            Map.entry("fb", IdentifierType.FACEBOOK), Map.entry("face", IdentifierType.FACEBOOK), Map.entry("messenger", IdentifierType.FACEBOOK),
            Map.entry("instagram", IdentifierType.INSTAGRAM), Map.entry("insta", IdentifierType.INSTAGRAM),
            Map.entry("ig", IdentifierType.INSTAGRAM), Map.entry("snapchat", IdentifierType.SNAPCHAT),
            Map.entry("snap", IdentifierType.SNAPCHAT), Map.entry("sc", IdentifierType.SNAPCHAT),
            Map.entry("kik", IdentifierType.KIK), Map.entry("telegram", IdentifierType.TELEGRAM),
            Map.entry("tg", IdentifierType.TELEGRAM), Map.entry("whatsapp", IdentifierType.WHATSAPP),
            Map.entry("whats app", IdentifierType.WHATSAPP), Map.entry("wa", IdentifierType.WHATSAPP),
            Map.entry("discord", IdentifierType.DISCORD), Map.entry("twitter", IdentifierType.X),
            Map.entry("tiktok", IdentifierType.TIKTOK), Map.entry("line", IdentifierType.LINE),
            Map.entry("viber", IdentifierType.VIBER), Map.entry("wechat", IdentifierType.WECHAT),
            Map.entry("paypal", IdentifierType.PAYPAL), Map.entry("cashapp", IdentifierType.CASHAPP),
            Map.entry("cash app", IdentifierType.CASHAPP), Map.entry("venmo", IdentifierType.VENMO),
            Map.entry("gcash", IdentifierType.GCASH), Map.entry("скайп", IdentifierType.SKYPE),
            Map.entry("телеграм", IdentifierType.TELEGRAM), Map.entry("telega", IdentifierType.TELEGRAM), Map.entry("телега", IdentifierType.TELEGRAM),
            Map.entry("вотсап", IdentifierType.WHATSAPP), Map.entry("ватсап", IdentifierType.WHATSAPP),
            Map.entry("инста", IdentifierType.INSTAGRAM), Map.entry("инстаграм", IdentifierType.INSTAGRAM),
            Map.entry("снэпчат", IdentifierType.SNAPCHAT), Map.entry("дискорд", IdentifierType.DISCORD));
    /** The platforms' names as the folded text has them (accents gone: "скайп" reads "скаип", й being и + breve). */
    private static final Set<String> PLATFORM_WORDS = PLATFORMS.keySet().stream().map(CommonWords::fold)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());
    /** What may stand between two digits said in words: spaces, commas, hyphens. */
    private static final Pattern DIGIT_JOINER = Pattern.compile("[\\s,\\-]*");
    /** A dot written out: "(dot)", "(punkt)", "[dot]", or " dot " / " kropka " between words ("point" only in brackets). */
    private static final String WRITTEN_DOT_RE = "\\s*\\((?:dot|punkt|point|punto|ponto|punt|kropka)\\)\\s*"
            + "|\\s*\\[dot\\]\\s*|\\s+(?:dot|punkt|punto|ponto|punt|kropka|точка)\\s+|\\s+(?:\\.|point)\\s+(?=[\\w\\-]*[\\d_][\\w\\-]*(?:[\\s,.!?]|$))";
    /** A dot, plain or written out. */
    private static final String DOT = "(?:\\.|" + WRITTEN_DOT_RE + ")";
    /** A platform's name, a few filler words ("add me on skype: ", "my snap is "), then the handle. */
    private static final Pattern CUED_HANDLE = Pattern.compile("(?iu)(?<![\\w@.])(" + String.join("|",
            PLATFORMS.keySet().stream().sorted((a, b) -> b.length() - a.length()).toList())
            + ")(?:'s)?(?![\\w])(?:\\s*(?:[:=\\-,]|(?:is|id|name|username|user|handle|acc(?:ount)?|me|on|at|ko|ay|ang|mo|"
            + "to|it'?s|pls|plz|please|es|e|est|ist|isch|é|è|eh|er|är|als|mig|meg|am|mijn|mein|mi|mis|meu|mon|je|du|мой|моя)(?![\\w.]))\\s*){0,3}\\s*"
            + "(\\+?[\\w][\\w.\\-]{1,39}(?:" + DOT + "[\\w\\-]+)*(?:#\\d{4})?|@[\\w][\\w.\\-]{1,39}"
            + "|\\$[A-Za-z][\\w]{1,19})");
    /** "@handle on telegram": the handle first. */
    private static final Pattern HANDLE_THEN_PLATFORM = Pattern.compile("(?i)(?<![\\w@])@([\\w][\\w.]{2,31})\\s+"
            + "(?:on|in|at|op|auf|en|sur|em|sa)\\s+(telegram|insta(?:gram)?|twitter|tiktok|x|discord|snap(?:chat)?)"
            + "(?![\\w])");
    private static final Pattern CASHTAG = Pattern.compile("(?<![\\w$])\\$([A-Za-z][A-Za-z0-9_]{1,19})(?![\\w])");
    /** The fewest ASCII letters and digits in a row that {@link #BITCOIN} matches ("bc1" and 11 more). */
    private static final int SHORTEST_WALLET = 14;
    private static final Pattern BITCOIN = Pattern.compile("(?<![\\w])(?:[13][1-9A-HJ-NP-Za-km-z]{25,34}"
            + "|bc1[02-9ac-hj-np-z]{11,71})(?![\\w])");
    /**
     * A native SegWit address by its shape alone (bc1q and 38 or 58 characters of the bech32 alphabet): a checksum
     * typo still names the wallet he meant, and nothing else in chat has this shape.
     */
    private static final Pattern SEGWIT_SHAPE = Pattern.compile("bc1q[02-9ac-hj-np-z]{38}|bc1q[02-9ac-hj-np-z]{58}");
    private static final Pattern ETHEREUM = Pattern.compile("(?<![\\w])0x[0-9a-fA-F]{40}(?![\\w])");
    private static final Pattern IPV4 = Pattern.compile("(?<![\\d.])(?:(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}"
            + "(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)(?![\\d.])");
    private static final Pattern NAME = Pattern.compile("(?i:my name is|my name's|name is|call me|i am called|"
            + "ik heet|mijn naam is|ich hei(?:ss|ß)e|mein name ist|me llamo|mi nombre es|je m'appelle|je m’appelle|"
            + "meu nome (?:é|e)|me chamo|ako si|pangalan ko ay)\\s+([A-Z][a-z]+(?:\\s+[A-Z][a-z]+)?)");
    private static final Pattern AGE = Pattern.compile("(?i)(?<![\\w])(?:i'?m|i am|im|age|ik ben|ich bin|tengo|"
            + "j'ai|tenho)\\s+(\\d{2})(?:\\s*(?:yo|y/o|years?(?: old)?|jaar|jahre|anos|años|ans))?(?![\\w])");
    private static final Pattern LOCATION = Pattern.compile("(?i:i live in|i'm from|im from|i am from|living in|"
            + "ik woon in|ik kom uit|ich wohne in|ich komme aus|ich bin aus|vivo en|soy de|j'habite (?:a|à)|je viens de|moro em|"
            + "sou de|taga)\\s+((?:[A-Z][\\p{L}'\\-]+)(?:[ ,]+(?:[A-Z][\\p{L}'\\-]+)){0,2})");
    private static final Pattern OCCUPATION = Pattern.compile("(?i:i work as an?|i'm an?|im an?|i am an?|my job is|"
            + "i work as|ik ben (?:een )?|ich bin (?:ein |eine )?|soy|je suis|sou)\\s+(teacher|engineer|nurse|doctor|"
            + "driver|truck driver|taxi driver|mechanic|pilot|soldier|police officer|programmer|developer|"
            + "accountant|manager|salesman|chef|cook|farmer|builder|electrician|plumber|lawyer|student|"
            + "businessman|priest|coach|leraar|ingenieur|verpleger|chauffeur|lehrer|krankenpfleger|fahrer|"
            + "profesor|ingeniero|conductor|professeur|ingenieur|chauffeur|professor|engenheiro|motorista)"
            + "(?![\\w])");
    private static final List<String> NAME_CUES = List.of("name", "call me", "called", "heet", "naam", "heiss",
            "heiß", "llamo", "nombre", "appelle", "nome", "chamo", "ako si", "pangalan");
    private static final List<String> LOCATION_CUES = List.of("live", "from", "woon", "kom uit", "wohne",
            "komme aus", "bin aus", "vivo", "soy de", "habite", "viens de", "moro", "sou de", "taga");
    /** The occupations the pattern knows, as they appear in lower-case text. */
    private static final List<String> OCCUPATION_CUES = List.of("teacher", "engineer", "nurse", "doctor", "driver",
            "mechanic", "pilot", "soldier", "police", "programmer", "developer", "accountant", "manager", "salesman",
            "chef", "cook", "farmer", "builder", "electrician", "plumber", "lawyer", "student", "businessman",
            "priest", "coach", "leraar", "ingenieur", "verpleger", "chauffeur", "lehrer", "krankenpfleger",
            "fahrer", "profesor", "ingeniero", "conductor", "professeur", "professor", "engenheiro", "motorista");
    private static final Set<String> NOT_HANDLES = Set.of("me", "you", "u", "it", "is", "on", "later", "too",
            "the", "a", "an", "and", "or", "now", "pls", "please", "there", "here", "what", "ok", "okay", "no", "yes",
            "then", "first", "also", "my", "your", "ur", "name", "id", "add", "have", "has", "do", "dont", "don't",
            "call", "calls", "video", "chat", "plz", "with", "account", "acc", "app", "moy", "moya", "moi", "moj", "isch");
    /** Platform names that are also words, abbreviations or Tagalog: a plain word after them needs "id", "is" or ":". */
    private static final Set<String> AMBIGUOUS_PLATFORMS = Set.of("line", "tg", "wa", "ig", "fb", "sc", "snap", "face",
            "insta", "messenger", "whats app");
    private static final Pattern EXPLICIT_CUE = Pattern.compile("(?<![\\w])(?:is|id|name|username|user|handle|"
            + "it'?s|ay|es|ist|est|é)(?![\\w])");
    /**
     * After a platform was named (in this line or a few lines before: "u got telegram?"), the handle often comes with
     * a cue of its own and no platform name: "add me: x", "mine is x", "im x", "follow me @x", "el mío es x", "il mio
     * è @x", "min er x", "meins: x", "búscame: x", "мой x". A separator written out ("ralf(punkt)bi", "dave dot
     * wilko") is read as a dot.
     */
    private static final Pattern CONTEXT_HANDLE = Pattern.compile("(?iu)(?:(?<![\\p{L}])(?:add mo ko|add mo ako|add me|"
            + "add|mine is|mine's|mines|i'?m|i am|follow me|find me|search|my name (?:on there|there|on it)(?: is)?|"
            + "my id(?: is)?|my|el m[ií]o(?: es)?|mi usuario(?: es)?|il mio(?: id)?(?: [èe])?|io sono|sono|min er|"
            + "jeg er|jag är|meins|mein name|búscame|buscame|agr[eé]game|me acha|me segue|me sigue|мой|моя|ik ben|"
            + "ich bin|je suis|c'est|soy|sou|mijn naam daar is|naam daar is|o meu [ée]|meu [ée]|meiner(?: ist)?|"
            + "mitt namn(?: [äa]r)?|mein name(?: dort| da)?(?: ist)?|mi nombre(?: es)?|meu nome(?: [ée])?|"
            + "il mio nome(?: [èe])?|mon nom(?: c'est| est)?|mitt navn(?: er)?|mit navn(?: er)?|heet ik|ik heet|"
            + "meins ist|min är|mitt är|mitt er|ich bin da als|als|it'?s|is|é|è|es|ist|est|er|är)"
            + "|[?:,]|^)\\s*[:=,]?\\s*(@?[\\p{L}\\d][\\w\\-]*(?:" + DOT + "[\\w\\-]+)*(?:#\\d{4})?)");
    /** A lone @handle while a platform is being talked about: "on X, @tucson_skies_ex". */
    private static final Pattern AT_HANDLE = Pattern.compile("(?<![\\w@.])@([\\p{L}\\d][\\w.\\-]{2,39})(?![\\w@])");
    private static final Pattern WRITTEN_DOT = Pattern.compile("(?iu)" + WRITTEN_DOT_RE);
    private static final Pattern EMAIL_WRITTEN_DOT = Pattern.compile("(?iu)" + WRITTEN_DOT_RE + "|\\s+point\\s+");
    /** An email address with its @ and dots written out: "brad dot kessler at example dot com", "x (at) y (punkt) net". */
    /** In an address written out, French "point" is a dot too: the at-word around it makes it one. */
    private static final String EMAIL_DOT = "(?:" + DOT + "|\\s+point\\s+)";
    private static final Pattern WRITTEN_EMAIL = Pattern.compile("(?iu)(?<![\\w.])([\\w+\\-]+(?:" + EMAIL_DOT
            + "[\\w+\\-]+)*)\\s*(?:\\((?:at|ät|arroba|arobase|chiocciola|małpa|malpa|apenstaartje|klammeraffe)\\)"
            + "|\\[at\\]|\\s+(?:at|arroba|arobase|małpa|malpa|apenstaartje|klammeraffe|chiocciola|snabel-a|собака)\\s+)"
            + "\\s*([\\w\\-]+(?:" + EMAIL_DOT + "[\\w\\-]+)+)");
    /** A phone number written with letter O for zero or with its digits spaced out: "o7700 9OO 518", "0 4 9 1 5 7". */
    private static final Pattern DISGUISED_PHONE = Pattern.compile("(?<![\\w+])(\\+?[0-9oO](?:[ .\\-]?[0-9oO]){8,14})"
            + "(?![\\w])");
    private static final Pattern PH_MOBILE = Pattern.compile("(?<![\\d+])09\\d{2} ?\\d{3} ?\\d{4}(?![\\d])");
    private static final int TALK_LINE_LIMIT = 1_000;
    /** Names of platforms as they come up in talk, for the handles that follow later. */
    private static final Map<String, IdentifierType> TALK_PLATFORMS = Map.ofEntries(
            Map.entry("tweet", IdentifierType.X), Map.entry("tweets", IdentifierType.X),
            Map.entry("телеграм", IdentifierType.TELEGRAM), Map.entry("телеграме", IdentifierType.TELEGRAM),
            Map.entry("вк", IdentifierType.URL), Map.entry("вконтакте", IdentifierType.URL));

    /** Numbers in national form whose shape tells their country when nothing else does. */
    private static final Pattern NORTH_AMERICAN = Pattern.compile("(?<![\\d+])(?:1[ .-]?)?\\(?[2-9]\\d{2}\\)?"
            + "[ .-]?[2-9]\\d{2}[ .-]\\d{4}(?![\\d])");
    private static final Pattern UK_MOBILE = Pattern.compile("(?<![\\d+])07\\d{3} ?\\d{3} ?\\d{3}(?![\\d])");
    private static final Pattern AU_MOBILE = Pattern.compile("(?<![\\d+])04\\d{2} ?\\d{3} ?\\d{3}(?![\\d])");
    /** Numbers reserved for fiction (UK 07700 900xxx, US 555-01xx, AU 0491 570 006-159): treated as real ones. */
    private static final Pattern FICTION = Pattern.compile("\\+447700900\\d{3}|\\+1\\d{3}55501\\d{2}"
            + "|\\+61491570(?:0(?:0[6-9]|[1-9]\\d)|1[0-5]\\d)");

    /**
     * Every rule runs only when a cheap look at the text (a plain substring search) says it could match: most
     * messages hold no identifier, and the regular expressions cost far more than the look.
     */
    List<Identifier> extract(String text, Normalized normalized, int message, String region) {
        return extract(text, normalized, message, region, null);
    }

    /**
     * As {@link #extract(String, Normalized, int, String)}, knowing the platform the conversation is talking about
     * (named in this line or a few lines before), for handles given without the platform's name.
     */
    List<Identifier> extract(String text, Normalized normalized, int message, String region,
                             IdentifierType platformInTalk) {
        List<Identifier> found = new ArrayList<>();
        List<int[]> taken = new ArrayList<>();
        String plain = normalized.plain();
        // Identifiers given in talk come in chat-sized lines; the looser readings below are not tried on longer
        // text, where their patterns would cost far more than they could find (a hostile megabyte line).
        boolean chatSized = text.length() <= TALK_LINE_LIMIT;
        if (chatSized && mayWriteOutEmail(plain)) {
            writtenEmails(text, message, found, taken);
        }
        Matcher url = URL.matcher(text);
        boolean maybeUrl = plain.contains("http") || plain.contains("www.") || plain.contains(".com/")
                || plain.contains(".ru/") || plain.contains(".me/") || plain.contains(".gg/");
        while (maybeUrl && url.find()) {
            urlAndProfile(text, url, message, found, taken);
        }
        if (mentionsPlatform(plain)) {
            cuedHandles(text, message, found, taken);
        }
        if (chatSized && platformInTalk != null) {
            contextHandles(text, message, platformInTalk, found, taken);
        }
        if (chatSized && mayNameHost(plain)) {
            bareHosts(text, message, found, taken);
        }
        if (chatSized && maySpeakDigits(plain)) {
            spokenPhones(text, message, region, found, taken);
        }
        if (chatSized && mayHideDigits(text)) {
            disguisedPhones(text, message, region, found, taken);
        }
        // each pattern runs only where a character it needs is in the line: most lines have none of them
        if (text.indexOf('@') >= 0) {
            Matcher m = HANDLE_THEN_PLATFORM.matcher(text);
            while (m.find()) {
                add(found, taken, type(m.group(2)), m.group(1), m.group(1).toLowerCase(Locale.ROOT), message,
                        m.start(), m.end());
            }
            m = EMAIL.matcher(text);
            while (m.find()) {
                boolean paypal = text.substring(Math.max(0, m.start() - 25), m.start()).toLowerCase(Locale.ROOT)
                        .contains("paypal");
                add(found, taken, paypal ? IdentifierType.PAYPAL : IdentifierType.EMAIL, m.group(),
                        m.group().toLowerCase(Locale.ROOT), message, m.start(), m.end());
            }
        }
        if (text.indexOf('$') >= 0) {
            Matcher m = CASHTAG.matcher(text);
            while (m.find()) {
                add(found, taken, IdentifierType.CASHAPP, m.group(), m.group().toLowerCase(Locale.ROOT), message,
                        m.start(), m.end());
            }
        }
        if (hasAlphanumericRun(text, SHORTEST_WALLET)) {
            Matcher m = BITCOIN.matcher(text);
            while (m.find()) {
                if (Crypto.isBitcoinAddress(m.group()) || SEGWIT_SHAPE.matcher(m.group()).matches()) {
                    add(found, taken, IdentifierType.CRYPTO, m.group(), m.group(), message, m.start(), m.end());
                }
            }
        }
        if (text.contains("0x")) {
            Matcher m = ETHEREUM.matcher(text);
            while (m.find()) {
                if (Crypto.isEthereumAddress(m.group())) {
                    add(found, taken, IdentifierType.CRYPTO, m.group(), m.group().toLowerCase(Locale.ROOT),
                            message, m.start(), m.end());
                }
            }
        }
        if (text.indexOf('.') >= 0) {
            Matcher m = IPV4.matcher(text);
            while (m.find()) {
                add(found, taken, IdentifierType.IP, m.group(), m.group(), message, m.start(), m.end());
            }
        }
        if (atLeastDigits(plain, 7)) {
            phones(text, message, region, found, taken);
        }
        selfReported(text, plain, message, found, taken);
        found.sort(Comparator.comparingInt(Identifier::start));
        return found;
    }

    /**
     * The platform a line talks about, for handles given later without its name: the last platform named as a word,
     * an ambiguous name ("line", "x", "snap") only as a question or after "on", "got", "have" and their like.
     */
    static IdentifierType platformTalkedAbout(String plain) {
        IdentifierType last = null;
        int i = 0;
        while (i < plain.length()) {
            while (i < plain.length() && !Character.isLetterOrDigit(plain.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < plain.length() && Character.isLetterOrDigit(plain.charAt(i))) {
                i++;
            }
            if (i == start) {
                continue;
            }
            String word = plain.substring(start, i);
            IdentifierType type = PLATFORMS.getOrDefault(word, TALK_PLATFORMS.get(word));
            if (type == null && word.equals("x")) {
                type = IdentifierType.X;
            }
            if (type != null && (!AMBIGUOUS_PLATFORMS.contains(word) && !word.equals("x")
                    || askedOrUsed(plain, start, i))) {
                last = type;
            }
        }
        return last;
    }

    private static final Pattern USE_BEFORE = Pattern.compile("(?:on|got|have|hav|use|u|ur|your|my|may|pa|hai|tienes|tem|"
            + "har du|heb je|hast du|sa|mo|sur|su|auf|op|em|no|na)\\s+$");

    private static boolean askedOrUsed(String plain, int start, int end) {
        String after = plain.substring(end, Math.min(plain.length(), end + 6));
        return after.matches("\\s*(?:ka|mo|po|ba|u)?\\s*\\?.*") || USE_BEFORE.matcher(plain.substring(Math.max(0, start - 8), start)).find();
    }

    private void contextHandles(String text, int message, IdentifierType platform, List<Identifier> found,
                                List<int[]> taken) {
        Matcher m = CONTEXT_HANDLE.matcher(text);
        int from = 0;
        while (m.find(from)) {
            // a cue followed by a word that is no handle ("telegram? im x") may be the next cue's start
            int next = addContextHandle(text, m.group(1), m.start(1), m.end(1), message, platform, found, taken)
                    ? m.end() : m.start(1);
            from = Math.max(next, from + 1); // a cue of no width ("^") must not find itself again
            if (from > text.length()) {
                break;
            }
        }
        if (text.indexOf('@') >= 0) {
            m = AT_HANDLE.matcher(text);
            while (m.find()) {
                addContextHandle(text, m.group(), m.start(), m.end(), message, platform, found, taken);
            }
        }
    }

    /** A handle after a cue of its own must look like one: a digit, dot, underscore or @, and no common word. */
    private static boolean addContextHandle(String text, String raw, int start, int end, int message,
                                         IdentifierType platform, List<Identifier> found, List<int[]> taken) {
        String handle = WRITTEN_DOT.matcher(raw).replaceAll(".").replaceAll("[.\\-]+$", "");
        String bare = handle.startsWith("@") ? handle.substring(1) : handle;
        boolean shaped = handle.startsWith("@") || bare.chars().anyMatch(c -> Character.isDigit(c) || c == '.'
                || c == '_');
        if (!shaped || bare.length() < 3 || bare.chars().allMatch(Character::isDigit)
                || bare.matches("\\d+[a-z]{0,3}") // "3pm", "10yo", "5th" are no handles
                || CommonWords.contains(bare.toLowerCase(Locale.ROOT)) || leetWord(bare)
                || end < text.length() && text.charAt(end) == '@') {
            return false;
        }
        add(found, taken, platform, raw, bare.toLowerCase(Locale.ROOT), message, start, end);
        return true;
    }

    private static boolean mayWriteOutEmail(String plain) {
        return (plain.contains(" at ") || plain.contains("(at)") || plain.contains("[at]") || plain.contains("arroba")
                || plain.contains("chiocciola") || plain.contains("malpa") || plain.contains("małpa")
                || plain.contains("apenstaartje") || plain.contains("klammeraffe") || plain.contains("snabel")
                || plain.contains("arobase") || plain.contains("собака"))
                && (plain.contains("dot") || plain.contains("punkt") || plain.contains("point") || plain.contains("punt")
                || plain.contains("kropka") || plain.contains("ponto") || plain.contains("точка") || plain.contains("."));
    }

    private void writtenEmails(String text, int message, List<Identifier> found, List<int[]> taken) {
        Matcher m = WRITTEN_EMAIL.matcher(text);
        while (m.find()) {
            String local = EMAIL_WRITTEN_DOT.matcher(m.group(1)).replaceAll(".");
            String domain = EMAIL_WRITTEN_DOT.matcher(m.group(2)).replaceAll(".");
            String email = (local + "@" + domain).toLowerCase(Locale.ROOT);
            if (EMAIL.matcher(email).matches() && !CommonWords.contains(local.toLowerCase(Locale.ROOT))) {
                boolean paypal = text.substring(Math.max(0, m.start() - 25), m.start()).toLowerCase(Locale.ROOT)
                        .contains("paypal");
                add(found, taken, paypal ? IdentifierType.PAYPAL : IdentifierType.EMAIL, m.group(), email, message,
                        m.start(), m.end());
            }
        }
    }

    /** A digit run with letter O in it, or five or more digits standing alone: cheap to rule out. */
    /** Digits said in words: "oh seven seven double oh, nine oh oh, two seven eight". */
    private static final Map<String, String> SPOKEN_DIGITS = Map.ofEntries(Map.entry("oh", "0"), Map.entry("o", "0"),
            Map.entry("zero", "0"), Map.entry("nought", "0"), Map.entry("one", "1"), Map.entry("two", "2"),
            Map.entry("three", "3"), Map.entry("four", "4"), Map.entry("five", "5"), Map.entry("six", "6"),
            Map.entry("seven", "7"), Map.entry("eight", "8"), Map.entry("nine", "9"));
    private static final Pattern SPOKEN_TOKEN = Pattern.compile("(?i)[\\p{L}\\d]+");

    private static boolean maySpeakDigits(String plain) {
        int words = 0;
        for (String digit : List.of("oh", "zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
                "nine", "double")) {
            words += plain.contains(digit) ? 1 : 0;
        }
        return words >= 3;
    }

    /** Runs of at least ten digits said in words, read as a phone number the way written ones are. */
    private void spokenPhones(String text, int message, String region, List<Identifier> found, List<int[]> taken) {
        Matcher token = SPOKEN_TOKEN.matcher(text);
        StringBuilder digits = new StringBuilder();
        int start = -1;
        int end = -1;
        int repeat = 1;
        while (true) {
            boolean more = token.find();
            String word = more ? token.group().toLowerCase(Locale.ROOT) : "";
            String between = more && end >= 0 ? text.substring(end, token.start()) : " ";
            boolean joined = DIGIT_JOINER.matcher(between).matches();
            if (more && joined && (word.equals("double") || word.equals("triple"))) {
                repeat = word.equals("double") ? 2 : 3;
                start = start < 0 ? token.start() : start;
                end = token.end();
                continue;
            }
            String digit = more && joined ? SPOKEN_DIGITS.getOrDefault(word,
                    word.chars().allMatch(Character::isDigit) ? word : null) : null;
            if (digit != null) {
                digits.append(digit.repeat(repeat));
                repeat = 1;
                start = start < 0 ? token.start() : start;
                end = token.end();
                continue;
            }
            if (digits.length() >= 10) {
                spokenPhone(digits.toString(), region, message, text.substring(start, end), start, end, found, taken);
            }
            if (!more) {
                return;
            }
            digits.setLength(0);
            repeat = 1;
            start = -1;
            end = -1;
            if (SPOKEN_DIGITS.containsKey(word) || word.equals("double") || word.equals("triple")) {
                token.region(token.start(), text.length()); // this word may start the next run
            }
        }
    }

    private static void spokenPhone(String digits, String region, int message, String raw, int start, int end,
                                    List<Identifier> found, List<int[]> taken) {
        String shape = UK_MOBILE.matcher(digits).matches() ? "GB" : AU_MOBILE.matcher(digits).matches() ? "AU"
                : PH_MOBILE.matcher(digits).matches() ? "PH" : region == null ? "US" : region;
        try {
            PhoneNumber number = PHONES.parse(digits, shape);
            String e164 = PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
            if (FICTION.matcher(e164).matches() || PHONES.isValidNumber(number)) {
                add(found, taken, IdentifierType.PHONE, raw, e164, message, start, end);
            }
        } catch (com.google.i18n.phonenumbers.NumberParseException e) {
            // not a number after all: nothing is read
        }
    }

    private static boolean mayHideDigits(String text) {
        int digits = 0;
        int spacedDigits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isDigit(c)) {
                digits++;
                if (i + 1 < text.length() && text.charAt(i + 1) == ' ' && (i == 0 || text.charAt(i - 1) == ' ')) {
                    spacedDigits++;
                }
            }
        }
        return digits >= 5 && (spacedDigits >= 4 || text.indexOf('o') >= 0 || text.indexOf('O') >= 0)
                && hasDigitRun(text, 9);
    }

    /**
     * Whether the text has at least {@code length} digits or o's in a row, each at most one space, dot or dash from
     * the one before: the shape {@link #DISGUISED_PHONE} needs, found without running it on every line with an o.
     */
    private static boolean hasDigitRun(String text, int length) {
        int run = 0;
        boolean separated = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9' || c == 'o' || c == 'O') {
                if (++run >= length) {
                    return true;
                }
                separated = false;
            } else if ((c == ' ' || c == '.' || c == '-') && run > 0 && !separated) {
                separated = true;
            } else {
                run = 0;
                separated = false;
            }
        }
        return false;
    }

    /** Whether the text has two digits after a space and no third: where {@link #AGE} can read an age. */
    private static boolean hasTwoDigitNumber(String text) {
        for (int i = 1; i + 1 < text.length(); i++) {
            if (MessageReading.isSpace(text.charAt(i - 1)) && MessageReading.isAsciiDigit(text.charAt(i))
                    && MessageReading.isAsciiDigit(text.charAt(i + 1))
                    && (i + 2 == text.length() || !MessageReading.isAsciiDigit(text.charAt(i + 2)))) {
                return true;
            }
        }
        return false;
    }

    private void disguisedPhones(String text, int message, String region, List<Identifier> found,
                                 List<int[]> taken) {
        Matcher m = DISGUISED_PHONE.matcher(text);
        while (m.find()) {
            String raw = m.group(1);
            boolean lettered = raw.chars().anyMatch(c -> c == 'o' || c == 'O');
            boolean spaced = raw.matches(".*(?:\\d ){4,}.*");
            long realDigits = raw.chars().filter(Character::isDigit).count();
            if (!(lettered || spaced) || realDigits < 6 || raw.chars().filter(Character::isLetter).count() > 4) {
                continue;
            }
            String digits = raw.replaceAll("[oO]", "0").replaceAll("[ .\\-]", "");
            String shapeRegion = digits.startsWith("07") ? "GB" : digits.startsWith("04") ? "AU"
                    : digits.startsWith("09") ? "PH" : region == null ? "ZZ" : region;
            try {
                PhoneNumber number = PHONES.parse(digits, shapeRegion);
                String e164 = PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
                if (PHONES.isValidNumber(number) || FICTION.matcher(e164).matches()) {
                    add(found, taken, IdentifierType.PHONE, raw, e164, message, m.start(1), m.end(1));
                }
            } catch (com.google.i18n.phonenumbers.NumberParseException e) {
                // not a number after all: nothing revealed
            }
        }
    }

    private static final Pattern PROFILE = Pattern.compile("(?i)(?:https?://)?(?:www\\.)?(facebook|fb|instagram|tiktok|"
            + "twitter|x|snapchat|vk|paypal)\\.(?:com|me)/@?([\\w.\\-]{3,40})");

    /** A URL; a profile link ("facebook.com/dindo.riyadh") also gives the platform's handle, for linking accounts. */
    private static void urlAndProfile(String text, Matcher m, int message, List<Identifier> found, List<int[]> taken) {
        String url = m.group().replaceAll("[.,!?)]+$", "");
        int known = found.size();
        add(found, taken, IdentifierType.URL, url, url.toLowerCase(Locale.ROOT), message, m.start(),
                m.start() + url.length());
        Matcher profile = PROFILE.matcher(url);
        if (found.size() > known && profile.matches()) {
            IdentifierType type = profile.group(1).equalsIgnoreCase("vk") ? null : type(profile.group(1));
            if (type != null && type != IdentifierType.URL) {
                String handle = profile.group(2).replaceAll("[.\\-]+$", "");
                found.add(new Identifier(type, handle, handle.toLowerCase(Locale.ROOT), message,
                        m.start() + profile.start(2), m.start() + profile.start(2) + handle.length()));
            }
        }
    }

    /** A dot between a letter or digit and a letter ("example.net"): a sentence's full stop is followed by a space. */
    private static boolean mayNameHost(String plain) {
        for (int i = 1; i + 1 < plain.length(); i++) {
            if (plain.charAt(i) == '.' && Character.isLetterOrDigit(plain.charAt(i - 1))
                    && Character.isLetter(plain.charAt(i + 1))) {
                return true;
            }
        }
        return false;
    }

    private static void bareHosts(String text, int message, List<Identifier> found, List<int[]> taken) {
        Matcher m = BARE_HOST.matcher(text);
        boolean cue = false;
        boolean cueRead = false;
        while (m.find()) {
            if (m.group(2) == null || m.group(2).length() <= 1) {
                if (!cueRead) {
                    cue = WEB_CUE.matcher(text).find();
                    cueRead = true;
                }
                if (!cue) {
                    continue;
                }
            }
            String url = m.group().replaceAll("[.,!?)]+$", "");
            add(found, taken, IdentifierType.URL, url, url.toLowerCase(Locale.ROOT), message, m.start(),
                    m.start() + url.length());
        }
    }

    /** Whether a platform's name stands in the text as a word ("wa" in "was" does not count). */
    private static boolean mentionsPlatform(String plain) {
        int i = 0;
        while (i < plain.length()) {
            while (i < plain.length() && !Character.isLetterOrDigit(plain.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < plain.length() && Character.isLetterOrDigit(plain.charAt(i))) {
                i++;
            }
            if (i > start && PLATFORM_WORDS.contains(plain.substring(start, i))) {
                return true;
            }
        }
        return plain.contains("cash app") || plain.contains("whats app");
    }

    private void cuedHandles(String text, int message, List<Identifier> found, List<int[]> taken) {
        Matcher m = CUED_HANDLE.matcher(text);
        while (m.find()) {
            IdentifierType type = type(m.group(1));
            String handle = WRITTEN_DOT.matcher(m.group(2)).replaceAll(".").replaceAll("[.\\-]+$", "");
            int start = m.start(2);
            if (handle.startsWith("+") || handle.chars().allMatch(c -> Character.isDigit(c) || c == '+'
                    || c == '-' || c == '.')) {
                continue; // a number after the platform's name is found as a phone below, then typed
            }
            String between = text.substring(m.end(1), start);
            // after a comma ("add me on kik, mancboy_81") only a token shaped like a handle is one
            if (!handleShaped(m.group(1), between, handle)
                    || between.contains(",") && handle.chars().noneMatch(c -> Character.isDigit(c) || c == '.'
                            || c == '_' || c == '@')) {
                continue;
            }
            String normalized = type == IdentifierType.CASHAPP && !handle.startsWith("$") ? "$" + handle : handle;
            normalized = normalized.toLowerCase(Locale.ROOT).replaceFirst("^@", "");
            if (m.end(2) < text.length() && text.charAt(m.end(2)) == '@') {
                continue; // the start of an email (a PayPal email): found as an email, typed by the cue before it
            }
            String raw = m.group(2).replaceAll("[.\\-]+$", "");
            add(found, taken, type, raw, normalized, message, start, start + raw.length());
        }
    }

    private static final Pattern LAUGHTER = Pattern.compile("k{3,}|(?:ha|he|hi|ja|je|xa|ah|rs|hah|heh)+h?|l+o+l+|x+d+");
    private static final Pattern SPELLED = Pattern.compile("\\p{L}(?:[._\\-]\\p{L}){2,}");

    /** A word in leetspeak ("n4k3d", "s3xy") is the word, not a handle. */
    static boolean leetWord(String token) {
        String lower = token.toLowerCase(Locale.ROOT);
        if (LAUGHTER.matcher(lower).matches() || SPELLED.matcher(lower).matches()) {
            return true; // "kkkk", "hahaha", "jajaja", "rsrs"; "n.a.k.e.d" is a word spelled out
        }
        if (lower.chars().noneMatch(Character::isDigit) || lower.chars().noneMatch(Character::isLetter)) {
            return false;
        }
        String word = lower.replace('4', 'a').replace('3', 'e').replace('1', 'i').replace('0', 'o')
                .replace('5', 's').replace('7', 't').replace('@', 'a');
        return word.chars().allMatch(Character::isLetter) && CommonWords.contains(word);
    }

    /**
     * Whether the word after a platform's name is a handle. Never a common or chat word of the project's languages
     * ("snap ako", "kik mo", "line is busy", "ig po"), nor shorter than three characters. A token with a digit, a dot,
     * an underscore, a hyphen, a # or a leading @ or $ is handle-shaped and counts; a plain word counts only when it is
     * no dictionary word and either the platform's name is unmistakable (skype, kik, telegram...) or an "id", "is" or
     * ":" stands between them: "line", "tg", "wa", "ig", "fb", "sc", "snap" are words or Tagalog too.
     */
    static boolean handleShaped(String platform, String between, String handle) {
        String bare = handle.startsWith("@") || handle.startsWith("$") ? handle.substring(1) : handle;
        String lower = bare.toLowerCase(Locale.ROOT);
        String word = lower.replaceAll("#\\d{4}$", "");
        if (word.length() < 3 || NOT_HANDLES.contains(lower) || CommonWords.contains(word) || leetWord(word)) {
            return false;
        }
        boolean shaped = !bare.equals(handle) || bare.chars().anyMatch(c -> Character.isDigit(c) || c == '.'
                || c == '_' || c == '-' || c == '#');
        if (shaped) {
            return true;
        }
        if (!AMBIGUOUS_PLATFORMS.contains(platform.toLowerCase(Locale.ROOT))) {
            return true;
        }
        String cue = between.toLowerCase(Locale.ROOT);
        return cue.contains(":") || cue.contains("=") || EXPLICIT_CUE.matcher(cue).find();
    }

    /**
     * Numbers in international form, and in national form in the country the conversation points to. Without one, a
     * national number's shape tells its country: (312) 555-0147 is North American (US by default, Canada by area
     * code, see {@link CountryEvidence#regionOf}), 07700 900123 a UK mobile, 0491 570 110 an Australian one.
     */
    private void phones(String text, int message, String region, List<Identifier> found, List<int[]> taken) {
        String byShape = NORTH_AMERICAN.matcher(text).find() ? "US" : UK_MOBILE.matcher(text).find() ? "GB"
                : AU_MOBILE.matcher(text).find() ? "AU" : PH_MOBILE.matcher(text).find() ? "PH" : null;
        int before = found.size();
        phonesIn(text, message, region == null ? byShape == null ? "ZZ" : byShape : region, found, taken);
        if (found.size() == before && region != null && byShape != null && !byShape.equals(region)) {
            phonesIn(text, message, byShape, found, taken);
        }
    }

    private void phonesIn(String text, int message, String defaultRegion, List<Identifier> found,
                        List<int[]> taken) {
        for (PhoneNumberMatch match : PHONES.findNumbers(text, defaultRegion, PhoneNumberUtil.Leniency.POSSIBLE,
                Long.MAX_VALUE)) {
            PhoneNumber number = match.number();
            String e164 = PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
            boolean international = match.rawString().startsWith("+") || match.rawString().startsWith("00");
            boolean real = FICTION.matcher(e164).matches() || PHONES.isValidNumber(number);
            long digits = match.rawString().chars().filter(Character::isDigit).count();
            // a mobile number's national shape ("0900 000 0123") is its country's, read in that country only
            String raw = match.rawString();
            boolean shaped = UK_MOBILE.matcher(raw).matches() && defaultRegion.equals("GB")
                    || AU_MOBILE.matcher(raw).matches() && defaultRegion.equals("AU")
                    || PH_MOBILE.matcher(raw).matches() && defaultRegion.equals("PH");
            if (digits < 7 || !(real || (international || shaped) && PHONES.isPossibleNumber(number))
                    || moneyNear(text, match)) {
                continue; // sums, years and prices are not phone numbers
            }
            String before = text.substring(Math.max(0, match.start() - 20), match.start()).toLowerCase(Locale.ROOT);
            IdentifierType type = before.contains("gcash") ? IdentifierType.GCASH
                    : before.contains("whatsapp") || WA.matcher(before).find() ? IdentifierType.WHATSAPP
                    : before.contains("viber") ? IdentifierType.VIBER : IdentifierType.PHONE;
            int known = found.size();
            add(found, taken, IdentifierType.PHONE, match.rawString(), e164, message, match.start(), match.end());
            if (type != IdentifierType.PHONE && found.size() > known) {
                found.add(new Identifier(type, match.rawString(), e164, message, match.start(), match.end()));
            }
        }
    }

    private static final Pattern CURRENCY_SIGN = Pattern.compile("[$€£₱]");
    private static final Pattern MONEY_AFTER = Pattern.compile("\\s*(?:\\$|€|£|usd|dollar|eur|euro|php|peso|bucks)");
    private static final Pattern WA = Pattern.compile("\\bwa\\b");

    private static boolean moneyNear(String text, PhoneNumberMatch match) {
        String before = text.substring(Math.max(0, match.start() - 2), match.start());
        String after = text.substring(match.end(), Math.min(text.length(), match.end() + 9)).toLowerCase(Locale.ROOT);
        return CURRENCY_SIGN.matcher(before).find() || MONEY_AFTER.matcher(after).lookingAt();
    }

    private void selfReported(String text, String plain, int message, List<Identifier> found, List<int[]> taken) {
        if (containsAny(plain, NAME_CUES)) {
            group(NAME, IdentifierType.NAME, text, message, found, taken, false);
        }
        if (containsAny(plain, LOCATION_CUES)) {
            group(LOCATION, IdentifierType.LOCATION, text, message, found, taken, false);
        }
        if (containsAny(plain, OCCUPATION_CUES)) {
            group(OCCUPATION, IdentifierType.OCCUPATION, text, message, found, taken, true);
        }
        if (!hasTwoDigitNumber(text)) {
            return;
        }
        Matcher m = AGE.matcher(text);
        while (m.find()) {
            int age = Integer.parseInt(m.group(1));
            if (age >= 18 && age <= 99) {
                add(found, taken, IdentifierType.AGE, m.group(1), m.group(1), message, m.start(1), m.end(1));
            }
        }
    }

    private static boolean hasAlphanumericRun(String text, int length) {
        int run = 0;
        for (int i = 0; i < text.length() && run < length; i++) {
            char c = text.charAt(i);
            run = c < 128 && Character.isLetterOrDigit(c) ? run + 1 : 0;
        }
        return run >= length;
    }

    private static boolean atLeastDigits(String plain, int count) {
        int digits = 0;
        for (int i = 0; i < plain.length() && digits < count; i++) {
            if (Character.isDigit(plain.charAt(i))) {
                digits++;
            }
        }
        return digits >= count;
    }

    private static boolean containsAny(String plain, List<String> cues) {
        for (String cue : cues) {
            if (plain.contains(cue)) {
                return true;
            }
        }
        return false;
    }

    private static void group(Pattern pattern, IdentifierType type, String text, int message,
                              List<Identifier> found, List<int[]> taken, boolean lower) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            String value = m.group(1).strip();
            add(found, taken, type, value, lower ? value.toLowerCase(Locale.ROOT) : value, message, m.start(1),
                    m.start(1) + value.length());
        }
    }

    /** Adds an identifier unless its span overlaps one found before (the more specific rule runs first). */
    private static void add(List<Identifier> found, List<int[]> taken, IdentifierType type, String value,
                            String normalized, int message, int start, int end) {
        for (int[] span : taken) {
            if (start < span[1] && span[0] < end) {
                return;
            }
        }
        taken.add(new int[] {start, end});
        found.add(new Identifier(type, value, normalized, message, start, end));
    }

    private static IdentifierType type(String platform) {
        String key = platform.toLowerCase(Locale.ROOT);
        IdentifierType type = PLATFORMS.get(key);
        if (type != null) {
            return type;
        }
        return switch (key) {
            case "instagram", "insta" -> IdentifierType.INSTAGRAM;
            case "snap", "snapchat" -> IdentifierType.SNAPCHAT;
            case "x", "twitter" -> IdentifierType.X;
            default -> PLATFORMS.getOrDefault(key.replace(" ", ""), IdentifierType.URL);
        };
    }
}
