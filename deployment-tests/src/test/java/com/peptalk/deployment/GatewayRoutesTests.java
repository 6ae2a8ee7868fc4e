package com.peptalk.deployment;

import com.peptalk.deployment.support.Compose;
import com.peptalk.deployment.support.Kustomization;
import com.peptalk.deployment.support.Manifest;
import com.peptalk.deployment.support.PeptalkService;
import com.peptalk.deployment.support.ServiceApplication;
import com.peptalk.deployment.support.SettingNames;
import com.peptalk.deployment.support.Workload;
import com.peptalk.deployment.support.Yml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway reaches each service by the name and port that the deployment gives it, and never routes /internal. */
class GatewayRoutesTests {

    private static final List<String> KUSTOMIZATIONS = List.of("k8s/base", "k8s/overlays/local", "k8s/overlays/production");

    static List<PeptalkService> downstream() {
        return PeptalkService.downstream();
    }

    @ParameterizedTest
    @MethodSource("downstream")
    void inComposeTheGatewayCallsTheServiceByItsNameAndPort(PeptalkService service) {
        String setting = service.gatewaySetting().orElseThrow();
        String value = Compose.load().environment(PeptalkService.GATEWAY.id()).get(setting);
        assertThat(value).as("docker-compose.yml gateway-service %s", setting).isNotNull();

        URI uri = URI.create(Compose.withDefaults(value));
        assertThat(uri.getScheme()).isEqualTo("http");
        assertThat(uri.getHost()).as("%s host: the Compose service", setting).isEqualTo(service.id());
        assertThat(uri.getPort()).as("%s port: the service's server.port", setting)
                .isEqualTo(ServiceApplication.of(service).port());
        assertThat(uri.getRawPath()).isIn(null, "", "/");
    }

    @ParameterizedTest
    @MethodSource("downstream")
    void inKubernetesTheGatewayCallsTheServiceByItsServiceNameAndPort(PeptalkService service) {
        String setting = service.gatewaySetting().orElseThrow();
        for (String directory : KUSTOMIZATIONS) {
            Kustomization kustomization = Kustomization.at(directory);
            Workload gateway = new Workload(kustomization.manifest("Deployment", PeptalkService.GATEWAY.id()),
                    kustomization.configMaps());
            Manifest target = kustomization.manifest("Service", service.id());
            String value = gateway.environment().get(setting);
            assertThat(value).as("%s gateway-service %s", directory, setting).isNotNull();

            URI uri = URI.create(value);
            int servicePort = Integer.parseInt(Yml.string(
                    Yml.listAt(target.content(), target.where(), "spec", "ports").getFirst(), target.where(), "port"));
            assertThat(uri.getHost()).as("%s %s host", directory, setting)
                    .isIn(service.id(), service.id() + "." + namespaceOf(kustomization) + ".svc",
                            service.id() + "." + namespaceOf(kustomization) + ".svc.cluster.local");
            assertThat(uri.getPort()).as("%s %s port: the Service's port", directory, setting).isEqualTo(servicePort)
                    .isEqualTo(ServiceApplication.of(service).port());
            assertThat(uri.getRawPath()).isIn(null, "", "/");
        }
    }

    @Test
    void theGatewayDeclaresTheSettingsTheDeploymentsUse() {
        SettingNames names = SettingNames.of(PeptalkService.GATEWAY);
        for (PeptalkService service : PeptalkService.downstream()) {
            assertThat(names.binds(service.gatewaySetting().orElseThrow()))
                    .as("gateway-service has a setting for %s; known: %s", service.gatewaySetting().orElseThrow(),
                            names.known())
                    .isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("downstream")
    void theGatewaysOwnDefaultsUseTheServicesPorts(PeptalkService service) {
        ServiceApplication gateway = ServiceApplication.of(PeptalkService.GATEWAY);
        // the local run's defaults in application.yml: same ports as the services listen on
        String setting = service.gatewaySetting().orElseThrow();
        gateway.properties().forEach((key, value) -> {
            if (SettingNames.envName(key).equals(setting)) {
                String text = String.valueOf(value);
                if (text.startsWith("${")) {
                    return; // a placeholder with a default: not a literal URI
                }
                assertThat(URI.create(text).getPort()).as("%s %s", gateway.where(), key)
                        .isEqualTo(ServiceApplication.of(service).port());
            }
        });
    }

    @Test
    void noRouteOfTheGatewayMatchesInternalPaths() {
        ServiceApplication gateway = ServiceApplication.of(PeptalkService.GATEWAY);
        Map<String, Object> properties = gateway.properties();
        properties.forEach((key, value) -> {
            if (key.matches("spring\\.cloud\\.gateway\\..*routes\\[\\d+]\\.predicates\\[\\d+].*")) {
                String predicate = String.valueOf(value);
                assertThat(predicate).as("%s %s", gateway.where(), key).doesNotContainPattern("(^|[=,\\s])/internal");
            }
        });
    }

    private static String namespaceOf(Kustomization kustomization) {
        return String.valueOf(Yml.find(kustomization.spec(), "namespace").orElse("default"));
    }
}
