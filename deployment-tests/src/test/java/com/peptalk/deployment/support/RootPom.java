package com.peptalk.deployment.support;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;
import java.util.Optional;

/** What a pom says: properties, artifact id, and the Jib configuration of the root pom. */
public final class RootPom {

    private final Path file;
    private final Document document;

    private RootPom(Path file) {
        this.file = file;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            this.document = factory.newDocumentBuilder().parse(file.toFile());
        }
        catch (Exception ex) {
            throw new AssertionError("cannot parse " + file, ex);
        }
    }

    public static RootPom root() {
        return of(Project.path("pom.xml"));
    }

    public static RootPom of(Path file) {
        return new RootPom(file);
    }

    public Optional<String> property(String name) {
        return child(document.getDocumentElement(), "properties").flatMap(properties -> child(properties, name))
                .map(element -> element.getTextContent().strip());
    }

    public String artifactId() {
        return child(document.getDocumentElement(), "artifactId").map(Node::getTextContent).map(String::strip)
                .orElseThrow(() -> new AssertionError(file + " has no artifactId"));
    }

    public Optional<String> parentArtifactId() {
        return child(document.getDocumentElement(), "parent").flatMap(parent -> child(parent, "artifactId"))
                .map(element -> element.getTextContent().strip());
    }

    /** Whether the module declares a dependency on an artifact itself (exclusions and management do not count). */
    public boolean dependsOn(String artifactId) {
        return child(document.getDocumentElement(), "dependencies").map(dependencies -> {
            for (Node node = dependencies.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element dependency && child(dependency, "artifactId").map(Node::getTextContent)
                        .map(String::strip).filter(artifactId::equals).isPresent()) {
                    return true;
                }
            }
            return false;
        }).orElse(false);
    }

    /** Whether the build (not only pluginManagement) declares a plugin. */
    public boolean buildsWith(String artifactId) {
        return child(document.getDocumentElement(), "build").flatMap(build -> child(build, "plugins"))
                .map(plugins -> {
                    NodeList list = plugins.getElementsByTagName("plugin");
                    for (int i = 0; i < list.getLength(); i++) {
                        if (child((Element) list.item(i), "artifactId").map(Node::getTextContent).map(String::strip)
                                .filter(artifactId::equals).isPresent()) {
                            return true;
                        }
                    }
                    return false;
                }).orElse(false);
    }

    /** A value of the Jib plugin's configuration in pluginManagement, e.g. {@code to/image}, {@code container/user}. */
    public Optional<String> jib(String path) {
        NodeList plugins = document.getElementsByTagName("plugin");
        for (int i = 0; i < plugins.getLength(); i++) {
            Element plugin = (Element) plugins.item(i);
            if (child(plugin, "artifactId").map(Node::getTextContent).filter("jib-maven-plugin"::equals).isPresent()) {
                Optional<Element> current = child(plugin, "configuration");
                for (String step : path.split("/")) {
                    current = current.flatMap(element -> child(element, step));
                }
                if (current.isPresent()) {
                    return current.map(element -> element.getTextContent().strip());
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Element> child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return Optional.of(element);
            }
        }
        return Optional.empty();
    }
}
