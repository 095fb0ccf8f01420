package org.sweetie.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * IPv4 address ranges and their countries (DB-IP IP to Country Lite, CC BY 4.0; see analysis/gazetteer/NOTICE.md),
 * held as sorted arrays and searched by bisection.
 */
final class IpCountries {
    private final int[] starts;
    private final int[] ends;
    private final byte[] countryIndexes;
    private final String[] countries;

    private IpCountries(int[] starts, int[] ends, byte[] countryIndexes, String[] countries) {
        this.starts = starts;
        this.ends = ends;
        this.countryIndexes = countryIndexes;
        this.countries = countries;
    }

    static IpCountries load() {
        try (InputStream raw = IpCountries.class.getResourceAsStream("/analysis/ipv4-country.csv.gz")) {
            if (raw == null) {
                throw new IllegalStateException("analysis/ipv4-country.csv.gz is missing from the build");
            }
            return parse(new GZIPInputStream(raw));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the IP-to-country table", e);
        }
    }

    /** Reads lines of "first,last,CC" (addresses as unsigned decimal integers), sorted by first address. */
    static IpCountries parse(InputStream csv) throws IOException {
        var lines = new BufferedReader(new InputStreamReader(csv, StandardCharsets.US_ASCII));
        int[] starts = new int[1 << 16];
        int[] ends = new int[1 << 16];
        byte[] indexes = new byte[1 << 16];
        Map<String, Integer> index = new HashMap<>();
        List<String> countries = new ArrayList<>();
        int n = 0;
        String line;
        while ((line = lines.readLine()) != null) {
            // by hand, not split(): the table has about 300,000 lines and is read at the first address seen
            int first = line.indexOf(',');
            int second = line.indexOf(',', first + 1);
            if (first < 0 || second < 0) {
                throw new IOException("line " + (n + 1) + " of the IP-to-country table is not first,last,CC");
            }
            if (n == starts.length) {
                starts = Arrays.copyOf(starts, n * 2);
                ends = Arrays.copyOf(ends, n * 2);
                indexes = Arrays.copyOf(indexes, n * 2);
            }
            starts[n] = (int) Long.parseLong(line, 0, first, 10);
            ends[n] = (int) Long.parseLong(line, first + 1, second, 10);
            indexes[n] = (byte) (int) index.computeIfAbsent(line.substring(second + 1), c -> {
                countries.add(c);
                return countries.size() - 1;
            });
            n++;
        }
        return new IpCountries(Arrays.copyOf(starts, n), Arrays.copyOf(ends, n), Arrays.copyOf(indexes, n),
                countries.toArray(String[]::new));
    }

    Optional<String> country(String ipv4) {
        String[] parts = ipv4.split("\\.");
        if (parts.length != 4) {
            return Optional.empty();
        }
        long address = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
                return Optional.empty();
            }
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                return Optional.empty();
            }
            address = address << 8 | octet;
        }
        int low = 0;
        int high = starts.length - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (Integer.toUnsignedLong(starts[mid]) > address) {
                high = mid - 1;
            } else if (Integer.toUnsignedLong(ends[mid]) < address) {
                low = mid + 1;
            } else {
                return Optional.of(countries[countryIndexes[mid] & 0xff]);
            }
        }
        return Optional.empty();
    }
}
