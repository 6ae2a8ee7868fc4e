package com.peptalk.web.problem;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemCatalogueTests {

    @Test
    void docsProblemsListsEveryTypeWithItsStatusAndTitle() throws Exception {
        String page = Files.readString(Path.of("../../docs/problems.md"));

        for (ProblemType type : ProblemType.values()) {
            String slug = type.type().toString().substring(ProblemType.BASE.length());
            Matcher row = Pattern.compile("\\| `" + Pattern.quote(slug) + "` \\| (\\d{3}) \\| ([^|]+) \\|")
                    .matcher(page);
            assertThat(row.find()).as(slug + " in docs/problems.md").isTrue();
            assertThat(Integer.parseInt(row.group(1))).as(slug).isEqualTo(type.status().value());
            assertThat(row.group(2).trim()).as(slug).isEqualTo(type.title());
        }
        long rows = page.lines().filter(line -> line.startsWith("| `")).count();
        assertThat(rows).as("no type documented that the code lacks").isEqualTo(ProblemType.values().length);
    }

    @Test
    void typesAreUniqueAndStatusesWithoutATypeFallBackSensibly() {
        assertThat(Arrays.stream(ProblemType.values()).map(ProblemType::type).distinct()).hasSize(
                ProblemType.values().length);
        assertThat(ProblemType.forStatus(404)).isEqualTo(ProblemType.NOT_FOUND);
        assertThat(ProblemType.forStatus(400)).isEqualTo(ProblemType.MALFORMED);
        assertThat(ProblemType.forStatus(418)).isEqualTo(ProblemType.MALFORMED);
        assertThat(ProblemType.forStatus(502)).isEqualTo(ProblemType.INTERNAL);
    }
}
