package com.peptalk.gateway.problems;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One catalogue of problem types for the whole platform (issue 9): every type the gateway answers with is a row of
 * docs/problems.md, the catalogue the services' {@code ProblemType} (libs/web) is checked against too.
 */
class ProblemCatalogueTests {

    @Test
    void everyTypeTheGatewayUsesIsInThePlatformsCatalogue() throws Exception {
        String catalogue = Files.readString(Path.of("../docs/problems.md"));
        List<URI> types = Arrays.stream(Problems.class.getDeclaredFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == URI.class)
                .map(ProblemCatalogueTests::value).toList();

        assertThat(types).isNotEmpty().allSatisfy(type -> assertThat(catalogue).as(type.toString())
                .contains("| `" + type.toString().substring("https://peptalk.dev/problems/".length()) + "` |"));
    }

    private static URI value(Field field) {
        try {
            return (URI) field.get(null);
        }
        catch (IllegalAccessException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
