package org.sweetie.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An evidence entry as fields, before it is encoded: a kind and named values in a fixed order. A field may repeat
 * (an export lists one conversation per field). Empty values stand for "none".
 */
public record Entry(String kind, List<Field> fields) {
    public Entry {
        Objects.requireNonNull(kind, "kind");
        fields = List.copyOf(fields);
    }

    public record Field(String name, String value) {
        public Field {
            if (!isName(name)) {
                throw new IllegalArgumentException("field names are lower-case letters and _: " + name);
            }
            value = value == null ? "" : value;
        }
    }

    /** A field name: one or more of a-z and _. (A loop: this runs for every field of every entry.) */
    static boolean isName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if ((c < 'a' || c > 'z') && c != '_') {
                return false;
            }
        }
        return true;
    }

    /** The first value of a field, or "" when there is none. (A loop: verifiers call this for every entry.) */
    public String get(String name) {
        for (Field f : fields) {
            if (f.name().equals(name)) {
                return f.value();
            }
        }
        return "";
    }

    public List<String> all(String name) {
        List<String> values = new ArrayList<>();
        for (Field f : fields) {
            if (f.name().equals(name)) {
                values.add(f.value());
            }
        }
        return List.copyOf(values);
    }
}
