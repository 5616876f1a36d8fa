package dev.newsroom.comments.comment;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A commenter's name: 1–100 characters (code points), one line, nothing invisible. */
@Constraint(validatedBy = PersonName.Validator.class)
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
public @interface PersonName {

    int MAX_LENGTH = 100;

    String message() default "must be 1 to 100 characters on one line, without control characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PersonName, String> {
        @Override
        public boolean isValid(String name, ConstraintValidatorContext context) {
            if (name == null) {
                return true;
            }
            long length = name.codePoints().count();
            return length >= 1 && length <= MAX_LENGTH && name.codePoints().noneMatch(Text::isForbiddenInLine);
        }
    }
}
