package studio.dailies.base;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Collects rule violations for one input at the service boundary: bean-validation
 * annotations first, then the service's own rules, and throws them all at once.
 */
@Component
public class InputRules {

    private final Validator validator;

    InputRules(Validator validator) {
        this.validator = validator;
    }

    public Check check(Object input) {
        var check = new Check();
        for (ConstraintViolation<Object> violation : validator.validate(input)) {
            check.reject(violation.getPropertyPath().toString(), violation.getMessage());
        }
        return check;
    }

    /** A check with no annotation rules, for inputs that are plain values. */
    public Check check() {
        return new Check();
    }

    public static final class Check {
        private final Map<String, String> errors = new LinkedHashMap<>();

        public Check reject(String field, String message) {
            errors.putIfAbsent(field, message);
            return this;
        }

        public Check rejectIf(boolean broken, String field, String message) {
            return broken ? reject(field, message) : this;
        }

        public boolean hasError(String field) {
            return errors.containsKey(field);
        }

        public void throwIfInvalid() {
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
        }
    }
}
