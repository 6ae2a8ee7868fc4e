package com.peptalk.deployment;

import com.peptalk.deployment.support.Kustomization;
import com.peptalk.deployment.support.Manifest;
import com.peptalk.deployment.support.Project;
import com.peptalk.deployment.support.Yml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Every kustomization under k8s/ lists exactly the files beside it, and what it refers to exists. */
class KustomizationTests {

    static List<Path> kustomizations() throws IOException {
        try (Stream<Path> files = Files.walk(Project.path("k8s"))) {
            return files.filter(file -> file.getFileName().toString().equals("kustomization.yaml"))
                    .map(Path::getParent).sorted().toList();
        }
    }

    @Test
    void thereAreABaseAndALocalOverlay() throws IOException {
        assertThat(kustomizations()).contains(Project.path("k8s/base"), Project.path("k8s/overlays/local"));
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void everyListedFileExists(Path directory) {
        Kustomization kustomization = Kustomization.at(directory);
        assertThat(kustomization.referencedFiles()).allSatisfy(file -> assertThat(file)
                .as("%s lists %s", kustomization.where(), Project.root().relativize(file)).isRegularFile());
        for (String resource : kustomization.resources()) {
            Path path = directory.resolve(resource).normalize();
            assertThat(path).as("%s lists %s", kustomization.where(), resource).exists();
            if (Files.isDirectory(path)) {
                assertThat(path.resolve("kustomization.yaml")).isRegularFile();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void everyFileIsListed(Path directory) throws IOException {
        Kustomization kustomization = Kustomization.at(directory);
        Set<Path> listed = kustomization.referencedFiles();
        try (Stream<Path> files = Files.walk(directory)) {
            List<Path> present = files.filter(Files::isRegularFile)
                    .filter(file -> ownedBy(file, directory))
                    .filter(file -> !file.getFileName().toString().equals("kustomization.yaml"))
                    .filter(file -> !file.getFileName().toString().endsWith(".md"))
                    .toList();
            assertThat(present).allSatisfy(file -> assertThat(listed)
                    .as("%s should list %s (or delete it)", kustomization.where(), Project.root().relativize(file))
                    .contains(file.normalize()));
        }
    }

    /** A file belongs to the nearest kustomization above it. */
    private static boolean ownedBy(Path file, Path directory) {
        for (Path parent = file.getParent(); parent != null && parent.startsWith(directory); parent = parent.getParent()) {
            if (Files.isRegularFile(parent.resolve("kustomization.yaml"))) {
                return parent.equals(directory);
            }
        }
        return false;
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void everyResourceIsAKubernetesObject(Path directory) {
        Kustomization kustomization = Kustomization.at(directory);
        assertThat(kustomization.ownManifests()).allSatisfy(manifest -> {
            assertThat(manifest.content()).as(manifest.where()).containsKeys("apiVersion", "kind", "metadata");
            assertThat(manifest.name()).as(manifest.where()).matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");
        });
        Set<String> seen = new HashSet<>();
        assertThat(kustomization.manifests()).allSatisfy(manifest -> assertThat(
                seen.add(manifest.kind() + "/" + manifest.name())).as("%s is defined twice", manifest.where()).isTrue());
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void whatAnOverlayChangesExists(Path directory) {
        Kustomization kustomization = Kustomization.at(directory);
        List<Manifest> manifests = kustomization.manifests();
        Set<String> images = new HashSet<>();
        for (Manifest manifest : manifests) {
            Yml.find(manifest.content(), "spec", "template", "spec", "containers").ifPresent(containers -> Yml
                    .list(containers, manifest.where()).forEach(container -> images.add(
                            String.valueOf(Yml.map(container, manifest.where()).get("image")).replaceFirst(":[^:/]+$", ""))));
        }
        for (Object image : Yml.listOrEmpty(kustomization.spec(), "images")) {
            assertThat(images).as("%s sets the tag of an image no container uses", kustomization.where())
                    .contains(Yml.string(image, kustomization.where(), "name"));
        }
        for (Object replicas : Yml.listOrEmpty(kustomization.spec(), "replicas")) {
            String name = Yml.string(replicas, kustomization.where(), "name");
            assertThat(manifests).as("%s scales %s", kustomization.where(), name)
                    .anyMatch(manifest -> manifest.name().equals(name)
                            && List.of("Deployment", "StatefulSet").contains(manifest.kind()));
        }
        for (Object patch : Yml.listOrEmpty(kustomization.spec(), "patches")) {
            Yml.find(patch, "target", "name").ifPresent(name -> assertThat(manifests)
                    .as("%s patches %s", kustomization.where(), name)
                    .anyMatch(manifest -> manifest.name().equals(String.valueOf(name))));
            Yml.find(patch, "target", "kind").ifPresent(kind -> assertThat(manifests)
                    .as("%s patches kind %s", kustomization.where(), kind)
                    .anyMatch(manifest -> manifest.kind().equals(String.valueOf(kind))));
            if (Yml.find(patch, "target").isEmpty()) {
                // a strategic-merge patch names its target itself
                Path file = directory.resolve(Yml.string(patch, kustomization.where(), "path"));
                for (Map<String, Object> document : Project.yamlDocuments(file)) {
                    Manifest target = new Manifest(file, document);
                    assertThat(manifests).as("%s patches %s", kustomization.where(), target.where())
                            .anyMatch(manifest -> manifest.is(target.kind(), target.name()));
                }
            }
        }
        // generators with behavior merge/replace must find what they change
        kustomization.configMaps();
        kustomization.secrets();
    }

    /** The real thing when kubectl is on the path (it is not required: the tests above stand on their own). */
    @ParameterizedTest
    @MethodSource("kustomizations")
    void kubectlKustomizeBuildsIt(Path directory) throws Exception {
        assumeTrue(kubectlAvailable(), "kubectl is not installed");
        Process process = new ProcessBuilder("kubectl", "kustomize", directory.toString())
                .redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("kubectl kustomize %s:%n%s", directory, new String(output)).isZero();
    }

    private static boolean kubectlAvailable() {
        try {
            Process process = new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(20, TimeUnit.SECONDS) && process.exitValue() == 0;
        }
        catch (IOException | InterruptedException ex) {
            return false;
        }
    }
}
