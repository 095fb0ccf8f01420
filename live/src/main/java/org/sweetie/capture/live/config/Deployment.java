package org.sweetie.capture.live.config;

import java.util.List;

/**
 * What {@code sweetie run} runs: the personas and their networks, and where captures are stored (null: the
 * command line's --db or the default store).
 */
public record Deployment(String store, List<PersonaDeployment> personas) {
    public Deployment {
        personas = List.copyOf(personas);
    }
}
