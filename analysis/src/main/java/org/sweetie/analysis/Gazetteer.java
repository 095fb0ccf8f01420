package org.sweetie.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Places and their countries, from GeoNames (CC BY 4.0, see analysis/gazetteer/NOTICE.md): every place of at least
 * 15,000 people. A name several countries share stands for the largest place of that name ("Manchester" is in GB).
 */
final class Gazetteer {
    private final Map<String, String> countryByName;

    private Gazetteer(Map<String, String> countryByName) {
        this.countryByName = countryByName;
    }

    static Gazetteer load() {
        Map<String, String> countries = new HashMap<>();
        try (InputStream raw = Gazetteer.class.getResourceAsStream("/analysis/places.tsv.gz")) {
            if (raw == null) {
                throw new IllegalStateException("analysis/places.tsv.gz is missing from the build");
            }
            var lines = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8));
            String line;
            while ((line = lines.readLine()) != null) {
                String[] cells = line.split("\t");
                // Rows come largest first: the first country seen for a name is the largest place's.
                countries.putIfAbsent(key(cells[0]), cells[1]);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the gazetteer", e);
        }
        return new Gazetteer(countries);
    }

    /** The country of a place named in text ("Leeds", "köln", "Manchester, UK"), if it is known. */
    Optional<String> country(String place) {
        String first = place.split(",")[0].strip();
        return Optional.ofNullable(countryByName.get(key(first)));
    }

    private static String key(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
