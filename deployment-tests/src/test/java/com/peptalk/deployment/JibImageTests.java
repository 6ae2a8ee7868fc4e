package com.peptalk.deployment;

import com.peptalk.deployment.support.PeptalkService;
import com.peptalk.deployment.support.RootPom;
import com.peptalk.deployment.support.ServiceApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The images the manifests run are the ones the build makes: {@code peptalk/<artifactId>}, exposing server.port. */
class JibImageTests {

    @Test
    void theBuildNamesImagesPeptalkSlashArtifactId() {
        RootPom root = RootPom.root();
        assertThat(root.jib("to/image")).contains("${jib.registry}/${project.artifactId}");
        assertThat(root.property("jib.registry")).contains("peptalk");
        assertThat(root.jib("to/tags")).as("compose runs :latest, overlays pin the version")
                .hasValueSatisfying(tags -> assertThat(tags).contains("latest").contains("${project.version}"));
        assertThat(root.jib("container/ports/port")).contains("${server.port}");
        assertThat(root.jib("container/user")).hasValueSatisfying(user -> assertThat(user).doesNotStartWith("0"));
    }

    @ParameterizedTest
    @EnumSource(PeptalkService.class)
    void eachServiceBuildsItsImageExposingItsPort(PeptalkService service) {
        RootPom pom = RootPom.of(service.moduleDirectory().resolve("pom.xml"));
        assertThat(pom.artifactId()).isEqualTo(service.id());
        boolean inheritsJib = pom.parentArtifactId().filter("peptalk-service-parent"::equals).isPresent()
                && RootPom.of(service.moduleDirectory().resolve("../service-parent/pom.xml").normalize())
                        .buildsWith("jib-maven-plugin");
        assertThat(pom.buildsWith("jib-maven-plugin") || inheritsJib).as("%s builds an image with Jib", service).isTrue();
        assertThat(pom.property("server.port")).as("%s pom property server.port (the port the image exposes)", service)
                .contains(String.valueOf(ServiceApplication.of(service).port()));
    }
}
