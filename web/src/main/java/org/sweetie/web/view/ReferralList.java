package org.sweetie.web.view;

import java.util.List;

/**
 * The referral page: the form to build a package (its fields as typed, to show again after an error), the packages
 * built so far with their files, and a bundle's verification when one was uploaded.
 */
public record ReferralList(Form form, String error, List<Package> packages, Verified verified) {
    public ReferralList {
        packages = List.copyOf(packages);
    }

    public record Form(String country, String minLevel, String minConfidence, String organisation, String contact,
                       String caseReference) {
    }

    /** A built package: its id, who built it when, for which case and country, and its files (relative paths). */
    public record Package(String id, String made, String user, String caseReference, String country, String summary,
                          List<String> files) {
        public Package {
            files = List.copyOf(files);
        }
    }

    /** An uploaded bundle's verification: the file name as uploaded, and the report or the FAILED line. */
    public record Verified(Shown name, boolean ok, String report) {
    }
}
