package dev.newsroom.comments.account;

import java.time.Instant;

/** An account as administrators see it: never the password or its hash. */
record AccountView(String username, String role, Instant createdAt) {

    static AccountView of(Account account) {
        return new AccountView(account.username, account.role, account.createdAt);
    }
}
