package dev.newsroom.comments.account;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;

/**
 * A password of at least 12 characters and at most 72 bytes of UTF-8: bcrypt ignores everything
 * after the 72nd byte, so a longer password would be silently shortened.
 */
@Constraint(validatedBy = AccountPassword.Validator.class)
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
@interface AccountPassword {

    int MIN_LENGTH = 12;
    int MAX_BYTES = 72;

    String message() default "must be at least 12 characters and at most 72 bytes";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<AccountPassword, String> {
        @Override
        public boolean isValid(String password, ConstraintValidatorContext context) {
            return password == null || (password.codePoints().count() >= MIN_LENGTH
                    && password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES);
        }
    }
}
