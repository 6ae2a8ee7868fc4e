package com.peptalk.token.tokens;

import com.peptalk.testsupport.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The last-used times are written by Spring's scheduler (every 200 ms in tests), not by the caller. */
@ServiceTest
class LastUsedRecorderTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApiTokens tokens;

    @Autowired
    TokenIntrospector introspector;

    @Test
    void aUseIsWrittenDownByTheScheduledTaskWithinItsInterval() {
        Directory directory = new Directory(jdbc);
        long company = directory.company();
        long project = directory.project(company);
        tokens.ensureProjectToken(project, company);
        RevealedToken token = tokens.projectReport(project);

        assertThat(introspector.introspect(token.token()).active()).isTrue();

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> jdbc.queryForObject(
                "select last_used_at is not null from api_tokens where id = ?", Boolean.class, token.tokenId()));
    }
}
