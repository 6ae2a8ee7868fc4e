package com.peptalk.iframe;

import com.peptalk.events.directory.ProjectUpserted;
import com.peptalk.testsupport.FakeTokenService;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Introspection answers are cached (5 s in tests, 60 s by default): token-service may be down for that long. */
class TokenCacheTests extends IframeServiceTest {

    @Test
    void aCachedAnswerKeepsWorkingWhileTokenServiceIsDownUntilItExpires() {
        long project = project("Cached", "UTC");
        String token = FakeTokenService.projectToken(project);
        settleCacheOf(token, project);

        FakeTokenService.stop();
        try {
            assertThat(iframe(query(token)).statusCode()).as("answered from the cache").isEqualTo(200);
            assertThat(iframe(query(FakeTokenService.unknownToken())).statusCode()).as("nothing cached")
                    .isEqualTo(503);

            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                HttpResponse<String> expired = iframe(query(token));
                assertThat(expired.statusCode()).isEqualTo(503);
                assertThat(expired.headers().firstValue("Retry-After")).isPresent();
                assertThat(expired.body()).doesNotContain(token);
            });
        }
        finally {
            FakeTokenService.start();
        }
        assertThat(iframe(query(token)).statusCode()).as("token-service is back").isEqualTo(200);
    }

    /**
     * Caches the answer for {@code token} after every pending eviction of it: the client drops answers about a
     * project when that project's directory events arrive, and the one that created it may still be on its way.
     * Another event for the project, on the same partition behind it, shows when it has passed: the next page asks
     * token-service again.
     */
    private void settleCacheOf(String token, long project) {
        assertThat(iframe(query(token)).statusCode()).isEqualTo(200);
        int before = FakeTokenService.asked(token);
        publisher.publish(new ProjectUpserted(project, 7, "Cached", "active", "UTC", null, null)).join();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            assertThat(iframe(query(token)).statusCode()).isEqualTo(200);
            return FakeTokenService.asked(token) > before;
        });
    }
}
