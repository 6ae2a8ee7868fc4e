package com.peptalk.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Points a Spring test context at real infrastructure: the JVM's shared PostgreSQL (with a fresh database for each
 * new context) and the JVM's shared Kafka broker, embedded by default or Testcontainers' with
 * {@code -Dpeptalk.test.infrastructure=testcontainers} ({@link TestInfrastructure}). Contexts stay cached as usual,
 * so test classes with the same configuration share one context and one database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface EmbeddedInfrastructure {

    /** Whether the context gets a database of its own. */
    boolean postgres() default true;

    /** Whether the context talks to the shared broker. */
    boolean kafka() default true;
}
