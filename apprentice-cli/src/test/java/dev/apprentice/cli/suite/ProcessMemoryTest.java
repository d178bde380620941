package dev.apprentice.cli.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessMemoryTest {

    @TempDir
    Path proc;

    @Test
    void readsVmRssInKibibytesAsBytes() {
        String status = "Name:\tjava\nVmPeak:\t 9000000 kB\nVmHWM:\t  400000 kB\nVmRSS:\t  312456 kB\nRssAnon:\t 200000 kB\n";

        assertEquals(OptionalLong.of(312456L * 1024), ProcessMemory.parseVmRss(status));
    }

    @Test
    void aProcessWithoutVmRssHasNoReading() {
        assertEquals(OptionalLong.empty(), ProcessMemory.parseVmRss("Name:\tkthreadd\nState:\tS (sleeping)\n"));
    }

    @Test
    void rejectsAVmRssLineThatIsNotKibibytes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProcessMemory.parseVmRss("VmRSS:\t 12 MB\n"));

        assertTrue(e.getMessage().contains("expected '<number> kB', found 'VmRSS:\t 12 MB'"), e.getMessage());
    }

    @Test
    void readsTheStatusFileOfThePidAndNothingForAGoneProcess() throws Exception {
        Files.createDirectories(proc.resolve("4242"));
        Files.writeString(proc.resolve("4242/status"), "Name:\tjava\nVmRSS:\t 2048 kB\n");
        ProcessMemory memory = new ProcessMemory(proc);

        assertEquals(OptionalLong.of(2048L * 1024), memory.rssBytes(4242));
        assertEquals(OptionalLong.empty(), memory.rssBytes(4243));
    }

    @Test
    void readsThisJvmsOwnResidentMemoryOnLinux() {
        OptionalLong own = new ProcessMemory().rssBytes(ProcessHandle.current().pid());

        assertTrue(own.isPresent() && own.getAsLong() > 10L << 20, "a JVM holds more than 10 MiB: " + own);
    }
}
