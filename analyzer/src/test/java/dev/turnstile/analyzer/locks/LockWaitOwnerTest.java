package dev.turnstile.analyzer.locks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.turnstile.analyzer.Analyzer;
import dev.turnstile.analyzer.model.LockReport;
import dev.turnstile.analyzer.model.ThreadCount;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import jdk.jfr.Event;
import jdk.jfr.Name;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A turnstile.LockWait names the lock's owner as a thread (event schema 1) or by Java thread id (schema 2, since JDK
 * 17's writer made a Thread field cost time inside the lock). Both read, on recordings made in this JVM with events
 * shaped as each schema's agent writes them; the owner is a thread that records nothing itself, so schema 2 can name
 * it by its id only.
 */
class LockWaitOwnerTest {
    @TempDir
    Path dir;

    @Name("turnstile.LockWait")
    static class SchemaOneWait extends Event {
        long lockId;
        Class<?> synchronizerClass;
        Thread owner;
        boolean shared;
        boolean acquired;
    }

    @Name("turnstile.LockWait")
    static class SchemaTwoWait extends Event {
        long lockId;
        Class<?> synchronizerClass;
        long ownerThreadId;
        boolean shared;
        boolean acquired;
    }

    @Test
    void anOwnerRecordedAsAThreadIsNamed() throws Exception {
        Thread holder = idleThread("the-holder");
        Path file = record(() -> {
            SchemaOneWait wait = new SchemaOneWait();
            wait.begin();
            spin();
            wait.lockId = 42;
            wait.synchronizerClass = ReentrantLock.class;
            wait.owner = holder;
            wait.acquired = true;
            wait.commit();
        }, SchemaOneWait.class);
        holder.interrupt();

        assertEquals(List.of("the-holder"), owners(file));
    }

    @Test
    void anOwnerRecordedByAnIdNoThreadOfTheRecordingHasIsNamedByItsId() throws Exception {
        Path file = record(() -> {
            SchemaTwoWait wait = new SchemaTwoWait();
            wait.begin();
            spin();
            wait.lockId = 42;
            wait.synchronizerClass = ReentrantLock.class;
            wait.ownerThreadId = 987_654_321L;
            wait.acquired = true;
            wait.commit();
        }, SchemaTwoWait.class);

        assertEquals(List.of("thread id 987654321"), owners(file));
    }

    private Path record(Runnable commit, Class<? extends Event> type) throws Exception {
        Path file = dir.resolve(type.getSimpleName() + ".jfr");
        try (Recording recording = new Recording()) {
            recording.enable(type).withStackTrace();
            recording.start();
            Thread waiter = new Thread(commit, "the-waiter");
            waiter.start();
            waiter.join();
            recording.stop();
            recording.dump(file);
        }
        return file;
    }

    private static List<String> owners(Path file) throws Exception {
        List<LockReport> locks = new Analyzer().analyze(file).locks();
        assertEquals(1, locks.size(), () -> "locks " + locks);
        return locks.get(0).owners().stream().map(ThreadCount::thread).toList();
    }

    private static Thread idleThread(String name) {
        Thread thread = new Thread(() -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException ended) {
                // the test is over
            }
        }, name);
        thread.start();
        return thread;
    }

    /** A wait long enough to count under any threshold the analyzer applies. */
    private static void spin() {
        long end = System.nanoTime() + 5_000_000;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }
}
