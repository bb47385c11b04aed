package studio.dailies.base;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A free-text field of an input record: {@link Text}'s rules apply to its cleaned value, so the annotation and
 * the service agree on what is stored. Null passes (pair it with {@code @NotNull}/{@code @NotBlank} when needed).
 */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PlainText.Validator.class)
public @interface PlainText {

    Text.Lines value() default Text.Lines.SINGLE;

    String message() default "Contains characters that cannot be stored";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<PlainText, String> {

        private Text.Lines lines = Text.Lines.SINGLE;

        @Override
        public void initialize(PlainText annotation) {
            lines = annotation.value();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            var problem = Text.problem(Text.clean(value), lines);
            if (problem.isEmpty()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            // The message is a literal, never an expression template: it may quote what the user typed.
            context.buildConstraintViolationWithTemplate(problem.get().replace("{", "\\{").replace("$", "\\$"))
                    .addConstraintViolation();
            return false;
        }
    }
}
