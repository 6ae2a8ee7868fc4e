package com.peptalk.deployment;

import com.peptalk.deployment.support.Kustomization;
import com.peptalk.deployment.support.Manifest;
import com.peptalk.deployment.support.PeptalkService;
import com.peptalk.deployment.support.ServiceApplication;
import com.peptalk.deployment.support.ServiceApplication.Jdbc;
import com.peptalk.deployment.support.Workload;
import com.peptalk.deployment.support.Yml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The overlays: what they add around the base points at what the base expects, and only the gateway is reachable. */
class OverlayTests {

    private static final Kustomization LOCAL = Kustomization.at("k8s/overlays/local");
    private static final Kustomization PRODUCTION = Kustomization.at("k8s/overlays/production");

    static List<Path> kustomizations() throws IOException {
        return KustomizationTests.kustomizations();
    }

    private static Workload workload(Kustomization overlay, PeptalkService service) {
        return new Workload(overlay.manifest("Deployment", service.id()), overlay.configMaps());
    }

    // ----- local ----------------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(PeptalkService.class)
    void locallyEachServiceUsesItsDatabaseInTheLocalPostgres(PeptalkService service) {
        Workload workload = workload(LOCAL, service);
        String initdb = LOCAL.configMaps().get("postgres-initdb").get("postgres-initdb.sql");
        Manifest postgres = LOCAL.manifest("Service", "postgres");

        service.database().ifPresentOrElse(database -> {
            String url = workload.environment().get("SPRING_DATASOURCE_URL");
            assertThat(url).as("%s SPRING_DATASOURCE_URL", service).isNotNull();
            assertThat(Jdbc.host(url)).isEqualTo(postgres.name());
            assertThat(Jdbc.port(url)).isEqualTo(servicePort(postgres));
            assertThat(Jdbc.databaseName(url)).isEqualTo(database)
                    .isEqualTo(ServiceApplication.of(service).databaseName().orElseThrow());
            assertThat(initdb).containsIgnoringCase("CREATE DATABASE " + database + ";");
            workload.secretEnvironment().values().forEach(secret -> assertThat(LOCAL.secrets())
                    .as("%s reads the Secret %s", service, secret.name()).containsKey(secret.name())
                    .extractingByKey(secret.name()).satisfies(data -> assertThat(data).containsKey(secret.key())));
        }, () -> assertThat(workload.environment()).doesNotContainKey("SPRING_DATASOURCE_URL"));
    }

    @ParameterizedTest
    @EnumSource(PeptalkService.class)
    void locallyTheServicesReachTheLocalBroker(PeptalkService service) {
        if (ServiceApplication.of(service).property("spring.kafka.bootstrap-servers").isEmpty()) {
            return; // the gateway uses no Kafka
        }
        Manifest kafka = LOCAL.manifest("Service", "kafka");
        Manifest broker = LOCAL.manifest("StatefulSet", "kafka");
        String advertised = brokerEnvironment(broker).get("KAFKA_ADVERTISED_LISTENERS");

        String bootstrap = workload(LOCAL, service).environment().get("SPRING_KAFKA_BOOTSTRAP_SERVERS");
        assertThat(bootstrap).isEqualTo(kafka.name() + ":" + servicePort(kafka));
        assertThat(advertised).as("the broker advertises what clients bootstrap from").contains("://" + bootstrap);
        assertThat(workload(LOCAL, service).environment()).containsEntry("PEPTALK_EVENTS_TOPICS_REPLICAS", "1");
    }

    @Test
    void locallyEveryServiceRunsOnceWithTheLocallyBuiltImage() {
        for (PeptalkService service : PeptalkService.values()) {
            assertThat(Yml.listAt(LOCAL.spec(), LOCAL.where(), "replicas"))
                    .anySatisfy(replicas -> assertThat(Yml.map(replicas, LOCAL.where()))
                            .containsEntry("name", service.id()).containsEntry("count", 1));
            assertThat(Yml.listAt(LOCAL.spec(), LOCAL.where(), "images"))
                    .anySatisfy(image -> assertThat(Yml.map(image, LOCAL.where()))
                            .containsEntry("name", service.image()).doesNotContainKey("newName"));
        }
    }

    // ----- production -----------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(PeptalkService.class)
    void inProductionEachServiceHasItsOwnPostgresCluster(PeptalkService service) {
        Workload workload = workload(PRODUCTION, service);
        service.database().ifPresent(database -> {
            String cluster = service.id() + "-db";
            Manifest manifest = PRODUCTION.manifest("Cluster", cluster);
            assertThat(manifest.apiVersion()).startsWith("postgresql.cnpg.io/");
            assertThat(Yml.string(manifest.content(), manifest.where(), "spec", "bootstrap", "initdb", "database"))
                    .isEqualTo(database);

            String url = workload.environment().get("SPRING_DATASOURCE_URL");
            // CloudNativePG's read-write service and application Secret of that Cluster
            assertThat(Jdbc.host(url)).isEqualTo(cluster + "-rw");
            assertThat(Jdbc.databaseName(url)).isEqualTo(database);
            assertThat(workload.secretEnvironment()).containsEntry("SPRING_DATASOURCE_USERNAME",
                    new Workload.SecretRef(cluster + "-app", "username"));
            assertThat(workload.secretEnvironment()).containsEntry("SPRING_DATASOURCE_PASSWORD",
                    new Workload.SecretRef(cluster + "-app", "password"));
        });
    }

    @Test
    void inProductionTheServicesBootstrapFromTheStrimziCluster() {
        Manifest kafka = PRODUCTION.manifests("Kafka").getFirst();
        assertThat(kafka.apiVersion()).startsWith("kafka.strimzi.io/");
        Object plain = Yml.listAt(kafka.content(), kafka.where(), "spec", "kafka", "listeners").stream()
                .filter(listener -> Boolean.FALSE.equals(Yml.map(listener, kafka.where()).get("tls")))
                .findFirst().orElseThrow(() -> new AssertionError(kafka.where() + " has no plain listener"));
        String expected = kafka.name() + "-kafka-bootstrap:" + Yml.string(plain, kafka.where(), "port");

        assertThat(PRODUCTION.configMaps().get("peptalk-kafka"))
                .containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", expected);
        int brokers = PRODUCTION.manifests("KafkaNodePool").stream()
                .filter(pool -> Yml.listAt(pool.content(), pool.where(), "spec", "roles").contains("broker"))
                .mapToInt(pool -> Integer.parseInt(Yml.string(pool.content(), pool.where(), "spec", "replicas"))).sum();
        assertThat(Integer.parseInt(PRODUCTION.configMaps().get("peptalk-kafka").get("PEPTALK_EVENTS_TOPICS_REPLICAS")))
                .as("topic replicas vs brokers").isLessThanOrEqualTo(brokers);
    }

    // ----- every overlay --------------------------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource("kustomizations")
    void onlyTheGatewayIsReachableFromOutside(Path directory) {
        Kustomization kustomization = Kustomization.at(directory);
        int gatewayPort = ServiceApplication.of(PeptalkService.GATEWAY).port();
        for (Manifest service : kustomization.manifests("Service")) {
            String type = String.valueOf(Yml.find(service.content(), "spec", "type").orElse("ClusterIP"));
            assertThat(type).as("%s: only the Ingress reaches the gateway from outside", service.where())
                    .isEqualTo("ClusterIP");
        }
        for (Manifest ingress : kustomization.manifests("Ingress")) {
            for (Object rule : Yml.listAt(ingress.content(), ingress.where(), "spec", "rules")) {
                for (Object path : Yml.listAt(rule, ingress.where(), "http", "paths")) {
                    assertThat(Yml.string(path, ingress.where(), "backend", "service", "name"))
                            .isEqualTo(PeptalkService.GATEWAY.id());
                    Map<String, Object> port = Yml.mapAt(path, ingress.where(), "backend", "service", "port");
                    assertThat(port).satisfiesAnyOf(p -> assertThat(p).containsEntry("name", "http"),
                            p -> assertThat(p).containsEntry("number", gatewayPort));
                    assertThat(Yml.string(path, ingress.where(), "path")).doesNotStartWith("/internal");
                }
            }
            assertThat(Yml.find(ingress.content(), "spec", "defaultBackend")).isEmpty();
        }
    }

    private static int servicePort(Manifest service) {
        return Integer.parseInt(Yml.string(Yml.listAt(service.content(), service.where(), "spec", "ports").getFirst(),
                service.where(), "port"));
    }

    private static Map<String, String> brokerEnvironment(Manifest statefulSet) {
        Map<String, String> environment = new java.util.LinkedHashMap<>();
        Object container = Yml.listAt(statefulSet.content(), statefulSet.where(), "spec", "template", "spec", "containers")
                .getFirst();
        for (Object variable : Yml.listOrEmpty(container, "env")) {
            Yml.find(variable, "value").ifPresent(value -> environment.put(
                    Yml.string(variable, statefulSet.where(), "name"), String.valueOf(value)));
        }
        return environment;
    }
}
