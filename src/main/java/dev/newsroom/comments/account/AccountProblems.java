package dev.newsroom.comments.account;

import dev.newsroom.comments.web.ProblemException;

/** The ways an account or token request can fail. */
final class AccountProblems {

    private AccountProblems() {
    }

    static class UsernameTaken extends ProblemException {
        UsernameTaken() {
            super(409, "Username taken", "An account with this username exists.");
        }
    }

    static class AccountNotFound extends ProblemException {
        AccountNotFound() {
            super(404, "Account not found", "There is no account with this username.");
        }
    }

    static class LastAdministrator extends ProblemException {
        LastAdministrator() {
            super(409, "Last administrator", "The last administrator cannot be deleted; create another one first.");
        }
    }

    static class TokenNotFound extends ProblemException {
        TokenNotFound() {
            super(404, "Token not found", "You have no token with this id.");
        }
    }
}
