package com.peptalk.gateway;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.netty.ReactorNetty;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link GatewayServiceApplication#main} asks Reactor Netty for a thread that only accepts connections, unless the
 * operator chose otherwise. What it changes under load is measured by {@code ./run bench gateway} (a burst of 256
 * new connections), not timed here.
 */
class AcceptorThreadTests {

    private final String before = System.getProperty(ReactorNetty.IO_SELECT_COUNT);

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(ReactorNetty.IO_SELECT_COUNT);
        }
        else {
            System.setProperty(ReactorNetty.IO_SELECT_COUNT, before);
        }
    }

    @Test
    void oneAcceptorThreadUnlessTheOperatorSetsAnother() {
        System.clearProperty(ReactorNetty.IO_SELECT_COUNT);
        GatewayServiceApplication.acceptConnectionsOnTheirOwnThread();
        assertThat(System.getProperty(ReactorNetty.IO_SELECT_COUNT)).isEqualTo("1");

        System.setProperty(ReactorNetty.IO_SELECT_COUNT, "2");
        GatewayServiceApplication.acceptConnectionsOnTheirOwnThread();
        assertThat(System.getProperty(ReactorNetty.IO_SELECT_COUNT)).isEqualTo("2");
    }
}
