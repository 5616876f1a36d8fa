package dev.newsroom.comments.comment;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An article id as API.md defines it: 1–128 characters of {@code A–Z a–z 0–9 . _ - :}. */
@NotNull
@Pattern(regexp = ArticleId.PATTERN)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ ElementType.PARAMETER, ElementType.FIELD, ElementType.TYPE_USE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface ArticleId {

    String PATTERN = "[A-Za-z0-9._:-]{1,128}";

    String message() default "must be 1 to 128 characters of A-Z a-z 0-9 . _ - :";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
