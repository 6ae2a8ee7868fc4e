package com.peptalk.deployment;

import com.peptalk.deployment.support.Kustomization;
import com.peptalk.deployment.support.Manifest;
import com.peptalk.deployment.support.PeptalkService;
import com.peptalk.deployment.support.Quantity;
import com.peptalk.deployment.support.RootPom;
import com.peptalk.deployment.support.ServiceApplication;
import com.peptalk.deployment.support.Workload;
import com.peptalk.deployment.support.Yml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** k8s/base: one Deployment and one Service per service, agreeing with the service's own application.yml. */
class KubernetesBaseTests {

    private static final Kustomization BASE = Kustomization.at("k8s/base");

    /** APIs every cluster serves: the base must apply to a bare cluster, without operators' CRDs. */
    private static final Set<String> CORE_APIS = Set.of("v1", "apps/v1", "policy/v1", "autoscaling/v2",
            "networking.k8s.io/v1", "batch/v1", "rbac.authorization.k8s.io/v1");

    private static Workload workload(PeptalkService service) {
        return new Workload(BASE.manifest("Deployment", service.id()), BASE.configMaps());
    }

    @Test
    void deploysExactlyTheSevenServices() {
        assertThat(BASE.manifests("Deployment")).extracting(Manifest::name)
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(PeptalkService.values()).map(PeptalkService::id).toList());
        assertThat(BASE.manifests("Service")).extracting(Manifest::name)
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(PeptalkService.values()).map(PeptalkService::id).toList());
    }

    @ParameterizedTest
    @EnumSource(PeptalkService.class)
    void theServiceSelectsTheDeploymentsPods(PeptalkService service) {
        Workload workload = workload(service);
        Manifest k8sService = BASE.manifest("Service", service.id());
        Map<String, Object> selector = Yml.mapAt(k8sService.content(), k8sService.where(), "spec", "selector");
        Map<String, Object> podLabels = Yml.mapAt(workload.podTemplate(), workload.where(), "metadata", "labels");
        Map<String, Object> matchLabels = Yml.mapAt(workload.deployment().content(), workload.where(),
                "spec", "selector", "matchLabels");

        assertThat(selector).isNotEmpty();
        assertThat(podLabels).containsAllEntriesOf(selector).containsAllEntriesOf(matchLabels);
    }

    @ParameterizedTest
    @EnumSource(PeptalkService.class)
    void containerServiceAndProbesUseTheServersAndManagementPorts(PeptalkService service) {
        ServiceApplication application = ServiceApplication.of(service);
        int port = application.port();
        Workload workload = workload(service);
        Manifest k8sService = BASE.manifest("Service", service.id());

        List<Object> containerPorts = Yml.listAt(workload.container(), workload.where(), "ports");
        assertThat(containerPorts).as("%s container ports", service).hasSize(application.hasManagementPort() ? 2 : 1);
        assertThat(Yml.string(containerPorts.getFirst(), workload.where(), "containerPort"))
                .as("%s containerPort", service).isEqualTo(String.valueOf(port));
        assertThat(Yml.string(containerPorts.getFirst(), workload.where(), "name")).isEqualTo("http");
        if (application.hasManagementPort()) {
            assertThat(Yml.string(containerPorts.get(1), workload.where(), "name")).isEqualTo("management");
            assertThat(Yml.string(containerPorts.get(1), workload.where(), "containerPort"))
                    .as("%s management containerPort", service).isEqualTo(String.valueOf(application.managementPort()));
        }

        List<Object> servicePorts = Yml.listAt(k8sService.content(), k8sService.where(), "spec", "ports");
        assertThat(servicePorts).as("%s Service ports (never the management port)", service).hasSize(1);
        Object servicePort = servicePorts.getFirst();
        assertThat(Yml.string(servicePort, k8sService.where(), "name")).isEqualTo("http");
        assertThat(Yml.string(servicePort, k8sService.where(), "port"))
                .as("%s Service port (what other services and the gateway call)", service).isEqualTo(String.valueOf(port));
        assertThat(workload.resolvePort(Yml.at(servicePort, k8sService.where(), "targetPort")))
                .as("%s Service targetPort", service).isEqualTo(port);

        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            assertThat(workload.resolvePort(Yml.at(workload.container(), workload.where(), probe, "httpGet", "port")))
                    .as("%s %s port (the actuator's)", service, probe).isEqualTo(application.managementPort());
        }
    }

    @ParameterizedTest
    @EnumSource(PeptalkService.class)
    void probesAskTheHealthGroups(PeptalkService service) {
        ServiceApplication application = ServiceApplication.of(service);
        Workload workload = workload(service);

        assertThat(application.probesEnabled())
                .as("%s sets management.endpoint.health.probes.enabled: true", application.where()).isTrue();
        assertThat(application.exposedWebEndpoints()).as("%s exposed endpoints", application.where())
                .contains("health");
        assertThat(Yml.string(workload.container(), workload.where(), "startupProbe", "httpGet", "path"))
                .isEqualTo("/actuator/health/liveness");
        assertThat(Yml.string(workload.container(), workload.where(), "livenessProbe", "httpGet", "path"))
                .isEqualTo("/actuator/health/liveness");
        assertThat(Yml.string(workload.container(), workload.where(), "readinessProbe", "httpGet", "path"))
                .isEqualTo("/actuator/health/readiness");
        if (application.hasManagementPort()) {
            assertThat(application.managementPort()).as("%s management.server.port", application.where())
                    .isPositive();
        }
    }

    @ParameterizedTest
    @EnumSource(PeptalkService.class)
    void prometheusScrapesTheManagementPort(PeptalkService service) {
        ServiceApplication application = ServiceApplication.of(service);
        Workload workload = workload(service);
        Map<String, Object> annotations = Yml.mapAt(workload.podTemplate(), workload.where(), "metadata", "annotations");

        assertThat(application.exposedWebEndpoints()).as("%s exposed endpoints", application.where())
                .contains("prometheus");
        assertThat(annotations).containsEntry("prometheus.io/scrape", "true")
                .containsEntry("prometheus.io/path", "/actuator/prometheus")
                .containsEntry("prometheus.io/port", String.valueOf(application.managementPort()));
    }

    @ParameterizedTest
    @EnumSource(PeptalkService.class)
    void runsAsTheImagesUserWithoutPrivileges(PeptalkService service) {
        Workload workload = workload(service);
        Map<String, Object> pod = Yml.find(workload.podSpec(), "securityContext").map(node -> Yml.map(node, "pod"))
                .orElse(Map.of());
        Map<String, Object> container = Yml.mapAt(workload.container(), workload.where(), "securityContext");
        String imageUser = RootPom.root().jib("container/user").orElseThrow().split(":")[0];

        Object runAsNonRoot = container.getOrDefault("runAsNonRoot", pod.get("runAsNonRoot"));
        Object runAsUser = container.getOrDefault("runAsUser", pod.get("runAsUser"));
        assertThat(runAsNonRoot).as("%s runAsNonRoot", service).isEqualTo(true);
        assertThat(String.valueOf(runAsUser)).as("%s runAsUser: the image's user (Jib container.user)", service)
                .isEqualTo(imageUser).isNotEqualTo("0");
        assertThat(container).containsEntry("allowPrivilegeEscalation", false)
                .containsEntry("readOnlyRootFilesystem", true);
        assertThat(Yml.listAt(container, workload.where(), "capabilities", "drop")).contains("ALL");
        assertThat(Yml.listOrEmpty(container, "capabilities", "add")).isEmpty();
        assertThat(container.getOrDefault("privileged", false)).isEqualTo(false);
        assertThat(workload.podSpec()).containsEntry("automountServiceAccountToken", false);

        // a read-only root file system needs a writable /tmp (Tomcat/Netty work files, JVM perf data)
        String tmpVolume = Yml.listOrEmpty(workload.container(), "volumeMounts").stream()
                .filter(mount -> "/tmp".equals(Yml.string(mount, workload.where(), "mountPath")))
                .map(mount -> Yml.string(mount, workload.where(), "name")).findFirst()
                .orElseThrow(() -> new AssertionError(workload.where() + " mounts nothing on /tmp"));
        assertThat(Yml.listAt(workload.podSpec(), workload.where(), "volumes"))
                .anySatisfy(volume -> {
                    assertThat(Yml.string(volume, workload.where(), "name")).isEqualTo(tmpVolume);
                    assertThat(Yml.find(volume, "emptyDir")).isPresent();
                });
    }

    @ParameterizedTest
    @EnumSource(PeptalkService.class)
    void resourcesAreRequestedAndLimited(PeptalkService service) {
        Workload workload = workload(service);
        Map<String, Object> resources = Yml.mapAt(workload.container(), workload.where(), "resources");

        Object cpuRequest = Yml.at(resources, workload.where(), "requests", "cpu");
        Object memoryRequest = Yml.at(resources, workload.where(), "requests", "memory");
        Object memoryLimit = Yml.at(resources, workload.where(), "limits", "memory");

        assertThat(Quantity.parse(cpuRequest)).isPositive();
        assertThat(Quantity.parse(memoryLimit)).as("%s memory limit vs request", service)
                .isGreaterThanOrEqualTo(Quantity.parse(memoryRequest));
        // the JVM takes 75 % of the limit as heap (-XX:MaxRAMPercentage=75): below 256 MiB a service cannot start
        assertThat(Quantity.parse(memoryLimit)).isGreaterThanOrEqualTo(Quantity.parse("256Mi"));
        Yml.find(resources, "limits", "cpu").ifPresent(cpuLimit -> assertThat(Quantity.parse(cpuLimit))
                .as("%s cpu limit vs request", service).isGreaterThanOrEqualTo(Quantity.parse(cpuRequest)));
    }

    @ParameterizedTest
    @EnumSource(PeptalkService.class)
    void runsTheJibImage(PeptalkService service) {
        Workload workload = workload(service);
        String image = Yml.string(workload.container(), workload.where(), "image");
        assertThat(image.replaceFirst(":[^:/]+$", "")).isEqualTo(service.image());
        assertThat(BASE.manifests("Deployment").stream()
                .flatMap(deployment -> Yml.listAt(deployment.content(), deployment.where(),
                        "spec", "template", "spec", "containers").stream())
                .map(container -> String.valueOf(Yml.map(container, "container").get("image"))))
                .filteredOn(other -> other.startsWith(service.image() + ":") || other.equals(service.image()))
                .hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(PeptalkService.class)
    void terminationGraceCoversGracefulShutdown(PeptalkService service) {
        ServiceApplication application = ServiceApplication.of(service);
        Workload workload = workload(service);
        long preStop = Long.parseLong(String.valueOf(
                Yml.find(workload.container(), "lifecycle", "preStop", "sleep", "seconds").orElse("0")));
        Duration needed = application.shutdownPhaseTimeout().plusSeconds(preStop);
        long grace = Long.parseLong(String.valueOf(workload.podSpec().getOrDefault("terminationGracePeriodSeconds", "30")));

        assertThat(application.gracefulShutdown()).as("%s sets server.shutdown: graceful", application.where()).isTrue();
        assertThat(Duration.ofSeconds(grace))
                .as("%s terminationGracePeriodSeconds vs preStop + timeout-per-shutdown-phase", service)
                .isGreaterThanOrEqualTo(needed);
    }

    @Test
    void usesOnlyApisEveryClusterServes() {
        assertThat(BASE.manifests()).allSatisfy(manifest -> assertThat(manifest.apiVersion())
                .as("%s: CRDs belong in an overlay", manifest.where()).isIn(CORE_APIS));
    }

    @Test
    void nothingIsExposedOutsideTheCluster() {
        assertThat(BASE.manifests("Service")).allSatisfy(service -> assertThat(
                String.valueOf(Yml.find(service.content(), "spec", "type").orElse("ClusterIP")))
                .as(service.where()).isEqualTo("ClusterIP"));
        assertThat(BASE.manifests("Ingress")).as("Ingresses are environment-specific: overlays").isEmpty();
        assertThat(BASE.manifests()).allSatisfy(manifest -> assertThat(Yml.find(manifest.content(), "metadata", "namespace"))
                .as("%s: the namespace comes from the overlay", manifest.where()).isEmpty());
    }

    @Test
    void everyConfigMapAndSecretADeploymentNeedsIsMadeOrOptional() {
        Set<String> configMaps = BASE.configMaps().keySet();
        for (Manifest deployment : BASE.manifests("Deployment")) {
            Workload workload = new Workload(deployment, BASE.configMaps());
            assertThat(workload.environment()).as(deployment.where()).isNotEmpty();
            PeptalkService service = PeptalkService.byId(deployment.name()).orElseThrow();
            for (Object source : Yml.listOrEmpty(workload.container(), "envFrom")) {
                Yml.find(source, "secretRef").ifPresent(reference -> {
                    boolean optional = Boolean.TRUE.equals(Yml.find(reference, "optional").orElse(false));
                    assertThat(Yml.string(reference, deployment.where(), "name")).isEqualTo(service.id() + "-secrets");
                    // a Secret the service cannot start without is required, so a missing one shows before start
                    assertThat(optional).as("%s: secretRef %s optional", deployment.where(), service.id() + "-secrets")
                            .isEqualTo(service.requiredSecrets().isEmpty());
                });
            }
            assertThat(workload.secretSources()).as(deployment.where()).containsExactly(service.id() + "-secrets");
        }
        assertThat(configMaps).contains("peptalk-common");
        assertThat(BASE.manifests("Deployment").stream().map(Manifest::name).collect(Collectors.toSet()))
                .allSatisfy(name -> assertThat(configMaps).contains(name + "-config"));
    }
}
