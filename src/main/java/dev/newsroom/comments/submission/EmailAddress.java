package dev.newsroom.comments.submission;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

/**
 * A deliverable-looking address, checked the practical way (OWASP input validation): one
 * {@code @}, a dot-atom local part of at most 64 characters, a domain of at least two DNS labels
 * ending in a letter-only or punycode top-level label, at most 254 characters in all. Quoted local
 * parts, IP literals, comments and non-ASCII characters are refused: none of them is needed by a
 * reader, and each is a known way to smuggle markup or spoof text. Hibernate's {@code @Email}
 * accepts all of those, hence this constraint.
 */
@Constraint(validatedBy = EmailAddress.Validator.class)
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
@interface EmailAddress {

    String message() default "must be a valid email address of at most 254 characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<EmailAddress, String> {

        static final int MAX_LENGTH = 254;
        static final int MAX_LOCAL_LENGTH = 64;
        // No character class below contains '.', so the patterns cannot backtrack badly.
        private static final Pattern LOCAL_PART =
                Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
        private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
        private static final Pattern TOP_LEVEL = Pattern.compile("[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59}");

        @Override
        public boolean isValid(String email, ConstraintValidatorContext context) {
            return email == null || isAddress(email);
        }

        static boolean isAddress(String email) {
            if (email.isEmpty() || email.length() > MAX_LENGTH) {
                return false;
            }
            int at = email.indexOf('@');
            if (at < 1 || at != email.lastIndexOf('@') || at > MAX_LOCAL_LENGTH) {
                return false;
            }
            if (!LOCAL_PART.matcher(email.substring(0, at)).matches()) {
                return false;
            }
            String[] labels = email.substring(at + 1).split("\\.", -1);
            if (labels.length < 2) {
                return false;
            }
            for (String label : labels) {
                if (!LABEL.matcher(label).matches()) {
                    return false;
                }
            }
            return TOP_LEVEL.matcher(labels[labels.length - 1]).matches();
        }
    }
}
