package com.peptalk.deployment;

import com.peptalk.deployment.support.Compose;
import com.peptalk.deployment.support.Kustomization;
import com.peptalk.deployment.support.PeptalkService;
import com.peptalk.deployment.support.ServiceApplication;
import com.peptalk.deployment.support.SettingNames;
import com.peptalk.deployment.support.Workload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way of deploying gives each service the settings it needs, under names that really bind (Spring Boot
 * ignores an environment variable that binds to nothing), and keeps secrets out of ConfigMaps.
 */
class SettingsTests {

    private static final List<String> KUSTOMIZATIONS = List.of("k8s/base", "k8s/overlays/local", "k8s/overlays/production");

    /** The plain environment of a service in each deployment: Compose and each kustomization. */
    static Map<String, Map<String, String>> environments(PeptalkService service) {
        Map<String, Map<String, String>> environments = new LinkedHashMap<>();
        environments.put("docker-compose.yml", Compose.load().environment(service.id()));
        for (String directory : KUSTOMIZATIONS) {
            Kustomization kustomization = Kustomization.at(directory);
            Workload workload = new Workload(kustomization.manifest("Deployment", service.id()), kustomization.configMaps());
            Map<String, String> environment = new LinkedHashMap<>(workload.environment());
            workload.secretEnvironment().keySet().forEach(name -> environment.put(name, "<secret>"));
            // whole Secrets as environment: their keys, where this kustomization makes them
            workload.secretSources().forEach(secret -> kustomization.secrets().getOrDefault(secret, Map.of())
                    .forEach(environment::put));
            environments.put(directory, environment);
        }
        return environments;
    }

    @ParameterizedTest
    @EnumSource(PeptalkService.class)
    void everyRequiredSettingIsGiven(PeptalkService service) {
        ServiceApplication application = ServiceApplication.of(service);
        environments(service).forEach((where, environment) -> {
            assertThat(environment.keySet()).as("%s: %s", where, service).containsAll(service.requiredSettings());
            assertThat(environment).as("%s: %s logs JSON", where, service)
                    .containsEntry("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
            if (application.property("spring.datasource.url").isPresent()) {
                assertThat(environment).as("%s: %s database", where, service)
                        .containsKeys("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD");
            }
            if (application.property("spring.kafka.bootstrap-servers").isPresent()) {
                assertThat(environment).as("%s: %s broker", where, service).containsKey("SPRING_KAFKA_BOOTSTRAP_SERVERS");
            }
        });
    }

    @ParameterizedTest
    @EnumSource(PeptalkService.class)
    void everyPeptalkVariableBindsToARealSetting(PeptalkService service) {
        SettingNames names = SettingNames.of(service);
        assertThat(service.requiredSettings()).allSatisfy(required -> assertThat(names.binds(required))
                .as("%s declares no setting for %s; known: %s", service, required, names.known()).isTrue());
        environments(service).forEach((where, environment) -> environment.keySet().stream()
                .filter(name -> name.startsWith("PEPTALK_"))
                .forEach(name -> assertThat(names.binds(name))
                        .as("%s: %s binds to no setting of %s (misspelt?); known: %s", where, name, service, names.known())
                        .isTrue()));
    }

    @ParameterizedTest
    @EnumSource(PeptalkService.class)
    void deliveryModeIsSandboxOrLive(PeptalkService service) {
        environments(service).forEach((where, environment) -> {
            String mode = environment.get("PEPTALK_DELIVERY_MODE");
            if (mode != null) {
                assertThat(Compose.withDefaults(mode)).as("%s PEPTALK_DELIVERY_MODE", where).isIn("sandbox", "live");
            }
        });
    }

    @ParameterizedTest
    @EnumSource(PeptalkService.class)
    void requiredSecretsAreGivenWhereTheDeploymentMakesThem(PeptalkService service) {
        Compose compose = Compose.load();
        Map<String, String> composeEnvironment = compose.environment(service.id());
        for (String secret : service.requiredSecrets()) {
            assertThat(PeptalkService.provides(composeEnvironment.keySet(), secret))
                    .as("docker-compose.yml %s sets %s", service, secret).isTrue();
        }
        checkTokenKeys(service, "docker-compose.yml", composeEnvironment);

        Kustomization local = Kustomization.at("k8s/overlays/local");
        String secretName = service.id() + "-secrets";
        if (!service.requiredSecrets().isEmpty()) {
            Map<String, String> secret = local.secrets().get(secretName);
            assertThat(secret).as("k8s/overlays/local makes the Secret %s", secretName).isNotNull();
            for (String required : service.requiredSecrets()) {
                assertThat(PeptalkService.provides(secret.keySet(), required))
                        .as("k8s/overlays/local Secret %s has %s", secretName, required).isTrue();
            }
            checkTokenKeys(service, "k8s/overlays/local", secret);
        }
        for (String directory : List.of("k8s/base", "k8s/overlays/production")) {
            assertThat(Kustomization.at(directory).secrets()).as("%s keeps real secrets out of Git", directory)
                    .doesNotContainKey(secretName);
        }
    }

    /** The token keys pass token-service's own validation: hash key length, AES-256 keys, an active id that exists. */
    private static void checkTokenKeys(PeptalkService service, String where, Map<String, String> environment) {
        if (service != PeptalkService.TOKEN) {
            return;
        }
        String prefix = "PEPTALK_TOKENS_ENCRYPTIONKEYS_";
        assertThat(Compose.withDefaults(environment.get("PEPTALK_TOKENS_HASHKEY"))).as("%s hash key", where)
                .hasSizeGreaterThanOrEqualTo(32);
        List<String> ids = environment.keySet().stream().filter(name -> name.startsWith(prefix))
                .map(name -> name.substring(prefix.length()).toLowerCase(java.util.Locale.ROOT)).toList();
        assertThat(ids).as("%s encryption key ids", where).isNotEmpty().allMatch(id -> id.matches("[a-z0-9]+"));
        environment.forEach((name, value) -> {
            if (name.startsWith(prefix)) {
                assertThat(java.util.Base64.getDecoder().decode(Compose.withDefaults(value)))
                        .as("%s %s: AES-256 key", where, name).hasSize(32);
            }
        });
        assertThat(Compose.withDefaults(environment.get("PEPTALK_TOKENS_ACTIVEKEYID"))).as("%s active key id", where)
                .isIn(ids);
    }

    @Test
    void configMapsHoldNoSecrets() {
        for (String directory : KUSTOMIZATIONS) {
            Kustomization.at(directory).configMaps().forEach((name, data) -> assertThat(data.keySet())
                    .as("%s ConfigMap %s: secrets belong in Secrets", directory, name)
                    .noneMatch(key -> key.matches("(?i).*(password|secret|credential|key|auth_?token)s?(_.*)?")
                            // a public key, and its id, are not secrets (the gateway's identity, libs/web)
                            && !key.matches("PEPTALK_WEB_IDENTITY_KEYS_\\d+_(ID|PUBLICKEY)")));
        }
    }

    @Test
    void databaseCredentialsComeFromSecretsInKubernetes() {
        for (String directory : KUSTOMIZATIONS) {
            Kustomization kustomization = Kustomization.at(directory);
            for (PeptalkService service : PeptalkService.values()) {
                Workload workload = new Workload(kustomization.manifest("Deployment", service.id()), kustomization.configMaps());
                assertThat(workload.environment()).as("%s %s", directory, service)
                        .doesNotContainKeys("SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD");
                if (service.database().isPresent()) {
                    assertThat(workload.secretEnvironment()).as("%s %s", directory, service)
                            .containsKeys("SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD");
                }
            }
        }
    }
}
