package com.peptalk.testsupport;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

import java.util.ArrayList;
import java.util.List;

/** Starts an application with given settings and returns why it refused to start. */
public final class StartupFailures {

    /**
     * Runs {@code application} with {@code properties} (as {@code --name=value} arguments) and returns the
     * messages of the failure and its causes, joined; fails when the application starts.
     */
    public static String failureOf(Class<?> application, String... properties) {
        SpringApplication app = new SpringApplicationBuilder(application).web(WebApplicationType.NONE)
                .logStartupInfo(false).build();
        List<String> args = new ArrayList<>();
        // real infrastructure, so that the only thing wrong is the setting under test
        args.add("--spring.datasource.url=" + SharedPostgres.createDatabase("startup_failure"));
        args.add("--spring.datasource.username=" + SharedPostgres.username());
        args.add("--spring.datasource.password=" + SharedPostgres.password());
        args.add("--spring.kafka.bootstrap-servers=" + SharedKafka.bootstrapServers());
        args.add("--spring.profiles.active=test");
        for (String property : properties) {
            args.add("--" + property);
        }
        try (var context = app.run(args.toArray(String[]::new))) {
            throw new AssertionError(application.getSimpleName() + " started although it should not have");
        }
        catch (RuntimeException ex) {
            StringBuilder messages = new StringBuilder();
            for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
                messages.append(cause.getMessage()).append('\n');
            }
            return messages.toString();
        }
    }

    private StartupFailures() {
    }
}
