package com.peptalk.iframe;

import com.peptalk.events.EventEnvelope;
import com.peptalk.events.directory.ProjectDeleted;
import com.peptalk.events.directory.ProjectUpserted;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ProjectProjectionTests extends IframeServiceTest {

    @Test
    void projectsArriveThroughTheBrokerAndAnOlderEventNeverOverwritesANewerOne() throws Exception {
        long id = ThreadLocalRandom.current().nextLong(1, 1_000_000_000);
        ProjectUpserted created = new ProjectUpserted(id, 7, "Riverside Tower", "active", "America/Chicago", null,
                null);
        EventEnvelope first = publisher.publish(created).get();
        publisher.publish(new ProjectUpserted(id, 7, "Riverside Tower II", "active", "America/Chicago", null, null))
                .get();
        // the first event again, as a producer retry would send it: same ce_id, older time
        publisher.publish(first, created).get();
        publisher.publish(new ProjectDeleted(id + 1, 7)).get();
        publisher.publish(new ProjectUpserted(id + 1, 7, "Depot", "active", "UTC", null, null)).get();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(project(id)).containsEntry("name", "Riverside Tower II").containsEntry("deleted", false);
            assertThat(project(id + 1)).containsEntry("name", "Depot");
        });
    }

    private Map<String, Object> project(long id) {
        return jdbc.queryForList("select name, deleted from projects where project_id = ?", id).stream().findFirst()
                .orElse(Map.of());
    }
}
