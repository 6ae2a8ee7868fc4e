package com.peptalk.testsupport;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A whole service on a random port against the shared PostgreSQL and Kafka. Every test class of a service that
 * uses it shares one Spring context (and so one database), which keeps the suite fast. The {@code test}
 * profile is active, so test-only settings (throw-away keys) live in {@code src/test/resources/application-test.yml}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedInfrastructure
@ActiveProfiles("test")
public @interface ServiceTest {
}
