package org.sweetie.capture.live.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.sweetie.core.Retention;

/**
 * What {@code sweetie run} runs: the personas and their networks, where captures are stored (null: the command
 * line's --db or the default store), and how long contacts that led nowhere are kept.
 *
 * @param retention the data minimisation rule, or null when the deployment keeps everything ({@code retention: off})
 * @param retentionEvery how often a run applies it
 */
public record Deployment(String store, List<PersonaDeployment> personas, Retention retention,
                         Duration retentionEvery) {
    public Deployment {
        personas = List.copyOf(personas);
        Objects.requireNonNull(retentionEvery, "retentionEvery");
    }
}
