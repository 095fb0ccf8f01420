package org.sweetie.pipeline;

import org.sweetie.core.Network;

/** The keys the topics are partitioned by. */
final class Partitioning {
    private Partitioning() {
    }

    /**
     * A partner's happenings with one persona on one network: every conversation between them (private and in
     * channels) lands in one partition, so each keeps its order, and so do the partner's events and nick changes,
     * which concern all of them.
     */
    static String conversationKey(Network network, String persona, String partnerAccount) {
        return network.name() + "\n" + network.protocol() + "\n" + persona + "\n" + partnerAccount;
    }

    /** One persona's connection to one network: the lines to say there, in order. */
    static String connectionKey(Network network, String persona) {
        return network.name() + "\n" + network.protocol() + "\n" + persona;
    }
}
