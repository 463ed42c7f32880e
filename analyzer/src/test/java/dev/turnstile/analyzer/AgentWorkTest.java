package dev.turnstile.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.turnstile.agent.standin.AgentLikeCaller;
import dev.turnstile.analyzer.model.LockReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Waits the agent itself causes (its frames below the JDK's, as when it registers events at start-up) are not the
 * program's contention; the same wait from the program is. Checked on a real recording made in this JVM.
 */
class AgentWorkTest {
    @TempDir
    Path dir;

    @Test
    void waitsCausedByTheAgentAreLeftOutAndTheProgramsKept() throws Exception {
        List<Object> byAgent = Collections.synchronizedList(new java.util.ArrayList<>());
        List<Object> byProgram = Collections.synchronizedList(new java.util.LinkedList<>());
        Path file = dir.resolve("agent-work.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.JavaMonitorEnter").withThreshold(Duration.ZERO).withStackTrace();
            recording.start();
            blockedAdd(byAgent, list -> AgentLikeCaller.call(l -> ((List<Object>) l).add("x"), list));
            blockedAdd(byProgram, list -> list.add("x"));
            recording.stop();
            recording.dump(file);
        }

        List<LockReport> locks = new Analyzer().analyze(file).locks().stream()
                .filter(l -> l.lockClass().equals("java.util.Collections$SynchronizedRandomAccessList")
                        || l.lockClass().equals("java.util.Collections$SynchronizedList"))
                .toList();
        assertEquals(List.of("java.util.Collections$SynchronizedList"), locks.stream().map(LockReport::lockClass).toList(),
                "only the program's wait (on the LinkedList's wrapper) is reported");
    }

    /** One thread holds the list's monitor until it sees another blocked adding to it: a wait, whatever the load. */
    private static void blockedAdd(List<Object> list, java.util.function.Consumer<List<Object>> add) throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        Thread[] adder = new Thread[1];
        adder[0] = new Thread(() -> add.accept(list));
        Thread holder = new Thread(() -> {
            synchronized (list) {
                held.countDown();
                while (adder[0].getState() != Thread.State.BLOCKED) {
                    Thread.onSpinWait();
                }
                sleep(20);
            }
        });
        holder.start();
        held.await();
        adder[0].start();
        adder[0].join();
        holder.join();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
