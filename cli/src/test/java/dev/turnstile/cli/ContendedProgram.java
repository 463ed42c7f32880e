package dev.turnstile.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A program for the fault tests of {@code turnstile run}, which decide when it ends: four threads take turns on one
 * monitor, holding it 2 ms at a time, until a line arrives on standard input (or it closes); then it prints how much
 * it did and exits with the code given as its argument. It prints its pid and JFR's repository first, and
 * {@code contending} once the threads have passed through the lock 100 times.
 */
public final class ContendedProgram {
    static final String CRITICAL_SECTION = ContendedProgram.class.getName() + ".pass";
    private static final Object LOCK = new Object();
    private static volatile boolean stop;
    private static long passes;

    private ContendedProgram() {
    }

    public static void main(String[] args) throws InterruptedException, IOException {
        int exitCode = Integer.parseInt(args[0]);
        System.out.println("program: pid=" + ProcessHandle.current().pid() + " repository="
                + System.getProperty("jdk.jfr.repository"));
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Thread worker = new Thread(() -> {
                while (!stop) {
                    pass();
                    spin(100_000);
                }
            }, "contender-" + i);
            workers.add(worker);
            worker.start();
        }
        while (passes() < 100) {
            Thread.sleep(10);
        }
        System.out.println("program: contending");
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        stop = true;
        for (Thread worker : workers) {
            worker.join();
        }
        System.out.println("program: done passes=" + passes());
        System.exit(exitCode);
    }

    private static void pass() {
        synchronized (LOCK) {
            spin(2_000_000);
            passes++;
        }
    }

    private static long passes() {
        synchronized (LOCK) {
            return passes;
        }
    }

    private static void spin(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }
}
