package com.peptalk.deployment;

import com.peptalk.deployment.support.Compose;
import com.peptalk.deployment.support.PeptalkService;
import com.peptalk.deployment.support.ServiceApplication;
import com.peptalk.deployment.support.ServiceApplication.Durations;
import com.peptalk.deployment.support.ServiceApplication.Jdbc;
import com.peptalk.deployment.support.Yml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** docker-compose.yml: the seven services from their Jib images, started in order, checked by their readiness. */
class DockerComposeTests {

    private static final Compose COMPOSE = Compose.load();
    /** {@code /dev/tcp/127.0.0.1/8081} (bash) or {@code localhost:8081/} (curl, wget). */
    private static final Pattern HEALTHCHECK_PORT = Pattern.compile("(?:/dev/tcp/[^/\\s]+/|(?:localhost|127\\.0\\.0\\.1):)(\\d+)");

    @Test
    void runsTheSevenServicesPostgresAndKafka() {
        List<String> expected = new ArrayList<>(Arrays.stream(PeptalkService.values()).map(PeptalkService::id).toList());
        expected.addAll(List.of("postgres", "kafka"));
        assertThat(COMPOSE.services().keySet()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest
    @EnumSource(PeptalkService.class)
    void runsTheJibImage(PeptalkService service) {
        String image = Yml.string(COMPOSE.service(service.id()), service.id(), "image");
        assertThat(image).startsWith(service.image() + ":");
        assertThat(Compose.withDefaults(image)).isEqualTo(service.image() + ":latest");
        assertThat(COMPOSE.service(service.id())).doesNotContainKey("build");
    }

    @ParameterizedTest
    @EnumSource(PeptalkService.class)
    void healthcheckAsksReadinessOnTheManagementPort(PeptalkService service) {
        int port = ServiceApplication.of(service).managementPort();
        Object test = Yml.at(COMPOSE.service(service.id()), service.id(), "healthcheck", "test");
        String command = test instanceof List<?> list ? String.join(" ", list.stream().map(String::valueOf).toList())
                : String.valueOf(test);

        assertThat(command).as("%s healthcheck", service).contains("/actuator/health/readiness");
        Matcher matcher = HEALTHCHECK_PORT.matcher(command);
        assertThat(matcher.find()).as("%s healthcheck names a port: %s", service, command).isTrue();
        assertThat(Integer.parseInt(matcher.group(1))).as("%s healthcheck port", service).isEqualTo(port);
        assertThat(command).as("the image has neither curl nor wget").doesNotContain("curl ").doesNotContain("wget ");
    }

    @Test
    void everythingStartsAfterWhatItNeedsIsHealthy() {
        for (String name : COMPOSE.services().keySet()) {
            Object dependsOn = COMPOSE.service(name).get("depends_on");
            if (dependsOn == null) {
                continue;
            }
            Map<String, Object> dependencies = Yml.map(dependsOn, name + " depends_on (long form, with conditions)");
            dependencies.forEach((dependency, condition) -> {
                assertThat(Yml.string(condition, name + " depends_on " + dependency, "condition"))
                        .as("%s waits for %s", name, dependency).isEqualTo("service_healthy");
                assertThat(COMPOSE.service(dependency)).as("%s, which %s waits for", dependency, name)
                        .containsKey("healthcheck");
            });
        }
    }

    @ParameterizedTest
    @EnumSource(PeptalkService.class)
    void waitsForItsDatabaseAndBroker(PeptalkService service) {
        ServiceApplication application = ServiceApplication.of(service);
        Map<String, Object> dependsOn = Yml.find(COMPOSE.service(service.id()), "depends_on")
                .map(node -> Yml.map(node, service.id())).orElse(Map.of());
        if (application.property("spring.datasource.url").isPresent()) {
            assertThat(dependsOn).containsKey("postgres");
        }
        if (application.property("spring.kafka.bootstrap-servers").isPresent()) {
            assertThat(dependsOn).containsKey("kafka");
        }
    }

    @Test
    void onlyTheGatewayIsPublished() {
        int gatewayPort = ServiceApplication.of(PeptalkService.GATEWAY).port();
        COMPOSE.services().forEach((name, service) -> {
            if (!name.equals(PeptalkService.GATEWAY.id())) {
                assertThat(Yml.map(service, name)).as("%s publishes no port", name).doesNotContainKey("ports");
            }
        });
        List<Object> ports = Yml.listAt(COMPOSE.service(PeptalkService.GATEWAY.id()), "gateway", "ports");
        assertThat(ports).as("the gateway's public port only, never its management port").hasSize(1);
        assertThat(Compose.withDefaults(String.valueOf(ports.getFirst()))).endsWith(":" + gatewayPort);
    }

    @Test
    void everyContainerHasAMemoryLimit() {
        COMPOSE.services().forEach((name, service) -> {
            Object limit = Yml.find(service, "deploy", "resources", "limits", "memory")
                    .or(() -> Yml.find(service, "mem_limit"))
                    .orElseThrow(() -> new AssertionError(name + " has no memory limit"));
            assertThat(String.valueOf(limit)).as("%s memory limit", name).matches("\\d+[kmg]b?");
        });
    }

    @ParameterizedTest
    @EnumSource(PeptalkService.class)
    void runsReadOnlyWithoutPrivileges(PeptalkService service) {
        Map<String, Object> container = COMPOSE.service(service.id());
        assertThat(container).containsEntry("read_only", true).doesNotContainKey("user").doesNotContainKey("privileged");
        assertThat(Yml.listAt(container, service.id(), "tmpfs")).contains("/tmp");
        assertThat(Yml.listAt(container, service.id(), "cap_drop")).contains("ALL");
    }

    @ParameterizedTest
    @EnumSource(PeptalkService.class)
    void stopGraceCoversGracefulShutdown(PeptalkService service) {
        ServiceApplication application = ServiceApplication.of(service);
        String grace = String.valueOf(COMPOSE.service(service.id()).getOrDefault("stop_grace_period", "10s"));
        assertThat(Durations.parse(grace)).as("%s stop_grace_period", service)
                .isGreaterThan(application.shutdownPhaseTimeout());
    }

    @ParameterizedTest
    @EnumSource(PeptalkService.class)
    void usesItsOwnDatabase(PeptalkService service) {
        Map<String, String> environment = COMPOSE.environment(service.id());
        String initdb = Yml.string(COMPOSE.file(), "docker-compose.yml", "configs", "postgres-initdb", "content");
        service.database().ifPresentOrElse(database -> {
            String url = environment.get("SPRING_DATASOURCE_URL");
            assertThat(url).as("%s SPRING_DATASOURCE_URL", service).isNotNull();
            assertThat(Jdbc.host(url)).isEqualTo("postgres");
            assertThat(Jdbc.databaseName(url)).isEqualTo(database)
                    .isEqualTo(ServiceApplication.of(service).databaseName().orElseThrow());
            assertThat(initdb).containsIgnoringCase("CREATE DATABASE " + database + ";");
            assertThat(environment).containsKeys("SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD");
        }, () -> assertThat(environment).doesNotContainKey("SPRING_DATASOURCE_URL"));
        assertThat(Yml.listAt(COMPOSE.service("postgres"), "postgres", "configs"))
                .anySatisfy(config -> assertThat(Yml.string(config, "postgres", "target"))
                        .startsWith("/docker-entrypoint-initdb.d/"));
    }

    @Test
    void passwordsCanBeSetFromOutside() {
        COMPOSE.services().forEach((name, service) -> COMPOSE.environment(name).forEach((key, value) -> {
            if (key.matches(".*(PASSWORD|SECRET|CREDENTIAL|KEY|AUTH_TOKEN)S?(_.*)?")) {
                assertThat(Compose.isVariable(value)).as("%s %s is ${VARIABLE...}, not a literal", name, key).isTrue();
            }
        }));
        assertThat(COMPOSE.environment("postgres").get("POSTGRES_PASSWORD"))
                .isEqualTo(COMPOSE.environment(PeptalkService.TOKEN.id()).get("SPRING_DATASOURCE_PASSWORD"));
    }

    @ParameterizedTest
    @EnumSource(PeptalkService.class)
    void reachesTheBrokerByWhatItAdvertises(PeptalkService service) {
        if (ServiceApplication.of(service).property("spring.kafka.bootstrap-servers").isEmpty()) {
            return; // the gateway uses no Kafka
        }
        String advertised = COMPOSE.environment("kafka").get("KAFKA_ADVERTISED_LISTENERS");
        String bootstrap = COMPOSE.environment(service.id()).get("SPRING_KAFKA_BOOTSTRAP_SERVERS");
        assertThat(bootstrap).isNotNull();
        assertThat(advertised).contains("://" + bootstrap);
    }
}
