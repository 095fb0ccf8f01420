package org.sweetie.app;

import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.sweetie.identity.Profile;
import org.sweetie.identity.Suspects;
import org.sweetie.analysis.Analyzer;
import org.sweetie.capture.live.config.PersonaDeployment;
import org.sweetie.core.Outlet;
import org.sweetie.core.Persona;
import org.sweetie.evidence.Entries;
import org.sweetie.persona.Decision;
import org.sweetie.persona.DecisionLog;
import org.sweetie.persona.Deterrence;
import org.sweetie.persona.EntrapmentGuard;
import org.sweetie.persona.GuardedSender;
import org.sweetie.persona.OperatorDesk;
import org.sweetie.persona.HoldQueue;
import org.sweetie.persona.LinkedPartners;
import org.sweetie.persona.Responder;
import org.sweetie.persona.ScriptLibrary;
import org.sweetie.persona.Typing;
import org.sweetie.persona.WarningLibrary;

/**
 * A persona's voice in a running deployment: the guard, the guarded sender whose decisions go to the evidence log,
 * and on it the responder and the operators' desk. Built per persona; the script and warning libraries are checked
 * by the guard as they load.
 */
record Voice(Persona persona, GuardedSender sender, Responder responder, OperatorDesk desk) {

    static EntrapmentGuard guard(Analyzer analyzer) {
        return EntrapmentGuard.standard(analyzer, WarningLibrary.standardHelpHosts());
    }

    static Voice of(PersonaDeployment deployment, Workspace workspace, Outlet outlet, Analyzer analyzer,
                    Clock clock, HoldQueue holds) {
        return of(deployment, workspace, outlet, analyzer, clock, holds, decision -> { });
    }

    /** @param decided told of every decision of the guard after it is in the evidence log (for the metrics) */
    static Voice of(PersonaDeployment deployment, Workspace workspace, Outlet outlet, Analyzer analyzer,
                    Clock clock, HoldQueue holds, java.util.function.Consumer<org.sweetie.persona.Decision> decided) {
        Persona persona = workspace.store().persona(deployment.persona());
        PersonaDeployment.Cover cover = deployment.cover();
        ScriptLibrary.Cover facts = new ScriptLibrary.Cover(persona, cover.name(), cover.city(),
                countryName(persona.country()), cover.grade());
        EntrapmentGuard guard = guard(analyzer).knowing(facts.words());
        DecisionLog evidence = evidenceLog(workspace, clock);
        GuardedSender sender = new GuardedSender(guard, (conversation, decision) -> {
            evidence.record(conversation, decision);
            decided.accept(decision);
        }, outlet, clock, holds);
        ScriptLibrary scripts = ScriptLibrary.standard(facts, guard);
        PersonaDeployment.Responding responding = deployment.responding();
        Deterrence deterrence = new Deterrence(responding.enabled()
                ? Deterrence.Mode.valueOf(responding.mode().toUpperCase(Locale.ROOT)) : Deterrence.Mode.WARN,
                responding.returnAfter());
        Responder responder = new Responder(persona, workspace.store(), sender, scripts,
                WarningLibrary.standard(guard), analyzer, deterrence,
                responding.humanTyping() ? Typing.HUMAN : Typing.INSTANT, clock, linkedPartners(workspace),
                deployment.hours()::isOpen);
        return new Voice(persona, sender, responder, new OperatorDesk(workspace.store(), sender, clock));
    }

    /**
     * The accounts the suspect linking ties to a conversation's partner. Read when a warning is due (rare), so the
     * whole store is linked then rather than kept in memory.
     */
    static LinkedPartners linkedPartners(Workspace workspace) {
        return conversation -> {
            String partner = LinkedPartners.key(conversation);
            for (Profile p : Suspects.read(workspace.store())) {
                Set<String> accounts = p.suspect().accounts().stream()
                        .map(a -> a.network().name() + "/" + a.handle()).collect(Collectors.toSet());
                if (accounts.contains(partner)) {
                    return accounts;
                }
            }
            return Set.of(partner);
        };
    }

    /** Every decision of the guard, allowed or refused, as an evidence entry of its conversation. */
    static DecisionLog evidenceLog(Workspace workspace, Clock clock) {
        return (conversation, decision) -> workspace.evidence().record(entry(conversation, decision, clock),
                conversation.id());
    }

    private static org.sweetie.evidence.Entry entry(org.sweetie.core.Conversation conversation, Decision d,
                                                    Clock clock) {
        return Entries.guard(conversation, clock.instant(), d.draft().author(),
                d.draft().kind().name().toLowerCase(Locale.ROOT), d.draft().text(), d.verdict(), d.rule(), d.reason());
    }

    private static String countryName(String code) {
        return code == null ? "" : Locale.of("", code).getDisplayCountry(Locale.ENGLISH).toLowerCase(Locale.ROOT);
    }
}
