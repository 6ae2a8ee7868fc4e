package com.peptalk.gateway;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

import java.util.ArrayList;
import java.util.List;

/**
 * Starts the gateway as it runs (a reactive web server, here on a free port; the test profile's settings) with
 * some settings changed, and returns why it refused to start. Every bean is created, as in production, so a
 * check that runs late (route metadata, after all beans) is reached too. Needs no service: the gateway calls
 * none while starting.
 */
final class GatewayStartup {

    static String failureOf(String... properties) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.profiles.active=test"));
        for (String property : properties) {
            args.add("--" + property);
        }
        try (var context = new SpringApplicationBuilder(GatewayServiceApplication.class)
                .web(WebApplicationType.REACTIVE).logStartupInfo(false).run(args.toArray(String[]::new))) {
            throw new AssertionError("the gateway started although it should not have: " + args);
        }
        catch (RuntimeException ex) {
            StringBuilder messages = new StringBuilder();
            for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
                messages.append(cause.getMessage()).append('\n');
            }
            return messages.toString();
        }
    }

    private GatewayStartup() {
    }
}
