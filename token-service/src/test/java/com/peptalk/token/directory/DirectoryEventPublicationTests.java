package com.peptalk.token.directory;

import com.peptalk.events.DomainEvent;
import com.peptalk.events.EventCodec;
import com.peptalk.events.ReceivedEvent;
import com.peptalk.events.Topics;
import com.peptalk.events.directory.CompanyDeleted;
import com.peptalk.events.directory.CompanyUpserted;
import com.peptalk.events.directory.ProjectDeleted;
import com.peptalk.events.directory.ProjectGroupDeleted;
import com.peptalk.events.directory.ProjectGroupMembershipChanged;
import com.peptalk.events.directory.ProjectGroupUpserted;
import com.peptalk.events.directory.ProjectUpserted;
import com.peptalk.events.directory.UserDeleted;
import com.peptalk.events.directory.UserUpserted;
import com.peptalk.testsupport.EventProbe;
import com.peptalk.testsupport.ServiceTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the directory's changes put on {@code directory.events}, read back from the real broker. */
@ServiceTest
class DirectoryEventPublicationTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final EventCodec CODEC = new EventCodec(URI.create("/directory-tests"), Clock.systemUTC());

    static EventProbe probe;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    ProjectService projects;

    DirectoryApi api;

    @BeforeAll
    static void listen() {
        probe = EventProbe.listen(Topics.DIRECTORY);
    }

    @AfterAll
    static void stopListening() {
        probe.close();
    }

    @BeforeEach
    void setUp() {
        api = new DirectoryApi(port);
    }

    @Test
    void companyChangesArePublishedKeyedByTheCompany() {
        String name = DirectoryApi.unique("Evented");
        long company = api.company(name);
        api.put("/companies/" + company, Map.of("name", name + " Inc", "status", "active"));

        Map<String, List<DomainEvent>> events = awaitUntil(new CompanyUpserted(company, name + " Inc", "active"));

        assertThat(events.get("company:" + company)).containsExactly(new CompanyUpserted(company, name, "active"),
                new CompanyUpserted(company, name + " Inc", "active"));
    }

    @Test
    void aNewProjectIsPublishedWithItsWholeStateKeyedByTheProject() {
        long company = api.company(DirectoryApi.unique("Evented"));
        DirectoryApi.Response created = api.post("/projects", Map.of("companyId", company, "name", "Harbor Bridge",
                "timeZone", "America/Denver", "startDate", "2026-04-01", "completionDate", "2026-12-31"));
        assertThat(created.status()).isEqualTo(201);
        long project = created.id();
        ProjectUpserted expected = new ProjectUpserted(project, company, "Harbor Bridge", "active", "America/Denver",
                LocalDate.of(2026, 4, 1), LocalDate.of(2026, 12, 31));

        assertThat(awaitUntil(expected).get("project:" + project)).containsExactly(expected);
        ReceivedEvent received = probe.awaitEvent(e -> e.event().equals(expected), TIMEOUT);
        assertThat(received.envelope().source()).hasToString("/token-service");
        assertThat(received.envelope().subject()).isEqualTo("project:" + project);
    }

    @Test
    void groupEventsCarryTheMembership() {
        long company = api.company(DirectoryApi.unique("Evented"));
        long a = api.project(company, "A");
        long b = api.project(company, "B");
        long c = api.project(company, "C");
        long group = api.group(company, "Grouped", b, a);

        api.put("/project-groups/" + group + "/projects", Map.of("projectIds", List.of(b, c)));
        api.put("/project-groups/" + group + "/projects", Map.of("projectIds", List.of(c, b)));
        api.put("/project-groups/" + group, Map.of("name", "Regrouped"));
        api.delete("/project-groups/" + group);

        assertThat(awaitUntil(new ProjectGroupDeleted(group, company)).get("project-group:" + group)).containsExactly(
                new ProjectGroupUpserted(group, company, "Grouped", List.of(a, b)),
                new ProjectGroupMembershipChanged(group, company, List.of(c), List.of(a), List.of(b, c)),
                new ProjectGroupUpserted(group, company, "Regrouped", List.of(b, c)),
                new ProjectGroupDeleted(group, company));
    }

    @Test
    void userChangesArePublishedAndDeactivationAsDeleted() {
        long company = api.company(DirectoryApi.unique("Evented"));
        long user = api.user(company, "Robin", "robin@example.com");
        api.delete("/users/" + user);

        assertThat(awaitUntil(new UserDeleted(user, company)).get("user:" + user)).containsExactly(
                new UserUpserted(user, company, "Robin", "robin@example.com", "member"),
                new UserDeleted(user, company));
    }

    @Test
    void archivingACompanyPublishesItsDeletionThenItsProjectsAndUsers() {
        String name = DirectoryApi.unique("Evented");
        long company = api.company(name);
        long project = api.project(company, "Last site");
        long user = api.user(company, "Lee", "lee@example.com");

        api.delete("/companies/" + company);

        Map<String, List<DomainEvent>> events = awaitUntil(new CompanyDeleted(company),
                new ProjectDeleted(project, company), new UserDeleted(user, company));
        assertThat(events.get("company:" + company))
                .containsExactly(new CompanyUpserted(company, name, "active"), new CompanyDeleted(company));
        assertThat(events.get("project:" + project)).hasSize(2).last().isEqualTo(new ProjectDeleted(project, company));
        assertThat(events.get("user:" + user)).hasSize(2).last().isEqualTo(new UserDeleted(user, company));
        List<String> outboxOrder = jdbc.queryForList("""
                select aggregate_id from event_outbox where aggregate_id in (?, ?, ?) and event_type like '%deleted%'
                order by seq""", String.class, "company:" + company, "project:" + project, "user:" + user);
        assertThat(outboxOrder).containsExactly("company:" + company, "project:" + project, "user:" + user);
    }

    @Test
    void aRolledBackChangePublishesNothing() {
        long company = api.company(DirectoryApi.unique("Evented"));
        AtomicReference<ProjectView> rolledBack = new AtomicReference<>();

        assertThatThrownBy(() -> new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            rolledBack.set(projects.create(new CreateProject(company, "Never", null, null, null, null)));
            throw new IllegalStateException("the request fails after the project and its event were written");
        })).isInstanceOf(IllegalStateException.class);

        String key = "project:" + rolledBack.get().id();
        assertThat(jdbc.queryForObject("select count(*) from projects where id = ?", Long.class,
                rolledBack.get().id())).isZero();
        assertThat(jdbc.queryForObject("select count(*) from event_outbox where aggregate_id = ?", Long.class, key))
                .as("the relay publishes only what the outbox holds").isZero();
        // a later change is relayed, and by then the outbox order would have put the rolled-back one first
        long later = api.project(company, "Later");
        awaitUntil(new ProjectUpserted(later, company, "Later", "active", "UTC", null, null));
        assertThat(probe.seen()).noneMatch(record -> key.equals(record.key()));
    }

    @Test
    void aRefusedRequestPublishesNothing() {
        long company = api.company(DirectoryApi.unique("Evented"));
        long outboxBefore = jdbc.queryForObject("select count(*) from event_outbox", Long.class);

        assertThat(api.post("/project-groups", Map.of("companyId", company, "name", "Refused",
                "projectIds", List.of(999999990L))).status()).isEqualTo(422);
        assertThat(api.post("/projects", Map.of("companyId", company, "name", " ")).status()).isEqualTo(400);

        assertThat(jdbc.queryForObject("select count(*) from event_outbox", Long.class)).isEqualTo(outboxBefore);
    }

    /**
     * Reads {@code directory.events} until each of {@code lastEvents} has arrived under its own key, and returns
     * every event read so far grouped by record key (one key is one partition, so each list is in stored order). A
     * key other than the resource id would leave its group empty and time out.
     * <p>
     * One predicate collects everything, because {@link EventProbe#awaitRecord} stops reading a polled batch at
     * the first match: awaiting one event at a time can lose the next one if both came in the same batch.
     */
    private static Map<String, List<DomainEvent>> awaitUntil(DomainEvent... lastEvents) {
        Map<String, List<DomainEvent>> byKey = new LinkedHashMap<>();
        probe.awaitRecord(record -> {
            decode(record).ifPresent(event -> byKey.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(event));
            return Arrays.stream(lastEvents).allMatch(last ->
                    byKey.getOrDefault(last.aggregateId(), List.of()).contains(last));
        }, TIMEOUT);
        return byKey;
    }

    private static Optional<DomainEvent> decode(ConsumerRecord<String, byte[]> record) {
        try {
            return Optional.of(CODEC.fromRecord(record).event());
        }
        catch (RuntimeException undecodable) {
            return Optional.empty();
        }
    }
}
