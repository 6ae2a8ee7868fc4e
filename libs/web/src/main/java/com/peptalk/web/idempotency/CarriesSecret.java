package com.peptalk.web.idempotency;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler whose answer carries a secret (an API token shown once). The idempotency store keeps only the
 * status and {@code Location} of such an answer, never its body: a repeated request with the same key is told that
 * it was processed and where the resource is, and must read the secret there.
 */
@Documented
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
public @interface CarriesSecret {
}
