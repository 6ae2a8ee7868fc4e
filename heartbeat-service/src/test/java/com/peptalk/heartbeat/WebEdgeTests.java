package com.peptalk.heartbeat;

import com.peptalk.testsupport.ServiceTest;
import com.peptalk.testsupport.edge.WebEdgeContract;

/** The shared web edge (libs/web) holds in heartbeat-service: bad input gets a problem, never a 5xx, never a leak. */
@ServiceTest
class WebEdgeTests extends WebEdgeContract {

    @Override
    protected String apiPath() {
        return "/api/heartbeats";
    }
}
