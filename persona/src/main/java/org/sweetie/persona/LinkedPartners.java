package org.sweetie.persona;

import java.util.Set;
import org.sweetie.core.Conversation;

/**
 * The partner accounts known to be the same person as a conversation's partner (the suspect linking), the partner's
 * own account included, as "network/handle": a warning level counts what all of them were sent.
 */
@FunctionalInterface
public interface LinkedPartners {
    LinkedPartners SAME_ACCOUNT = c -> Set.of(key(c));

    Set<String> of(Conversation conversation);

    static String key(Conversation c) {
        return c.key().network().name() + "/" + c.key().partnerAccount();
    }
}
