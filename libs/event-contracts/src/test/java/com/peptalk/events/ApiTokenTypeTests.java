package com.peptalk.events;

import com.peptalk.events.tokens.ApiTokenIssued;
import com.peptalk.events.tokens.ApiTokenType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The token kind has one vocabulary, the seed's words, and still reads every spelling the platform ever wrote. */
class ApiTokenTypeTests {

    @Test
    void theWordsAreTheSeeds() {
        assertThat(Arrays.stream(ApiTokenType.values()).map(ApiTokenType::word))
                .containsExactly("company", "project", "project_group", "user", "kiosk");
        assertThat(Arrays.stream(ApiTokenType.values()).map(ApiTokenType::resourceType))
                .containsExactly("Company", "Project", "ProjectGroup", "User", "Kiosk");
    }

    @ParameterizedTest
    @EnumSource(ApiTokenType.class)
    void everySpellingNamesTheSameKind(ApiTokenType type) {
        assertThat(ApiTokenType.parse(type.word())).isEqualTo(type);
        assertThat(ApiTokenType.parse(type.resourceType())).isEqualTo(type);
        assertThat(ApiTokenType.parse(type.name())).isEqualTo(type);
        assertThat(ApiTokenType.parse(type.word().toUpperCase())).isEqualTo(type);
    }

    @Test
    void anythingElseIsNotAKind() {
        assertThatThrownBy(() -> ApiTokenType.parse("Planet")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ApiTokenType.parse("project-group")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ApiTokenType.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eventsCarryTheWordAndEventsWrittenWithTheConstantStillRead() {
        ApiTokenIssued issued = new ApiTokenIssued(java.util.UUID.randomUUID(), ApiTokenType.PROJECT_GROUP,
                "ProjectGroup", 3, 7, null);

        String json = new String(EventCodec.toJson(issued), StandardCharsets.UTF_8);
        String older = json.replace("\"project_group\"", "\"PROJECT_GROUP\"");

        assertThat(json).contains("\"tokenType\":\"project_group\"");
        assertThat(EventCodec.fromJson(older.getBytes(StandardCharsets.UTF_8), ApiTokenIssued.class))
                .isEqualTo(issued);
    }
}
