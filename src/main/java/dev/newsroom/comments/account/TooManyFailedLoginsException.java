package dev.newsroom.comments.account;

import dev.newsroom.comments.web.ProblemException;
import java.time.Duration;

/** Answered while a username or client is locked out; says nothing about whether the username exists. */
class TooManyFailedLoginsException extends ProblemException {
    TooManyFailedLoginsException(Duration retryAfter) {
        super(429, "Too many failed logins", "Too many failed logins; try again later.", null, retryAfter);
    }
}
