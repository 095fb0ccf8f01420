package org.sweetie.web;

import java.time.Clock;
import java.util.function.Consumer;
import org.sweetie.analysis.Analyzer;
import org.sweetie.core.ConversationStore;
import org.sweetie.evidence.EvidenceLog;

/**
 * What the console works on: the store (as the command line opens it, with analysis and the evidence log), the
 * evidence log for the audit and decisions, the analysis for countries, the clock, and where to report a problem a
 * page could not show (stderr for the command line).
 */
public record ConsoleServices(ConversationStore store, EvidenceLog evidence, Analyzer analyzer, Clock clock,
                              Consumer<String> problems) {
}
