package org.sweetie.identity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Accounts linked into suspects, incrementally: each strong key an account shows joins it to the accounts that
 * showed the same key before (union-find, near-constant time per key), so a new identifier joins or merges
 * suspects without recomputing the rest. A link an analyst rejected is left out.
 */
public final class SuspectIndex {
    private final Map<AccountRef, Integer> ids = new HashMap<>();
    private final List<AccountRef> accounts = new ArrayList<>();
    private final List<Integer> parent = new ArrayList<>();
    private final Map<LinkKey, KeySeen> keys = new LinkedHashMap<>();
    private final Set<Rejection> rejected = new HashSet<>();
    /** Each group's accounts by the group's root (its first account), in the order accounts were first met. */
    private final Map<Integer, List<Integer>> members = new HashMap<>();
    /** The keys each account showed (null: none yet). */
    private final List<Set<LinkKey>> keysOf = new ArrayList<>();
    /** Accounts known at the last {@link #mark}, and whether groups of them were merged since. */
    private int mark;
    private boolean mergedMarked;

    private static final class KeySeen {
        final int order;
        final Set<Integer> accounts = new LinkedHashSet<>();
        final List<Source> sources = new ArrayList<>();

        KeySeen(int order) {
            this.order = order;
        }
    }

    /** A link an analyst rejected: this key does not tie this account to the others. */
    public record Rejection(LinkKey key, AccountRef account) {
    }

    /** Makes an account known (a suspect of its own until something links it). */
    public void account(AccountRef account) {
        id(account);
    }

    /** Records that an account showed a key, where; joins it to every account that showed the key before. */
    public void add(AccountRef account, LinkKey key, Source source) {
        int id = id(account);
        KeySeen seen = keys.computeIfAbsent(key, k -> new KeySeen(keys.size()));
        seen.sources.add(source);
        if (keysOf.get(id) == null) {
            keysOf.set(id, new HashSet<>());
        }
        keysOf.get(id).add(key);
        if (seen.accounts.add(id) && !rejected.contains(new Rejection(key, account))) {
            for (int other : seen.accounts) {
                if (!rejected.contains(new Rejection(key, accounts.get(other)))) {
                    union(id, other);
                    break;
                }
            }
        }
    }

    /** An analyst's rejection of a link: rebuilds the grouping without it (rare, so a rebuild is fine). */
    public void reject(LinkKey key, AccountRef account) {
        rejected.add(new Rejection(key, account));
        regroup();
    }

    /** The analysts' rejections, all of them: rebuilds the grouping when they differ from those applied. */
    public void rejectAll(Set<Rejection> rejections) {
        if (!rejected.equals(rejections)) {
            rejected.clear();
            rejected.addAll(rejections);
            regroup();
        }
    }

    /** The rejections applied. */
    public Set<Rejection> rejections() {
        return Set.copyOf(rejected);
    }

    private void regroup() {
        members.clear();
        for (int i = 0; i < parent.size(); i++) {
            parent.set(i, i);
            members.put(i, new ArrayList<>(List.of(i)));
        }
        keys.forEach((k, seen) -> {
            Integer first = null;
            for (int id : seen.accounts) {
                if (rejected.contains(new Rejection(k, accounts.get(id)))) {
                    continue;
                }
                if (first == null) {
                    first = id;
                } else {
                    union(first, id);
                }
            }
        });
    }

    public int accountCount() {
        return accounts.size();
    }

    /** The account at a position (in the order accounts were first met). */
    public AccountRef accountAt(int position) {
        return accounts.get(position);
    }

    /** The suspects: each group of linked accounts with the links that tie it, in the order accounts were first met. */
    public List<Suspect> suspects() {
        int[] roots = members.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        List<Suspect> suspects = new ArrayList<>(roots.length);
        for (int root : roots) {
            suspects.add(suspect(root, suspects.size() + 1));
        }
        return suspects;
    }

    /**
     * The group whose root (first account) is given, as suspect {@code number}: its accounts, and the links whose
     * first account not rejected for the key is in it, in the order the keys were first seen.
     */
    public Suspect suspect(int root, int number) {
        List<Integer> group = members.get(root);
        List<AccountRef> refs = new ArrayList<>(group.size());
        java.util.TreeMap<Integer, LinkKey> shown = null;
        for (int member : group) {
            refs.add(accounts.get(member));
            if (keysOf.get(member) != null) {
                shown = shown == null ? new java.util.TreeMap<>() : shown;
                for (LinkKey k : keysOf.get(member)) {
                    shown.put(keys.get(k).order, k);
                }
            }
        }
        if (shown == null) {
            return new Suspect(number, refs, List.of());
        }
        List<Link> links = new ArrayList<>();
        for (LinkKey key : shown.values()) {
            KeySeen seen = keys.get(key);
            if (seen.accounts.size() < 2) {
                continue;
            }
            List<AccountRef> tied = seen.accounts.stream()
                    .filter(id -> !rejected.contains(new Rejection(key, accounts.get(id))))
                    .map(accounts::get).toList();
            if (tied.size() >= 2 && find(ids.get(tied.getFirst())) == root) {
                links.add(new Link(key, tied, seen.sources));
            }
        }
        return new Suspect(number, refs, links);
    }

    /** Remembers the accounts known now: {@link #mergedMarked} tells whether groups of them were merged since. */
    public void mark() {
        mark = accounts.size();
        mergedMarked = false;
    }

    /** Whether two groups of accounts known at the last {@link #mark} were merged since. */
    public boolean mergedMarked() {
        return mergedMarked;
    }

    /** The root (first account's position) of the account's group; -1 for an unknown account. */
    public int root(AccountRef account) {
        Integer id = ids.get(account);
        return id == null ? -1 : find(id);
    }

    /** The root of the group a key's link belongs to (its first account not rejected for it); -1 when no link. */
    public int linkRoot(LinkKey key) {
        KeySeen seen = keys.get(key);
        if (seen == null) {
            return -1;
        }
        List<Integer> tied = seen.accounts.stream()
                .filter(id -> !rejected.contains(new Rejection(key, accounts.get(id)))).limit(2).toList();
        return tied.size() < 2 ? -1 : find(tied.getFirst());
    }

    private int id(AccountRef account) {
        return ids.computeIfAbsent(account, a -> {
            accounts.add(a);
            int id = accounts.size() - 1;
            parent.add(id);
            keysOf.add(null);
            members.put(id, new ArrayList<>(List.of(id)));
            return id;
        });
    }

    private int find(int i) {
        int root = i;
        while (parent.get(root) != root) {
            root = parent.get(root);
        }
        while (parent.get(i) != root) { // path compression
            int next = parent.get(i);
            parent.set(i, root);
            i = next;
        }
        return root;
    }

    private void union(int a, int b) {
        int ra = find(a);
        int rb = find(b);
        if (ra != rb) {
            int keep = Math.min(ra, rb);
            int gone = Math.max(ra, rb);
            parent.set(gone, keep);
            members.put(keep, merged(members.get(keep), members.remove(gone)));
            mergedMarked |= ra < mark && rb < mark;
        }
    }

    /** Two groups' accounts as one, in the order they were first met. */
    private static List<Integer> merged(List<Integer> a, List<Integer> b) {
        List<Integer> all = new ArrayList<>(a.size() + b.size());
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            all.add(j >= b.size() || i < a.size() && a.get(i) < b.get(j) ? a.get(i++) : b.get(j++));
        }
        return all;
    }
}
