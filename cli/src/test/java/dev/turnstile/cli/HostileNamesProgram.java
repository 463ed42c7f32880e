package dev.turnstile.cli;

import java.io.IOException;

/**
 * A program whose names carry markup, as any program's can: two threads named like HTML take turns on a lock, and a
 * child process is spawned with markup in its command line. Its report must show all of it as text.
 */
public final class HostileNamesProgram {
    static final String SCRIPT_THREAD = "<script>alert(1)</script>";
    static final String IMG_ARGUMENT = "\"><img src=x onerror=alert(1)>";

    private HostileNamesProgram() {
    }

    public static void main(String[] args) throws InterruptedException, IOException {
        Object lock = new Object();
        long end = System.nanoTime() + 1_500_000_000L;
        Runnable work = () -> {
            while (System.nanoTime() < end) {
                synchronized (lock) {
                    long until = System.nanoTime() + 2_000_000L;
                    while (System.nanoTime() < until) {
                        Thread.onSpinWait();
                    }
                }
            }
        };
        Thread script = new Thread(work, SCRIPT_THREAD);
        Thread img = new Thread(work, "worker" + IMG_ARGUMENT);
        script.start();
        img.start();
        Process child = new ProcessBuilder("/bin/echo", IMG_ARGUMENT)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        child.waitFor();
        script.join();
        img.join();
    }
}
