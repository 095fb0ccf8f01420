package org.sweetie.referral;

import java.util.List;

/**
 * One suspect's dossier, as the recipient reads it: a title and sections of lines (summary, accounts, identifiers
 * with their source messages, qualifying messages, initiation, timeline, country, evidence). Assembled by the
 * composition root from the store, the suspect index and the analysis; rendered to PDF by {@link DossierPdf}.
 */
public record Dossier(int suspect, String title, List<Section> sections) {
    public Dossier {
        sections = List.copyOf(sections);
    }

    public record Section(String heading, List<String> lines) {
        public Section {
            lines = List.copyOf(lines);
        }
    }
}
