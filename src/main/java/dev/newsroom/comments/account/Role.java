package dev.newsroom.comments.account;

/** The two roles of API.md §2–3; an admin can do everything a moderator can. */
public final class Role {

    public static final String MODERATOR = "moderator";
    public static final String ADMIN = "admin";

    private Role() {
    }
}
