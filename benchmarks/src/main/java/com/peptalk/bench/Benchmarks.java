package com.peptalk.bench;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Entry point: {@code java -jar benchmarks/target/benchmarks-*.jar <name> [seconds]}. Run from the repository
 * root after {@code ./mvnw package -DskipTests} (or use {@code ./run bench <name>}).
 */
public final class Benchmarks {

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: Benchmarks introspection|dashboard|edge|webhooks|fanout|delivery|heartbeats [seconds-per-scenario]");
            System.exit(2);
        }
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        Path repository = Path.of(System.getProperty("peptalk.repository", ".")).toAbsolutePath().normalize();
        try {
            switch (args[0]) {
                case "introspection" -> new IntrospectionBenchmark(repository, seconds).run();
                case "dashboard" -> new DashboardBenchmark(repository, seconds).run();
                case "edge" -> new EdgeBenchmark(repository, seconds).run();
                case "webhooks" -> new WebhooksBenchmark(repository, seconds).run();
                case "fanout" -> new FanoutBenchmark(repository).run();
                case "delivery" -> new DeliveryBenchmark(repository, seconds).run();
                case "heartbeats" -> new HeartbeatBenchmark(repository, seconds).run();
                default -> {
                    System.err.println("unknown benchmark " + args[0] + "; known: introspection, dashboard, edge, webhooks, fanout, delivery, heartbeats; args were "
                            + Arrays.toString(args));
                    System.exit(2);
                }
            }
        }
        catch (Exception ex) {
            // the embedded broker's threads would keep the JVM alive: stop here, loudly
            ex.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private Benchmarks() {
    }
}
