package dev.turnstile.agent.core.profiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a session removes of the folders earlier sessions left in the temporary directory. */
class SessionFolderTest {
    private static final long NOW = System.currentTimeMillis();
    private static final long TWO_DAYS_AGO = NOW - TimeUnit.DAYS.toMillis(2);

    @TempDir
    Path temp;

    @Test
    void removesOnlyOldFoldersOfJvmsThatAreGone() throws Exception {
        long gone = pidOfAFinishedProcess();
        long alive = ProcessHandle.current().pid();
        Path killed = folder("turnstile-profiler-" + gone + "-1", TWO_DAYS_AGO);
        Path recent = folder("turnstile-profiler-" + gone + "-2", NOW);
        Path running = folder("turnstile-profiler-" + alive + "-3", TWO_DAYS_AGO);
        Path olderVersion = folder("turnstile-profiler-81237651", TWO_DAYS_AGO);
        Path someoneElses = folder("other-" + gone + "-4", TWO_DAYS_AGO);

        SessionFolder.removeAbandoned(temp, NOW);

        assertFalse(Files.exists(killed), "a day-old folder of a JVM that is gone");
        assertTrue(Files.exists(recent), "a recent one: its JVM may be out of sight, in another PID namespace");
        assertTrue(Files.exists(running), "one of a running JVM");
        assertTrue(Files.exists(olderVersion), "one not named with a pid");
        assertTrue(Files.exists(someoneElses), "one not the profiler's");
    }

    @Test
    void aRecentFileKeepsAnOldFolder() throws Exception {
        Path folder = folder("turnstile-profiler-" + pidOfAFinishedProcess() + "-5", TWO_DAYS_AGO);
        Files.setLastModifiedTime(Files.writeString(folder.resolve("samples.jfr"), "x"), FileTime.fromMillis(NOW));
        SessionFolder.removeAbandoned(temp, NOW);
        assertTrue(Files.exists(folder.resolve("samples.jfr")), "samples written lately: someone still writes there");
    }

    @Test
    void aNewFolderIsNamedAfterThisJvm() throws Exception {
        String old = System.getProperty("java.io.tmpdir");
        System.setProperty("java.io.tmpdir", temp.toString());
        try {
            Path created = SessionFolder.create();
            assertEquals(ProcessHandle.current().pid(), SessionFolder.pidOf(created.getFileName().toString()));
            assertEquals(ProcessHandle.current().pid(), SessionFolder.currentPid());
            assertEquals(temp, created.getParent());
        } finally {
            System.setProperty("java.io.tmpdir", old);
        }
    }

    private Path folder(String name, long modified) throws Exception {
        Path folder = Files.createDirectory(temp.resolve(name));
        Path file = Files.writeString(folder.resolve("libasyncProfiler.so"), "not really");
        Files.setLastModifiedTime(file, FileTime.fromMillis(modified));
        Files.setLastModifiedTime(folder, FileTime.fromMillis(modified));
        return folder;
    }

    private static long pidOfAFinishedProcess() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        return process.pid();
    }
}
