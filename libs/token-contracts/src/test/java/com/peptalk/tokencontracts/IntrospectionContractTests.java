package com.peptalk.tokencontracts;

import com.peptalk.events.tokens.ApiTokenType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The introspection contract: each kind of answer round-trips through JSON and matches the sample checked in under
 * {@code docs/introspection/}, which token-service's and the iframe's tests also read. Changing the record without
 * changing the samples fails here; run with {@code -Dpeptalk.introspection.write-samples=true} to rewrite them, then
 * review the diff.
 */
class IntrospectionContractTests {

    static final Path SAMPLES = Path.of(System.getProperty("peptalk.introspection.samples", "../../docs/introspection"));
    private static final boolean WRITE = Boolean.getBoolean("peptalk.introspection.write-samples");
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final UUID TOKEN = UUID.fromString("5c1d7e2a-8b34-4f6a-a1c9-3e0d2b4f6a81");

    /** One answer of each shape, by sample file name. */
    static final Map<String, Introspection> SAMPLE_ANSWERS = Map.of(
            "active-project-group", Introspection.active(TOKEN, ApiTokenType.PROJECT_GROUP, 3, 7, List.of(42L, 43L),
                    null, ProcoreApp.projectList()),
            "active-project", Introspection.active(TOKEN, ApiTokenType.PROJECT, 42, 7, List.of(42L),
                    Instant.parse("2026-11-23T08:30:00Z"), ProcoreApp.project(42)),
            "active-company", Introspection.active(TOKEN, ApiTokenType.COMPANY, 7, 7, List.of(42L, 43L, 44L), null,
                    null),
            "inactive", Introspection.INACTIVE,
            "active-kiosk", Introspection.active(TOKEN, ApiTokenType.KIOSK, 1017, 7, List.of(42L), null, null));

    static Stream<String> samples() {
        return SAMPLE_ANSWERS.keySet().stream().sorted();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everyAnswerMatchesItsCheckedInSampleAndReadsBackEqual(String name) throws IOException {
        Introspection answer = SAMPLE_ANSWERS.get(name);
        Path file = SAMPLES.resolve(name + ".json");
        if (WRITE) {
            Files.createDirectories(SAMPLES);
            Files.writeString(file, JSON.writeValueAsString(answer) + "\n");
        }
        assertThat(file).as("sample %s (rerun with -Dpeptalk.introspection.write-samples=true)", name).exists();

        JsonNode checkedIn = JSON.readTree(file.toFile());
        JsonNode written = JSON.readTree(JSON.writeValueAsString(answer));
        assertThat(written).as("%s no longer matches %s: update the sample with the change", name,
                file).isEqualTo(checkedIn);
        assertThat(JSON.readValue(file.toFile(), Introspection.class)).isEqualTo(answer);
    }

    @Test
    void everySampleFileIsAKnownAnswer() throws IOException {
        try (Stream<Path> files = Files.list(SAMPLES)) {
            Set<String> documented = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - 5)).collect(Collectors.toCollection(TreeSet::new));
            assertThat(documented).isEqualTo(new TreeSet<>(SAMPLE_ANSWERS.keySet()));
        }
    }

    @Test
    void anInactiveAnswerSaysOnlyThatItIsInactive() {
        assertThat(JSON.writeValueAsString(Introspection.INACTIVE).replaceAll("\\s", ""))
                .isEqualTo("{\"active\":false}");
        Introspection read = JSON.readValue("{\"active\": false}", Introspection.class);
        assertThat(read).isEqualTo(Introspection.INACTIVE);
        assertThat(read.maySee(42)).isFalse();
    }

    @Test
    void aClientReadsAnswersWithFieldsItDoesNotKnowYetAndTheTokenKindInAnyOfItsSpellings() {
        Introspection read = JSON.readValue("""
                {"active": true, "tokenId": "%s", "apiTokenType": "PROJECT_GROUP", "resourceType": "ProjectGroup",
                 "resourceId": 3, "companyId": 7, "projectIds": [42, 43], "procoreApp": {"opens": "project_list"},
                 "futureField": "ignored"}
                """.formatted(TOKEN), Introspection.class);

        assertThat(read).isEqualTo(SAMPLE_ANSWERS.get("active-project-group"));
        assertThat(read.maySee(42)).isTrue();
        assertThat(read.maySee(44)).isFalse();
        assertThat(read.procoreApp().listsProjects()).isTrue();
    }

    @Test
    void anActiveTokenThatSeesNoProjectReadsAsAnEmptyList() {
        Introspection kiosk = Introspection.active(TOKEN, ApiTokenType.KIOSK, 5, 7, List.of(), null, null);

        String json = JSON.writeValueAsString(kiosk);

        assertThat(json).doesNotContain("projectIds").contains("\"apiTokenType\" : \"kiosk\"");
        assertThat(JSON.readValue(json, Introspection.class)).isEqualTo(kiosk);
    }
}
