package org.sweetie.identity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.sweetie.core.LinkDecision;
import org.sweetie.core.Network;

/**
 * The suspects worked out from the facts of every conversation, kept up to date one conversation at a time: what a
 * change costs is reading the conversations it touched, not every conversation. The result is by construction the
 * one of feeding every conversation in id order into a new {@link SuspectIndex} ({@link Suspects#read} does exactly
 * that with a new ledger): a conversation with a higher id than all before is appended to the index as that would;
 * any other change to what ties accounts rebuilds the index from the kept facts, in memory. Profiles are rebuilt only
 * for the suspects whose accounts changed while the grouping stays the same. Not thread-safe: its owner locks.
 */
final class SuspectLedger {
    private final TreeMap<Long, ConversationFacts> facts = new TreeMap<>();
    private final Map<AccountRef, TreeSet<Long>> byPartner = new HashMap<>();
    private final Map<AccountRef, AccountFacts> accounts = new HashMap<>();
    private final Set<AccountRef> dirty = new HashSet<>();
    private List<LinkDecision> decisions = List.of();
    /** Null when it must be built again from the facts. */
    private SuspectIndex index;
    private long indexedUpTo;
    /** The grouping the profiles were made for; null when it must be listed again from the index. */
    private List<Suspect> suspects;
    private Map<AccountRef, Integer> positions;
    private Profile[] profiles;
    private int[] priorities;
    /** The positions by priority as sort keys ({@link #key}); null when they must be sorted again. */
    private long[] order;
    /** Positions of suspects whose group changed in place since the last update. */
    private final Set<Integer> stale = new java.util.TreeSet<>();
    private List<Profile> read;
    private List<Profile> byPriority;

    /** What one account's conversations add up to. */
    private record AccountFacts(List<Revealed> revealed, List<Long> conversations, Set<String> personas,
                                List<Source> handsOnRisk, String qualification, int warnings, boolean referral) {
        static final AccountFacts NONE = new AccountFacts(List.of(), List.of(), Set.of(), List.of(), "none", 0, false);
    }

    /** Takes a conversation's facts, new or read again. */
    void put(ConversationFacts f) {
        ConversationFacts old = facts.put(f.id(), f);
        if (old != null && !old.partner().equals(f.partner())) {
            // a deleted conversation's id taken again by another (SQLite without an evidence log can)
            facts.put(f.id(), old);
            remove(f.id());
            put(f);
            return;
        }
        byPartner.computeIfAbsent(f.partner(), a -> new TreeSet<>()).add(f.id());
        dirty.add(f.partner());
        read = null;
        if (index == null) {
            return;
        }
        if (old != null) {
            if (!old.ties().equals(f.ties())) {
                index = null; // its keys moved in the middle of the order: build again
            }
        } else if (f.id() > indexedUpTo) {
            append(f); // what a new index would be told last
        } else {
            index = null;
        }
    }

    /**
     * Feeds a conversation newer than all before into the index; when the grouping is kept and no two groups known
     * before were merged, updates only the groups it touched (they keep their places and numbers) and appends the
     * new ones (their first accounts come after every other group's): what {@link SuspectIndex#suspects} would list.
     */
    private void append(ConversationFacts f) {
        int before = index.accountCount();
        index.mark();
        feed(index, f);
        indexedUpTo = f.id();
        if (suspects == null || index.mergedMarked()) {
            suspects = null;
            return;
        }
        TreeSet<Integer> roots = new TreeSet<>();
        roots.add(index.root(f.partner()));
        for (ConversationFacts.Tie tie : f.ties()) {
            roots.add(index.root(tie.account()));
            int link = index.linkRoot(tie.key());
            if (link >= 0) {
                roots.add(link);
            }
        }
        for (int root : roots) {
            int at;
            if (root < before) {
                at = positionOfRoot(root);
            } else {
                at = suspects.size();
                suspects.add(null);
            }
            Suspect suspect = index.suspect(root, at + 1);
            suspects.set(at, suspect);
            suspect.accounts().forEach(a -> positions.put(a, at));
            stale.add(at);
        }
    }

    /** The position of the group with this root: that of its first account, which was met first. */
    private int positionOfRoot(int root) {
        return positions.get(index.accountAt(root));
    }

    /** Forgets a deleted conversation. */
    void remove(long id) {
        ConversationFacts gone = facts.remove(id);
        if (gone != null) {
            TreeSet<Long> left = byPartner.get(gone.partner());
            left.remove(id);
            if (left.isEmpty()) {
                byPartner.remove(gone.partner());
            }
            dirty.add(gone.partner());
            index = null;
            read = null;
        }
    }

    /** Every link decision, in the order made. */
    void decisions(List<LinkDecision> all) {
        if (!all.equals(decisions)) {
            decisions = List.copyOf(all);
            read = null;
        }
    }

    /** The conversations known, lowest id first. */
    Set<Long> conversations() {
        return facts.keySet();
    }

    /** The suspects, in the order their first account was met (as {@link Suspects#read}). */
    List<Profile> profiles() {
        update();
        return read;
    }

    /** The suspects, highest referral priority first (then by number). */
    List<Profile> byPriority() {
        update();
        return byPriority;
    }

    private void update() {
        if (read != null) {
            return;
        }
        if (index == null) {
            index = new SuspectIndex();
            facts.values().forEach(f -> feed(index, f));
            indexedUpTo = facts.isEmpty() ? 0 : facts.lastKey();
            suspects = null;
        }
        Set<SuspectIndex.Rejection> rejections = rejections();
        if (!rejections.equals(index.rejections())) {
            index.rejectAll(rejections);
            suspects = null;
        }
        for (AccountRef account : dirty) {
            TreeSet<Long> ids = byPartner.get(account);
            if (ids == null) {
                accounts.remove(account);
            } else {
                accounts.put(account, sum(ids));
            }
        }
        if (suspects == null) {
            List<Suspect> before = suspectsBefore();
            Profile[] kept = profiles;
            suspects = new ArrayList<>(index.suspects());
            positions = new HashMap<>();
            profiles = new Profile[suspects.size()];
            priorities = new int[suspects.size()];
            for (int i = 0; i < suspects.size(); i++) {
                Suspect suspect = suspects.get(i);
                boolean changed = false;
                for (AccountRef a : suspect.accounts()) {
                    positions.put(a, i);
                    changed |= dirty.contains(a);
                }
                // after a regrouping most suspects stay as they were
                profiles[i] = !changed && i < before.size() && before.get(i).equals(suspect) ? kept[i]
                        : profile(suspect);
                priorities[i] = profiles[i].priority();
            }
            order = null;
        } else {
            for (AccountRef account : dirty) {
                Integer at = positions.get(account);
                if (at != null) {
                    stale.add(at);
                }
            }
            if (profiles.length < suspects.size()) {
                profiles = Arrays.copyOf(profiles, suspects.size());
                int[] grown = Arrays.copyOf(priorities, suspects.size());
                Arrays.fill(grown, priorities.length, grown.length, -1);
                priorities = grown;
            }
            for (int at : stale) {
                int old = priorities[at];
                profiles[at] = profile(suspects.get(at));
                priorities[at] = profiles[at].priority();
                if (order != null) {
                    reorder(at, old, priorities[at]);
                }
            }
        }
        dirty.clear();
        stale.clear();
        read = List.of(profiles);
        if (order == null) {
            order = keys(priorities);
        }
        Profile[] sorted = new Profile[order.length];
        for (int i = 0; i < order.length; i++) {
            sorted[i] = profiles[(int) (order[i] & 0xffffffffL)];
        }
        byPriority = List.of(sorted);
    }

    /** Moves a suspect in the priority order (old -1: not in it yet): a removal and an insertion. */
    private void reorder(int at, int old, int priority) {
        long[] next = order;
        if (old >= 0) {
            int i = Arrays.binarySearch(next, key(old, at));
            long[] shorter = new long[next.length - 1];
            System.arraycopy(next, 0, shorter, 0, i);
            System.arraycopy(next, i + 1, shorter, i, next.length - i - 1);
            next = shorter;
        }
        long key = key(priority, at);
        int i = -Arrays.binarySearch(next, key) - 1;
        long[] longer = new long[next.length + 1];
        System.arraycopy(next, 0, longer, 0, i);
        longer[i] = key;
        System.arraycopy(next, i, longer, i + 1, next.length - i);
        order = longer;
    }

    /** Higher priority first, then by position (as numbers follow positions, by number). */
    private static long key(int priority, int position) {
        return ((long) (Integer.MAX_VALUE - priority) << 32) | position;
    }

    private static long[] keys(int[] priorities) {
        long[] keys = new long[priorities.length];
        for (int i = 0; i < priorities.length; i++) {
            keys[i] = key(priorities[i], i);
        }
        Arrays.sort(keys);
        return keys;
    }

    /** The suspects of the profiles kept, in order (none before the first update). */
    private List<Suspect> suspectsBefore() {
        if (profiles == null) {
            return List.of();
        }
        List<Suspect> before = new ArrayList<>(profiles.length);
        for (Profile p : profiles) {
            before.add(p.suspect());
        }
        return before;
    }

    private static void feed(SuspectIndex index, ConversationFacts f) {
        index.account(f.partner());
        for (ConversationFacts.Tie tie : f.ties()) {
            index.add(tie.account(), tie.key(), tie.source());
        }
    }

    /**
     * The rejections in force: a decision names its account by network name and handle; the network is that of the
     * first conversation (by id) on a network of that name. A decision on a network no conversation is on is idle.
     */
    private Set<SuspectIndex.Rejection> rejections() {
        if (decisions.stream().noneMatch(d -> d.decision().equals("reject"))) {
            return Set.of();
        }
        Map<String, Network> networks = new HashMap<>();
        for (ConversationFacts f : facts.values()) {
            networks.putIfAbsent(f.partner().network().name(), f.partner().network());
        }
        Set<SuspectIndex.Rejection> rejections = new HashSet<>();
        for (LinkDecision d : decisions) {
            Network network = networks.get(d.network());
            if (d.decision().equals("reject") && network != null) {
                rejections.add(new SuspectIndex.Rejection(new LinkKey(d.keyKind(), d.keyValue()),
                        new AccountRef(network, d.handle())));
            }
        }
        return rejections;
    }

    private AccountFacts sum(TreeSet<Long> ids) {
        List<Revealed> revealed = new ArrayList<>();
        List<Long> conversations = new ArrayList<>();
        Set<String> personas = new HashSet<>();
        List<Source> risk = new ArrayList<>();
        String qualification = "none";
        int warnings = 0;
        boolean referral = false;
        for (long id : ids) {
            ConversationFacts f = facts.get(id);
            revealed.addAll(f.revealed());
            conversations.add(id);
            personas.add(f.persona());
            risk.addAll(f.handsOnRisk());
            qualification = rank(f.qualification()) > rank(qualification) ? f.qualification() : qualification;
            warnings += f.warnings();
            referral |= f.referral();
        }
        return new AccountFacts(revealed, conversations, personas, risk, qualification, warnings, referral);
    }

    private Profile profile(Suspect suspect) {
        List<Revealed> revealed = new ArrayList<>();
        List<Long> conversations = new ArrayList<>();
        List<Source> risk = new ArrayList<>();
        Set<String> personas = new HashSet<>();
        Set<String> networks = new HashSet<>();
        String qualification = "none";
        int warnings = 0;
        boolean referral = false;
        for (AccountRef account : suspect.accounts()) {
            AccountFacts f = accounts.getOrDefault(account, AccountFacts.NONE);
            revealed.addAll(f.revealed());
            conversations.addAll(f.conversations());
            risk.addAll(f.handsOnRisk());
            personas.addAll(f.personas());
            networks.add(account.network().name());
            qualification = rank(f.qualification()) > rank(qualification) ? f.qualification() : qualification;
            warnings += f.warnings();
            referral |= f.referral();
        }
        return new Profile(suspect, revealed, conversations, qualification, warnings > 1 || referral,
                personas.size(), networks.size(), risk);
    }

    /** Highest priority first, then by number. */
    static List<Profile> sorted(Profile[] profiles) {
        int[] priorities = new int[profiles.length];
        for (int i = 0; i < profiles.length; i++) {
            priorities[i] = profiles[i].priority();
        }
        return sorted(profiles, priorities);
    }

    /**
     * Highest priority first, then by number, with the priorities given: each a sort key of priority (descending)
     * and position, sorted as primitives (no comparator calls: 100,000 suspects sort in milliseconds).
     */
    private static List<Profile> sorted(Profile[] profiles, int[] priorities) {
        for (int i = 1; i < profiles.length; i++) {
            if (profiles[i].suspect().number() <= profiles[i - 1].suspect().number()) {
                Integer[] order = new Integer[profiles.length];
                Arrays.setAll(order, k -> k);
                Arrays.sort(order, java.util.Comparator.<Integer>comparingInt(k -> -priorities[k])
                        .thenComparingInt(k -> profiles[k].suspect().number()));
                return Arrays.stream(order).map(k -> profiles[k]).toList();
            }
        }
        // numbers rise with positions (as the ledger lists them): a position orders equal priorities as its number
        long[] keys = new long[profiles.length];
        for (int i = 0; i < profiles.length; i++) {
            keys[i] = ((long) (Integer.MAX_VALUE - priorities[i]) << 32) | i;
        }
        Arrays.sort(keys);
        Profile[] sorted = new Profile[profiles.length];
        for (int i = 0; i < keys.length; i++) {
            sorted[i] = profiles[(int) (keys[i] & 0xffffffffL)];
        }
        return List.of(sorted);
    }

    static int rank(String qualification) {
        return switch (qualification) {
            case "wcst" -> 2;
            case "solicitation" -> 1;
            default -> 0;
        };
    }
}
