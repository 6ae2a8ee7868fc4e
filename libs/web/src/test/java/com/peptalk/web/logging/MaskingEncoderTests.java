package com.peptalk.web.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class MaskingEncoderTests {

    private static final String TOKEN = "ppt_pr_Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7dEf0hIj3";

    @Test
    void plainTextMasksTheMessageItsArgumentsAndTheExceptionChain() {
        String written = encode(null);

        assertThat(written).contains("introspecting ppt_pr_****", "Character decoding failed", "?****")
                .doesNotContain(TOKEN).doesNotContain("s3cret");
    }

    @Test
    void structuredJsonMasksTheSame() {
        String written = encode("ecs");

        assertThat(written).startsWith("{").contains("\"message\":\"introspecting ppt_pr_****")
                .doesNotContain(TOKEN).doesNotContain("s3cret");
    }

    private static String encode(String structuredFormat) {
        // the running context (it has the MDC adapter an event needs), given the Spring environment Boot would put in
        LoggerContext context = (LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
        context.putObject(Environment.class.getName(), new MockEnvironment().withProperty("spring.application.name",
                "test"));
        MaskingEncoder encoder = new MaskingEncoder();
        encoder.setContext(context);
        encoder.setPattern("%level %m%n%ex");
        encoder.setStructuredFormat(structuredFormat);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        Logger logger = context.getLogger("test");
        Exception failure = new IllegalStateException("request failed",
                new IllegalArgumentException("Character decoding failed. Parameter [api_token] with value [" + TOKEN
                        + "] at /x?api_token=" + TOKEN + "&s=s3cret"));
        LoggingEvent event = new LoggingEvent("fqcn", logger, Level.ERROR, "introspecting {} for {}", failure,
                new Object[] { TOKEN, "/iframe?api_token=" + TOKEN + "&x=s3cret" });
        return new String(encoder.encode(event), StandardCharsets.UTF_8);
    }
}
