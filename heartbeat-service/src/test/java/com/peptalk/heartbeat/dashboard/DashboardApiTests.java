package com.peptalk.heartbeat.dashboard;

import com.peptalk.testsupport.Http;
import com.peptalk.testsupport.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's JSON API and the operators' queries over a small fleet with known histories: counts by status,
 * the filtered list with uptime, down now and since when, down longer than N minutes, uptime per project ranked,
 * never reported; and bad parameters answered 400 naming the parameter.
 */
@ServiceTest
class DashboardApiTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void countsListsUptimeAndTheOperatorsQueriesAnswerFromTheHistory() {
        Instant now = Instant.now();
        Fleet fleet = Fleet.ofNewProject(jdbc);
        // up all day; down for the last 6 hours; flapping (down 30 minutes, 2 hours ago); never reported
        String steady = fleet.withHistory("Steady gate", now.minusSeconds(10), at(now.minus(Duration.ofDays(2))),
                "ONLINE");
        String down = fleet.withHistory("Down gate", now.minus(Duration.ofHours(6)),
                at(now.minus(Duration.ofDays(2)), now.minus(Duration.ofHours(6))), "ONLINE", "OFFLINE");
        String flapping = fleet.withHistory("Flapping gate", now.minusSeconds(20),
                at(now.minus(Duration.ofDays(2)), now.minus(Duration.ofHours(2)),
                        now.minus(Duration.ofMinutes(90))), "ONLINE", "OFFLINE", "ONLINE");
        String silent = fleet.neverReported("Silent gate", now.minus(Duration.ofDays(1)));

        JsonNode summary = get("/api/heartbeats/summary?projectId=" + fleet.projectId());
        assertThat(summary.get("overall").get("ONLINE").asInt()).isEqualTo(2);
        assertThat(summary.get("overall").get("OFFLINE").asInt()).isEqualTo(1);
        assertThat(summary.get("overall").get("NEW").asInt()).isEqualTo(1);

        JsonNode list = get("/api/heartbeats/kiosks?projectId=" + fleet.projectId());
        assertThat(list.get("total").asInt()).isEqualTo(4);
        assertThat(ids(list.get("kiosks"))).first().isEqualTo(down);
        JsonNode flappingRow = row(list.get("kiosks"), flapping);
        assertThat(flappingRow.get("uptime").get("last24Hours").asDouble()).isCloseTo(97.92, org.assertj.core.data.Offset.offset(0.1));
        assertThat(row(list.get("kiosks"), down).get("uptime").get("last24Hours").asDouble()).isCloseTo(75.0, org.assertj.core.data.Offset.offset(0.1));
        assertThat(row(list.get("kiosks"), steady).get("uptime").get("last24Hours").asDouble()).isEqualTo(100.0);
        assertThat(row(list.get("kiosks"), silent).get("uptime").get("last24Hours").isNull()).isTrue();
        assertThat(ids(get("/api/heartbeats/kiosks?projectId=" + fleet.projectId() + "&status=OFFLINE")
                .get("kiosks"))).containsExactly(down);
        assertThat(ids(get("/api/heartbeats/kiosks?projectId=" + fleet.projectId() + "&q=flap").get("kiosks")))
                .containsExactly(flapping);

        JsonNode downNow = get("/api/heartbeats/queries/down?projectId=" + fleet.projectId()).get("kiosks");
        assertThat(ids(downNow)).containsExactly(down);
        assertThat(downNow.get(0).get("minutes").asLong()).isBetween(359L, 361L);

        assertThat(ids(get("/api/heartbeats/queries/down-longer-than?minutes=20&projectId=" + fleet.projectId())
                .get("outages"))).containsExactly(down, flapping);
        assertThat(ids(get("/api/heartbeats/queries/down-longer-than?minutes=60&projectId=" + fleet.projectId())
                .get("outages"))).containsExactly(down);

        JsonNode project = null;
        for (JsonNode ranked : get("/api/heartbeats/queries/uptime-by-project?days=1").get("projects")) {
            if (ranked.get("projectId").asLong() == fleet.projectId()) {
                project = ranked;
            }
        }
        assertThat(project).isNotNull();
        assertThat(project.get("kiosks").asInt()).isEqualTo(3);
        assertThat(project.get("uptimePercent").asDouble()).isCloseTo((100 + 75 + 97.92) / 3,
                org.assertj.core.data.Offset.offset(0.2));
        assertThat(ids(get("/api/heartbeats/queries/never-reported?projectId=" + fleet.projectId()).get("kiosks")))
                .containsExactly(silent);

        JsonNode detail = get("/api/heartbeats/kiosks/" + flapping);
        assertThat(detail.get("flips")).hasSize(3);
        assertThat(detail.get("heartbeatsPerHour")).hasSize(24);
        assertThat(detail.get("spells").get(0).get("status").asString()).isEqualTo("ONLINE");
    }

    @Test
    void badParametersAreAnswered400NamingTheParameterAndAnUnknownKiosk404() {
        assertThat(status("/api/heartbeats/kiosks?status=SLEEPING")).isEqualTo(400);
        assertThat(problemField("/api/heartbeats/kiosks?status=SLEEPING")).contains("status");
        assertThat(problemField("/api/heartbeats/kiosks?limit=0")).contains("limit");
        assertThat(problemField("/api/heartbeats/kiosks?projectId=-3")).contains("projectId");
        assertThat(problemField("/api/heartbeats/queries/down-longer-than")).contains("minutes");
        assertThat(problemField("/api/heartbeats/queries/down-longer-than?minutes=5&from=yesterday")).contains("from");
        assertThat(problemField("/api/heartbeats/queries/down-longer-than?minutes=5&from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z"))
                .contains("from");
        assertThat(problemField("/api/heartbeats/queries/uptime-by-project?days=31")).contains("days");
        assertThat(status("/api/heartbeats/kiosks/999999999999999")).isEqualTo(404);
    }

    private static Instant[] at(Instant... instants) {
        return instants;
    }

    private static List<String> ids(JsonNode kiosks) {
        List<String> ids = new ArrayList<>();
        kiosks.forEach(kiosk -> ids.add(kiosk.get("kioskId").asString()));
        return ids;
    }

    private static JsonNode row(JsonNode kiosks, String id) {
        for (JsonNode kiosk : kiosks) {
            if (kiosk.get("kioskId").asString().equals(id)) {
                return kiosk;
            }
        }
        throw new AssertionError("no kiosk " + id);
    }

    private JsonNode get(String path) {
        HttpResponse<String> response = Http.getAsAdmin("http://localhost:" + port + path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private int status(String path) {
        return Http.getAsAdmin("http://localhost:" + port + path).statusCode();
    }

    private String problemField(String path) {
        HttpResponse<String> response = Http.getAsAdmin("http://localhost:" + port + path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        return JSON.readTree(response.body()).path("errors").toString();
    }
}
