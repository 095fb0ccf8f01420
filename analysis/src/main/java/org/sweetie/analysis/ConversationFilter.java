package org.sweetie.analysis;

import java.time.Instant;
import java.util.Set;
import org.sweetie.core.Account;
import org.sweetie.core.Stage;

/**
 * Which conversations an analyst wants to see. Every criterion given must hold; a null or empty one is not applied.
 *
 * @param stages stages the conversation must all have reached
 * @param qualified "solicitation" (solicitation or more), "wcst", or "any" (either); null: not filtered
 * @param country ISO 3166-1 alpha-2 code of the partner's most likely country
 * @param since the conversation's last message is at or after this
 * @param partner the partner's handle (case-insensitive), on any network
 */
public record ConversationFilter(Set<Stage> stages, String qualified, String country, Instant since, String partner) {
    public static final ConversationFilter ALL = new ConversationFilter(Set.of(), null, null, null, null);

    public ConversationFilter {
        stages = stages == null ? Set.of() : Set.copyOf(stages);
        if (qualified != null && !Set.of("any", "solicitation", "wcst").contains(qualified)) {
            throw new IllegalArgumentException("qualified must be any, solicitation or wcst, not '" + qualified + "'");
        }
    }

    /** Decides on what the store holds without the country. */
    boolean matchesStored(ConversationSummary s) {
        return s.stages().containsAll(stages) && qualifies(s.qualification())
                && (since == null || s.last() != null && !s.last().isBefore(since))
                && (partner == null || s.conversation().key().partnerAccount()
                        .equalsIgnoreCase(Account.handleOf(partner)));
    }

    boolean matches(ConversationSummary s) {
        return matchesStored(s) && (country == null || s.country() != null
                && s.country().country().equalsIgnoreCase(country));
    }

    private boolean qualifies(String qualification) {
        if (qualified == null) {
            return true;
        }
        return switch (qualified) {
            case "wcst" -> qualification.equals("wcst");
            default -> !qualification.equals("none");
        };
    }
}
