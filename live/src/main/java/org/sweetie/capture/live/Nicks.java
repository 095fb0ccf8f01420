package org.sweetie.capture.live;

import java.util.HashMap;
import java.util.Map;
import org.sweetie.core.Account;

/**
 * Which account a nick belongs to on one network. A nick change seen on the wire keeps the person on the account
 * they were first seen with, so "dave" who becomes "dave_away" is still one account. A nick that is given up and
 * later taken by someone else without a change seen starts its own account.
 */
public final class Nicks {
    private final Map<String, String> accountOfNick = new HashMap<>();

    /** The account handle of a nick as it speaks now. */
    public String accountOf(String nick) {
        String folded = Account.handleOf(nick);
        return accountOfNick.getOrDefault(folded, folded);
    }

    /** Follows a nick change and returns the account handle it belongs to. */
    public String changed(String oldNick, String newNick) {
        String handle = accountOf(oldNick);
        accountOfNick.remove(Account.handleOf(oldNick));
        String folded = Account.handleOf(newNick);
        if (!folded.equals(handle)) {
            accountOfNick.put(folded, handle);
        } else {
            accountOfNick.remove(folded);
        }
        return handle;
    }
}
