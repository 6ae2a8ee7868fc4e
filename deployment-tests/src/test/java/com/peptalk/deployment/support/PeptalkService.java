package com.peptalk.deployment.support;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The seven services (DESIGN.md §2): the folder and artifact id each is built from, the database it owns and
 * the settings a deployment must give it (environment variable names, by Spring Boot's relaxed binding).
 */
public enum PeptalkService {

    GATEWAY("gateway-service", null, null, List.of()),
    TOKEN("token-service", "peptalk_token", "PEPTALK_GATEWAY_SERVICES_TOKEN",
            List.of("PEPTALK_TOKENS_PUBLICBASEURL")),
    IFRAME("procore-iframe-service", "peptalk_iframe", "PEPTALK_GATEWAY_SERVICES_PROCOREIFRAME",
            List.of("PEPTALK_TOKENCLIENT_URL")),
    AUTOMATION("automation-service", "peptalk_automation", "PEPTALK_GATEWAY_SERVICES_AUTOMATION", List.of()),
    DELIVERY("delivery-service", "peptalk_delivery", "PEPTALK_GATEWAY_SERVICES_DELIVERY",
            List.of("PEPTALK_DELIVERY_MODE", "PEPTALK_DELIVERY_EMAILFROM", "PEPTALK_DELIVERY_SMSFROM")),
    TRACKING("tracking-service", "peptalk_tracking", "PEPTALK_GATEWAY_SERVICES_TRACKING",
            List.of("PEPTALK_TRACKING_PUBLICBASEURL")),
    HEARTBEAT("heartbeat-service", "peptalk_heartbeat", "PEPTALK_GATEWAY_SERVICES_HEARTBEAT", List.of());

    private final String id;
    private final String database;
    private final String gatewaySetting;
    private final List<String> requiredSettings;

    PeptalkService(String id, String database, String gatewaySetting, List<String> requiredSettings) {
        this.id = id;
        this.database = database;
        this.gatewaySetting = gatewaySetting;
        this.requiredSettings = requiredSettings;
    }

    /** Folder, Maven artifact id, Compose service, Kubernetes Deployment and Service name. */
    public String id() {
        return id;
    }

    /** The PostgreSQL database the service owns; none for the stateless gateway. */
    public Optional<String> database() {
        return Optional.ofNullable(database);
    }

    /**
     * Settings without a usable default, which a deployment must set (besides database and Kafka); for the
     * gateway, the base URI of every service behind it.
     */
    public List<String> requiredSettings() {
        if (this == GATEWAY) {
            return downstream().stream().map(service -> service.gatewaySetting).toList();
        }
        // every servlet service trusts the gateway's identity key (libs/web, peptalk.web.identity.keys)
        return java.util.stream.Stream.concat(requiredSettings.stream(),
                java.util.stream.Stream.of("PEPTALK_WEB_IDENTITY_KEYS_0_ID", "PEPTALK_WEB_IDENTITY_KEYS_0_PUBLICKEY"))
                .toList();
    }

    /**
     * The gateway's setting of this service's base URI ({@code peptalk.gateway.services.*} of
     * {@code GatewayProperties} in gateway-service, by relaxed binding); none for the gateway itself.
     */
    public Optional<String> gatewaySetting() {
        return Optional.ofNullable(gatewaySetting);
    }

    /**
     * Secret settings the service cannot start without, as environment variable names; a name ending in
     * {@code _} stands for a map: at least one variable starting with it. In Kubernetes they come from the Secret
     * {@code <service>-secrets}, which is then required, not optional.
     */
    public List<String> requiredSecrets() {
        return switch (this) {
            case TOKEN -> List.of("PEPTALK_TOKENS_HASHKEY", "PEPTALK_TOKENS_ENCRYPTIONKEYS_",
                    "PEPTALK_TOKENS_ACTIVEKEYID");
            // admins sign in with API keys (their hashes) or an OIDC issuer; the session cookie needs its key
            // and the key it signs the identities it relays to the services with
            case GATEWAY -> List.of("PEPTALK_GATEWAY_ADMIN_SESSIONSIGNINGKEY", "PEPTALK_GATEWAY_IDENTITY_SIGNINGKEY",
                    "PEPTALK_GATEWAY_IDENTITY_KEYID");
            default -> List.of();
        };
    }

    /** Whether a set of variable names provides a required name (or, for a map, at least one entry). */
    public static boolean provides(java.util.Collection<String> names, String required) {
        return required.endsWith("_") ? names.stream().anyMatch(name -> name.startsWith(required)
                && name.length() > required.length()) : names.contains(required);
    }

    /** The services behind the gateway. */
    public static List<PeptalkService> downstream() {
        return java.util.Arrays.stream(values()).filter(service -> service != GATEWAY).toList();
    }

    /** The image Jib builds: {@code ${jib.registry}/${project.artifactId}} with the default registry. */
    public String image() {
        return "peptalk/" + id;
    }

    public Path moduleDirectory() {
        return Project.path(id);
    }

    public static Optional<PeptalkService> byId(String id) {
        for (PeptalkService service : values()) {
            if (service.id.equals(id)) {
                return Optional.of(service);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return id;
    }
}
