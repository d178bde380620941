package dev.apprentice.cli.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Resident memory of a process as Linux reports it ({@code VmRSS} in {@code /proc/<pid>/status}),
 * because the suite's memory budget is about what the machine really holds, not about heap caps.
 */
public final class ProcessMemory {

    private final Path proc;

    /** Reads {@code /proc}. */
    public ProcessMemory() {
        this(Path.of("/proc"));
    }

    ProcessMemory(Path proc) {
        this.proc = proc;
    }

    /** The resident set of {@code pid} in bytes; empty when the process is gone or the system has no {@code /proc}. */
    public OptionalLong rssBytes(long pid) {
        try {
            return parseVmRss(Files.readString(proc.resolve(Long.toString(pid)).resolve("status")));
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * The {@code VmRSS} line of a {@code /proc/<pid>/status} text in bytes ({@code VmRSS:  123456 kB});
     * empty when there is none (a kernel thread, a zombie).
     *
     * @throws IllegalArgumentException when the line is there but is not a number of kB
     */
    public static OptionalLong parseVmRss(String status) {
        for (String line : status.split("\n")) {
            if (!line.startsWith("VmRSS:")) {
                continue;
            }
            String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
            if (parts.length != 2 || !parts[1].equals("kB")) {
                throw new IllegalArgumentException("VmRSS: expected '<number> kB', found '" + line.trim() + "'");
            }
            try {
                return OptionalLong.of(Long.parseLong(parts[0]) * 1024);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("VmRSS: expected '<number> kB', found '" + line.trim() + "'");
            }
        }
        return OptionalLong.empty();
    }
}
