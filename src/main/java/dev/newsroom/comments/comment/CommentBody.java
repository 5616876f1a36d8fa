package dev.newsroom.comments.comment;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A comment body: 1 to {@code comments.submission.max-body-length} characters (code points, so
 * an emoji counts once), with line breaks and tabs but no other control character.
 */
@Constraint(validatedBy = CommentBody.Validator.class)
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
public @interface CommentBody {

    String message() default "must be 1 to {max} characters without control characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<CommentBody, String> {

        // A provider: validators are built during static init, before runtime configuration exists.
        private final Provider<SubmissionConfig> config;

        @Inject
        Validator(Provider<SubmissionConfig> config) {
            this.config = config;
        }

        @Override
        public boolean isValid(String body, ConstraintValidatorContext context) {
            if (body == null) {
                return true;
            }
            int max = config.get().maxBodyLength();
            long length = body.codePoints().count();
            if (length >= 1 && length <= max && body.codePoints().noneMatch(Text::isForbiddenInBody)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(
                    "must be 1 to " + max + " characters without control characters").addConstraintViolation();
            return false;
        }
    }
}
