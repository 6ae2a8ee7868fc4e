package com.peptalk.heartbeat.samples;

import com.peptalk.testsupport.Http;
import com.peptalk.testsupport.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's sample data: N projects × M kiosks with the histories of a real fleet (steady, flapping, down, paused,
 * never reported), loaded once per project however often the seed runs.
 */
@ServiceTest
class SampleDataTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void loadsProjectsTimesKiosksWithFlappingDownPausedAndSilentOnesOnlyOnce() {
        long first = ThreadLocalRandom.current().nextLong(1_000_000, 900_000_000_000L);
        String body = "{\"projectIds\": [" + first + ", " + (first + 1) + ", " + (first + 2)
                + "], \"kiosksPerProject\": 40, \"days\": 30}";

        HttpResponse<String> loaded = post(body);
        HttpResponse<String> again = post(body);

        assertThat(loaded.statusCode()).as(loaded.body()).isEqualTo(201);
        assertThat(loaded.body()).isEqualTo("{\"created\":120}");
        assertThat(again.body()).isEqualTo("{\"created\":0}");
        Map<String, Object> counts = jdbc.queryForMap("""
                select count(*) filter (where status = 'OFFLINE') as down,
                       count(*) filter (where status = 'PAUSED') as paused,
                       count(*) filter (where status = 'NEW') as silent,
                       count(*) filter (where status = 'ONLINE') as up
                from kiosks where project_id between ? and ?
                """, first, first + 2);
        assertThat(counts.values()).allSatisfy(count -> assertThat((Long) count).isPositive());
        assertThat(jdbc.queryForObject("""
                select count(*) from (select kiosk_id from kiosk_status_flips
                                      where project_id between ? and ? and to_status = 'OFFLINE'
                                        and flipped_at > now() - interval '1 day'
                                      group by kiosk_id having count(*) >= 3) flapping
                """, Long.class, first, first + 2)).isPositive();
        assertThat(post("{\"projectIds\": [], \"kiosksPerProject\": 0, \"days\": 90}").statusCode()).isEqualTo(400);
    }

    private HttpResponse<String> post(String body) {
        return Http.post("http://localhost:" + port + "/api/heartbeats/sample-data", "application/json", body,
                Http.admin());
    }
}
