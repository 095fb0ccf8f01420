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

    private static final class KeySeen {
        final Set<Integer> accounts = new LinkedHashSet<>();
        final List<Source> sources = new ArrayList<>();
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
        KeySeen seen = keys.computeIfAbsent(key, k -> new KeySeen());
        seen.sources.add(source);
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
        for (int i = 0; i < parent.size(); i++) {
            parent.set(i, i);
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

    /** The suspects: each group of linked accounts with the links that tie it, in the order accounts were first met. */
    public List<Suspect> suspects() {
        Map<Integer, List<AccountRef>> groups = new LinkedHashMap<>();
        for (int i = 0; i < accounts.size(); i++) {
            groups.computeIfAbsent(find(i), r -> new ArrayList<>()).add(accounts.get(i));
        }
        Map<Integer, List<Link>> links = new HashMap<>();
        keys.forEach((key, seen) -> {
            if (seen.accounts.size() < 2) {
                return;
            }
            List<AccountRef> tied = seen.accounts.stream()
                    .filter(id -> !rejected.contains(new Rejection(key, accounts.get(id))))
                    .map(accounts::get).toList();
            if (tied.size() >= 2) {
                links.computeIfAbsent(find(ids.get(tied.getFirst())), r -> new ArrayList<>())
                        .add(new Link(key, tied, seen.sources));
            }
        });
        List<Suspect> suspects = new ArrayList<>();
        groups.forEach((root, members) -> suspects.add(new Suspect(suspects.size() + 1, members,
                links.getOrDefault(root, List.of()))));
        return suspects;
    }

    private int id(AccountRef account) {
        return ids.computeIfAbsent(account, a -> {
            accounts.add(a);
            parent.add(accounts.size() - 1);
            return accounts.size() - 1;
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
            parent.set(Math.max(ra, rb), Math.min(ra, rb));
        }
    }
}
