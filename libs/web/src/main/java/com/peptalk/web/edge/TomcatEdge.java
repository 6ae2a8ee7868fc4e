package com.peptalk.web.edge;

import org.apache.catalina.Host;
import org.apache.catalina.core.StandardHost;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;

/**
 * The container's side of the edge (applied after Boot's own Tomcat settings):
 * <ul>
 *   <li>request line and headers are accepted up to {@link WebEdgeProperties#containerHeaderCeiling()}, above the
 *       edge's limits, so that {@link RequestGuardFilter} answers 414/431 with a problem document;</li>
 *   <li>form bodies up to {@link WebEdgeProperties#maxRequestBytes()}, at most
 *       {@link WebEdgeProperties#maxParameters()} parameters;</li>
 *   <li>the characters browsers send raw in a query ({@code " < > [ \ ] ^ ` { | }}) are accepted (RFC 3986 would
 *       have them encoded; Procore launch URLs with template placeholders carry them);</li>
 *   <li>redirects are relative ({@code Location: /admin/…}), so no internal host or port ever reaches a client;</li>
 *   <li>what Tomcat still refuses on its own is answered by {@link ProblemReportValve}.</li>
 * </ul>
 */
class TomcatEdge implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    static final String RELAXED_QUERY_CHARS = "\"<>[\\]^`{|}";

    private final WebEdgeProperties properties;
    private final EdgeHeaders headers;

    TomcatEdge(WebEdgeProperties properties, EdgeHeaders headers) {
        this.properties = properties;
        this.headers = headers;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        int ceiling = Math.toIntExact(properties.containerHeaderCeiling().toBytes());
        factory.addConnectorCustomizers(connector -> {
            connector.setProperty("relaxedQueryChars", RELAXED_QUERY_CHARS);
            connector.setMaxPostSize(Math.toIntExact(properties.maxRequestBytes().toBytes()));
            connector.setMaxParameterCount(properties.maxParameters());
            if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
                http.setMaxHttpRequestHeaderSize(ceiling);
            }
        });
        factory.addContextCustomizers(context -> {
            context.setUseRelativeRedirects(true);
            Host host = (Host) context.getParent();
            host.getPipeline().addValve(new ProblemReportValve(properties, headers));
            if (host instanceof StandardHost standard) {
                // the host adds an ErrorReportValve of this class only if its pipeline has none
                standard.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        });
    }
}
