package com.peptalk.token;

import com.peptalk.events.EventEnvelope;
import com.peptalk.events.EventPublisher;
import com.peptalk.events.ReceivedEvent;
import com.peptalk.events.Topics;
import com.peptalk.events.directory.ProjectGroupUpserted;
import com.peptalk.testsupport.EventProbe;
import com.peptalk.testsupport.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@ServiceTest
class DirectoryEventsTests {

    @Autowired
    EventPublisher publisher;

    @Test
    void publishesDirectoryEventsThroughTheBrokerWithTheirEnvelope() throws Exception {
        ProjectGroupUpserted group = new ProjectGroupUpserted(3, 7, "Texas sites", List.of(42L, 43L));
        try (EventProbe probe = EventProbe.listen(Topics.DIRECTORY)) {
            EventEnvelope sent = publisher.publish(group).get();

            ReceivedEvent received = probe.awaitEvent(e -> e.envelope().id().equals(sent.id()), Duration.ofSeconds(30));

            assertThat(received.event()).isEqualTo(group);
            assertThat(received.envelope().source()).hasToString("/token-service");
            assertThat(received.envelope().subject()).isEqualTo("project-group:3");
        }
    }
}
