package com.peptalk.systemtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What Linux tells about processes in {@code /proc}: parents, start times, states and resident memory. A process is
 * identified by its PID and its start time, so a PID the kernel hands out again is never mistaken for ours.
 */
final class ProcessTable {

    /** One process: its PID and its start time (clock ticks after boot, field 22 of /proc/[pid]/stat). */
    record Proc(long pid, long startTime) {
    }

    private record Stat(long pid, long ppid, char state, long startTime) {
    }

    private final Map<Long, Stat> stats = new HashMap<>();

    private ProcessTable() {
    }

    static ProcessTable snapshot() {
        ProcessTable table = new ProcessTable();
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            entries.filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit))
                    .forEach(path -> readStat(Long.parseLong(path.getFileName().toString()))
                            .ifPresent(stat -> table.stats.put(stat.pid(), stat)));
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot list /proc", ex);
        }
        return table;
    }

    /** The process and all its descendants (children, their children, ...) that live in this snapshot. */
    List<Proc> tree(long root) {
        Stat rootStat = stats.get(root);
        if (rootStat == null) {
            return List.of();
        }
        Map<Long, List<Stat>> children = new HashMap<>();
        stats.values().forEach(stat -> children.computeIfAbsent(stat.ppid(), key -> new ArrayList<>()).add(stat));
        Set<Long> seen = new LinkedHashSet<>();
        List<Proc> result = new ArrayList<>();
        Deque<Stat> todo = new ArrayDeque<>(List.of(rootStat));
        while (!todo.isEmpty()) {
            Stat stat = todo.pop();
            if (seen.add(stat.pid())) {
                result.add(new Proc(stat.pid(), stat.startTime()));
                todo.addAll(children.getOrDefault(stat.pid(), List.of()));
            }
        }
        return result;
    }

    /** VmRSS in kB; 0 when the process is gone (or a zombie, which has no memory). */
    static long rssKb(Proc proc) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(proc.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.substring("VmRSS:".length()).replace("kB", "").trim());
                }
            }
            return 0;
        }
        catch (NoSuchFileException ex) {
            return 0;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Gone: no such PID, a zombie (it has exited, its parent has not reaped it yet), or another process. */
    static boolean isGone(Proc proc) {
        Optional<Stat> stat = readStat(proc.pid());
        return stat.isEmpty() || stat.get().state() == 'Z' || stat.get().state() == 'X'
                || stat.get().startTime() != proc.startTime();
    }

    static String describe(Proc proc) {
        try {
            String cmdline = Files.readString(Path.of("/proc", Long.toString(proc.pid()), "cmdline")).replace('\0', ' ');
            return proc.pid() + " " + (cmdline.length() > 160 ? cmdline.substring(0, 160) + "..." : cmdline);
        }
        catch (IOException ex) {
            return proc.pid() + " (gone)";
        }
    }

    private static Optional<Stat> readStat(long pid) {
        String line;
        try {
            line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        }
        catch (IOException ex) {
            return Optional.empty();
        }
        // "pid (comm) state ppid ...": comm may contain spaces and parentheses, so split after its last ')'
        int end = line.lastIndexOf(')');
        if (end < 0) {
            return Optional.empty();
        }
        String[] fields = line.substring(end + 2).trim().split(" ");
        // fields[0] is field 3 (state), fields[1] field 4 (ppid), fields[19] field 22 (starttime)
        if (fields.length < 20) {
            return Optional.empty();
        }
        return Optional.of(new Stat(pid, Long.parseLong(fields[1]), fields[0].charAt(0), Long.parseLong(fields[19])));
    }
}
