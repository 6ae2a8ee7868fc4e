package com.peptalk.web.edge;

import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.lang.reflect.Method;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A mistyped query parameter is described by what it holds, whether the handler takes it plain or optional. */
class TypeMismatchWordingTests {

    @SuppressWarnings("unused")
    void handler(Long limit, Optional<Long> minutes, Optional<Instant> since) {
    }

    @Test
    void anOptionalParameterIsDescribedByTheTypeItHolds() throws Exception {
        assertThat(EdgeExceptionHandler.expected(EdgeExceptionHandler.requiredType(mismatch(1))))
                .isEqualTo("a whole number");
        assertThat(EdgeExceptionHandler.expected(EdgeExceptionHandler.requiredType(mismatch(2))))
                .isEqualTo("a date and time (ISO 8601)");
    }

    @Test
    void aPlainParameterIsDescribedAsBefore() throws Exception {
        assertThat(EdgeExceptionHandler.expected(EdgeExceptionHandler.requiredType(mismatch(0))))
                .isEqualTo("a whole number");
    }

    private MethodArgumentTypeMismatchException mismatch(int index) throws NoSuchMethodException {
        Method method = getClass().getDeclaredMethod("handler", Long.class, Optional.class, Optional.class);
        MethodParameter parameter = new MethodParameter(method, index);
        return new MethodArgumentTypeMismatchException("soon", parameter.getParameterType(), "p" + index, parameter,
                new NumberFormatException());
    }
}
