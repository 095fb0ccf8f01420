package org.sweetie.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Places, regions and countries, and the country each names:
 * <ul>
 *   <li>{@code regions.tsv}, a readable hand list: US states, Canadian provinces, UK nations and counties,
 *       Australian and Indian states, German Länder, Dutch provinces, Belgian, Philippine, Italian, Spanish and
 *       French regions, colloquial country names ("the states", "holland"), two-letter state abbreviations (read
 *       only in "City, ST" form or right after a place cue) and demonyms (read only after "i'm a" and its like);</li>
 *   <li>every country's name in the project's languages, from the JDK ({@link Locale#getDisplayCountry});</li>
 *   <li>GeoNames places of 5,000+ people with the alternate names of those of 100,000+ (CC BY 4.0, see
 *       analysis/gazetteer/NOTICE.md). A name several places share stands for the largest ("Perth" is in AU).</li>
 * </ul>
 * The first entry of a name wins, in that order: "Georgia" is the US state, "Victoria" the Australian one.
 */
final class Gazetteer {
    /** What a name stands for. */
    enum Kind { PLACE, REGION, COUNTRY, ABBREVIATION, DEMONYM }

    /**
     * A named place: its country, its population (0 for regions and countries), its kind, and whether the name is
     * one of GeoNames' other names for it (exonyms, old and local names: read after a cue only, they are noisy).
     */
    record Place(String country, int population, Kind kind, boolean alternate) {
        Place(String country, int population, Kind kind) {
            this(country, population, kind, false);
        }

        /** A country or a region: a name that stands for a large area, whose mention means more than a town's. */
        boolean large() {
            return kind == Kind.REGION || kind == Kind.COUNTRY || population >= 100_000;
        }
    }

    /** Languages whose country names are read: the project's (Tagalog's names are English ones in the JDK). */
    private static final List<String> LANGUAGES = List.of("en", "nl", "de", "es", "fr", "pt", "it", "sv", "da",
            "nb", "pl", "ru");
    private static final int LONGEST_NAME_WORDS = 4;

    /** The tables, read on a thread of their own: the caller goes on while they load, and waits at first use. */
    private final CompletableFuture<Tables> tables;

    /**
     * The tables, and a bit set of the hashes of every name and every first word of a longer name: most words of a
     * message are no place, and one look at a 128 KiB bit set says so faster than a look-up in a table of 100,000.
     */
    private record Tables(Map<String, Place> places, Map<String, List<String>> abbreviations,
                          Set<String> firstWords, long[] filter) {
        boolean mayHold(String word) {
            int bit = bit(word);
            return (filter[bit >>> 6] & 1L << bit) != 0;
        }
    }

    private static final int FILTER_BITS = 20;

    private static int bit(String word) {
        return (word.hashCode() * 0x9E3779B9) >>> (32 - FILTER_BITS);
    }

    private volatile Tables loaded;

    private Gazetteer(CompletableFuture<Tables> tables) {
        this.tables = tables;
    }

    /** Starts reading the gazetteer (about 100,000 names) and returns at once. */
    static Gazetteer load() {
        CompletableFuture<Tables> tables = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("gazetteer").start(() -> {
            try {
                tables.complete(read());
            } catch (RuntimeException | Error e) {
                tables.completeExceptionally(e);
            }
        });
        return new Gazetteer(tables);
    }

    /** Returns once the tables are read (or their reading failed, which the next look-up reports). */
    void await() {
        tables.exceptionally(failure -> null).join();
    }

    private Tables tables() {
        Tables known = loaded;
        if (known != null) {
            return known;
        }
        try {
            return loaded = tables.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private static Tables read() {
        Map<String, Place> places = new HashMap<>(160_000);
        Map<String, List<String>> abbreviations = new HashMap<>();
        Map<String, String> countries = new HashMap<>();
        try (var lines = reader("/analysis/regions.tsv", false)) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t");
                String country = countries.computeIfAbsent(cells[1], c -> c);
                switch (cells[2]) {
                    case "abbr" -> abbreviations.computeIfAbsent(CommonWords.fold(cells[0]), k -> new ArrayList<>(2))
                            .add(country);
                    case "country" -> places.putIfAbsent(CommonWords.fold(cells[0]), new Place(country, 0,
                            Kind.COUNTRY));
                    case "demonym" -> places.putIfAbsent(CommonWords.fold(cells[0]), new Place(country, 0,
                            Kind.DEMONYM));
                    default -> places.putIfAbsent(CommonWords.fold(cells[0]), new Place(country, 0, Kind.REGION));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the regions", e);
        }
        for (String code : Locale.getISOCountries()) {
            String country = countries.computeIfAbsent(code, c -> c);
            Place place = new Place(country, 0, Kind.COUNTRY);
            Locale locale = Locale.of("", code);
            for (String language : LANGUAGES) {
                String name = CommonWords.fold(locale.getDisplayCountry(Locale.of(language)));
                places.putIfAbsent(name, place);
                // "Bosnia & Herzegovina", "Myanmar (Burma)": the part before the sign is how people write it
                int cut = name.indexOf(" (");
                if (cut > 0) {
                    places.putIfAbsent(name.substring(0, cut), place);
                }
            }
        }
        try (var lines = reader("/analysis/places.tsv.gz", true)) {
            String line;
            while ((line = lines.readLine()) != null) {
                int tab = line.indexOf('\t');
                int tab2 = line.indexOf('\t', tab + 1);
                int tab3 = line.indexOf('\t', tab2 + 1);
                String country = countries.computeIfAbsent(line.substring(tab + 1, tab2), c -> c);
                int population = Integer.parseInt(line, tab2 + 1, tab3 < 0 ? line.length() : tab3, 10);
                // Rows come largest first: the first country seen for a name is the largest place's.
                places.putIfAbsent(CommonWords.fold(line.substring(0, tab)),
                        new Place(country, population, Kind.PLACE, tab3 > 0));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the gazetteer", e);
        }
        abbreviations.replaceAll((k, v) -> List.copyOf(v));
        Set<String> firstWords = new HashSet<>();
        long[] filter = new long[1 << (FILTER_BITS - 6)];
        for (String name : places.keySet()) {
            int space = name.indexOf(' ');
            if (space > 0) {
                firstWords.add(name.substring(0, space));
            }
        }
        for (Set<String> names : List.of(places.keySet(), firstWords, abbreviations.keySet())) {
            for (String name : names) {
                int bit = bit(name);
                filter[bit >>> 6] |= 1L << bit;
            }
        }
        return new Tables(places, abbreviations, firstWords, filter);
    }

    private static BufferedReader reader(String path, boolean gzip) throws IOException {
        InputStream raw = Gazetteer.class.getResourceAsStream(path);
        if (raw == null) {
            throw new IllegalStateException(path + " is missing from the build");
        }
        return new BufferedReader(new InputStreamReader(gzip ? new GZIPInputStream(raw, 1 << 16) : raw,
                StandardCharsets.UTF_8), 1 << 16);
    }

    /** The country of a place named in text ("Leeds", "köln", "Manchester, UK"), if it is known. */
    Optional<String> country(String place) {
        String first = place.split(",")[0].strip();
        Place found = tables().places().get(CommonWords.fold(first));
        return found == null || found.kind() == Kind.DEMONYM ? Optional.empty() : Optional.of(found.country());
    }

    /** The place of a folded name (lower case, accents removed, words separated by one space), or null. */
    Place place(String folded) {
        return tables().places().get(folded);
    }

    /** The countries a state or province abbreviation ("il", "wa", "nsw") stands for, first the likeliest. */
    List<String> abbreviation(String folded) {
        return tables().abbreviations().getOrDefault(folded, List.of());
    }

    /** False when no name, no first word of a name and no abbreviation is this word; true when one may be. */
    boolean mayName(String folded) {
        return tables().mayHold(folded);
    }

    /** Whether some name of several words starts with this word. */
    boolean startsLongerName(String word) {
        return tables().firstWords().contains(word);
    }

    static int longestNameWords() {
        return LONGEST_NAME_WORDS;
    }
}
