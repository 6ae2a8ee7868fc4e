package com.peptalk.systemtest;

import com.peptalk.systemtest.ProcessTable.Proc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The platform started the way its README says: {@code ./run up}, in a run directory of its own and on shifted
 * ports ({@code PEPTALK_RUN_DIR}, {@code PEPTALK_PORT_OFFSET}), so it can run next to a developer's stack.
 */
final class LocalStack {

    /** The services and their ports without offset, in the order of the run script. */
    static final Map<String, Integer> SERVICES = servicePorts();

    /** The gateway's actuator has a port of its own (the run script's management_port). */
    static final int GATEWAY_MANAGEMENT_PORT = 9080;

    static final int POSTGRES_PORT = 15432;
    static final int KAFKA_PORT = 19092;
    static final int KAFKA_CONTROLLER_PORT = 19093;

    private final Path repository;
    private final Path runDir;
    private final Path logDir;
    private final int portOffset;
    private final String buildMode;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private volatile boolean up;

    LocalStack(Path repository, Path runDir, Path logDir, int portOffset, String buildMode) {
        this.repository = repository.toAbsolutePath().normalize();
        this.runDir = runDir.toAbsolutePath().normalize();
        this.logDir = logDir.toAbsolutePath().normalize();
        this.portOffset = portOffset;
        this.buildMode = buildMode;
    }

    static LocalStack fromSystemProperties() {
        Path repository = Path.of(System.getProperty("peptalk.repository", ".."));
        Path runDir = Path.of(System.getProperty("peptalk.systemtest.run-dir", "target/stack-run"));
        Path logDir = Path.of(System.getProperty("peptalk.systemtest.log-dir", "target/stack-logs"));
        String offset = System.getProperty("peptalk.systemtest.port-offset", "auto");
        int portOffset = "auto".equals(offset) || offset.isBlank() ? freePortOffset() : Integer.parseInt(offset);
        return new LocalStack(repository, runDir, logDir, portOffset,
                System.getProperty("peptalk.systemtest.build", "never"));
    }

    /** The first offset of 12000, 12100, ... 14400 whose ports are all free: below the ephemeral port range. */
    static int freePortOffset() {
        return IntStream.iterate(12000, offset -> offset <= 14400, offset -> offset + 100)
                .filter(offset -> allPorts(offset).stream().allMatch(LocalStack::isFree))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no free port offset between 12000 and 14400"));
    }

    static List<Integer> allPorts(int offset) {
        List<Integer> ports = new ArrayList<>(SERVICES.values().stream().map(port -> port + offset).toList());
        ports.addAll(List.of(GATEWAY_MANAGEMENT_PORT + offset, POSTGRES_PORT + offset, KAFKA_PORT + offset,
                KAFKA_CONTROLLER_PORT + offset));
        return ports;
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(port));
            return true;
        }
        catch (IOException ex) {
            return false;
        }
    }

    /** Settings for the stack's processes (environment variables of {@code ./run up}). */
    void setEnvironment(String name, String value) {
        environment.put(name, value);
    }

    int portOffset() {
        return portOffset;
    }

    Path runDir() {
        return runDir;
    }

    /** A secret that ./run up generated into the run directory's secrets.env. */
    String secret(String name) {
        try {
            return Files.readAllLines(runDir.resolve("secrets.env")).stream()
                    .filter(line -> line.startsWith(name + "="))
                    .map(line -> line.substring(name.length() + 1).replace("'", "").replace("\"", ""))
                    .findFirst().orElseThrow(() -> new IllegalStateException(name + " not in secrets.env"));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    String url(String service) {
        return "http://localhost:" + (SERVICES.get(service) + portOffset);
    }

    /** Where the service's actuator answers: the gateway's on its management port, the others' on their own. */
    String managementUrl(String service) {
        return "gateway-service".equals(service) ? "http://localhost:" + (GATEWAY_MANAGEMENT_PORT + portOffset)
                : url(service);
    }

    boolean isUp() {
        return up;
    }

    /** A fresh run directory: a leftover of an earlier run is stopped first, then deleted. */
    void clean() {
        if (Files.isDirectory(runDir)) {
            down(Duration.ofMinutes(2));
            deleteRecursively(runDir);
        }
    }

    /** {@code ./run up}; its output goes to the log directory and to standard output. */
    Result up(Duration timeout) {
        up = true;
        return run(timeout, "up");
    }

    Result down(Duration timeout) {
        Result result = run(timeout, "down");
        up = false;
        return result;
    }

    /** {@code ./run seed}: the seed scripts again, against the running stack. */
    Result seed(Duration timeout) {
        return run(timeout, "seed");
    }

    Result status(Duration timeout) {
        return run(timeout, "status");
    }

    record Result(int exitCode, String output, Duration took) {
    }

    private Result run(Duration timeout, String command) {
        Instant started = Instant.now();
        try {
            Files.createDirectories(logDir);
            Path output = logDir.resolve("run-" + command + ".txt");
            ProcessBuilder builder = new ProcessBuilder(repository.resolve("run").toString(), command)
                    .directory(repository.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            Map<String, String> environment = builder.environment();
            environment.putAll(this.environment);
            environment.put("PEPTALK_RUN_DIR", runDir.toString());
            environment.put("PEPTALK_PORT_OFFSET", Integer.toString(portOffset));
            environment.put("PEPTALK_BUILD", buildMode);
            environment.put("PEPTALK_START_TIMEOUT", "420");
            long before = Files.exists(output) ? Files.size(output) : 0;
            Process process = builder.start();
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            String text;
            try (var channel = Files.newByteChannel(output)) {
                channel.position(before);
                text = new String(Channels.newInputStream(channel).readAllBytes());
            }
            System.out.printf("$ PEPTALK_RUN_DIR=%s PEPTALK_PORT_OFFSET=%d ./run %s%n%s%n", runDir, portOffset, command,
                    text);
            return new Result(finished ? process.exitValue() : -1,
                    finished ? text : text + "\n(./run " + command + " did not finish within " + timeout + ")",
                    Duration.between(started, Instant.now()));
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot run ./run " + command, ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running ./run " + command, ex);
        }
    }

    /**
     * Every process of the stack: the ones named by the PID files of the run directory, the PostgreSQL server
     * (it runs detached from its launcher; its PID is in postmaster.pid), and all their descendants.
     */
    Map<String, List<Proc>> processes() {
        ProcessTable table = ProcessTable.snapshot();
        Map<String, List<Proc>> processes = new LinkedHashMap<>();
        Path pids = runDir.resolve("pids");
        if (Files.isDirectory(pids)) {
            try (Stream<Path> files = Files.list(pids)) {
                files.filter(file -> file.getFileName().toString().endsWith(".pid")).sorted().forEach(file -> {
                    String name = file.getFileName().toString().replaceFirst("\\.pid$", "");
                    readPid(file).map(table::tree).filter(tree -> !tree.isEmpty())
                            .ifPresent(tree -> processes.put(name, tree));
                });
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        readPid(runDir.resolve("postgres/data/postmaster.pid")).map(table::tree).filter(tree -> !tree.isEmpty())
                .ifPresent(tree -> processes.put("postgres-server", tree));
        return processes;
    }

    private static Optional<Long> readPid(Path file) {
        try {
            String first = Files.readAllLines(file).stream().findFirst().orElse("").trim();
            return first.matches("\\d+") ? Optional.of(Long.parseLong(first)) : Optional.empty();
        }
        catch (IOException ex) {
            return Optional.empty();
        }
    }

    /** Copies the run directory's logs (and ./run's own output, already there) to the log directory. */
    void copyLogs() {
        Path logs = runDir.resolve("logs");
        if (!Files.isDirectory(logs)) {
            return;
        }
        try (Stream<Path> files = Files.list(logs)) {
            Files.createDirectories(logDir);
            for (Path file : files.toList()) {
                Files.copy(file, logDir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        catch (IOException ex) {
            System.err.println("could not copy the stack's logs: " + ex);
        }
    }

    void writeLog(String name, String text) {
        try {
            Files.createDirectories(logDir);
            Files.writeString(logDir.resolve(name), text);
        }
        catch (IOException ex) {
            System.err.println("could not write " + name + ": " + ex);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot delete " + dir, ex);
        }
    }

    private static Map<String, Integer> servicePorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("gateway-service", 8080);
        ports.put("token-service", 8081);
        ports.put("procore-iframe-service", 8082);
        ports.put("automation-service", 8083);
        ports.put("delivery-service", 8084);
        ports.put("tracking-service", 8085);
        ports.put("heartbeat-service", 8086);
        return Collections.unmodifiableMap(ports);
    }
}
