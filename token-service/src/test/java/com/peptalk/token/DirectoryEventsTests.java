package com.peptalk.token;

import com.peptalk.events.directory.ProjectGroupUpserted;
import com.peptalk.events.runtime.EventPublisher;
import com.peptalk.testsupport.ServiceChecks;
import com.peptalk.testsupport.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

@ServiceTest
class DirectoryEventsTests {

    @Autowired
    EventPublisher publisher;

    @Test
    void publishesDirectoryEventsThroughTheBrokerWithTheirEnvelope() throws Exception {
        ServiceChecks.assertPublishedThroughTheBroker(publisher,
                new ProjectGroupUpserted(3, 7, "Texas sites", List.of(42L, 43L)), "/token-service");
    }
}
