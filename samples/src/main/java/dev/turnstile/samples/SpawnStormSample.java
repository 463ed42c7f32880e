package dev.turnstile.samples;

import java.io.File;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A spawn storm: two threads each start a trivial child process ({@code /bin/true}, or {@code cmd /c exit 0} on
 * Windows) and wait for it, over and over, as a program does that shells out for every item. The truth is the
 * number of children started and how many exited with 0 (all of them).
 */
public final class SpawnStormSample {
    private SpawnStormSample() {
    }

    public static void main(String[] args) throws InterruptedException {
        SampleOptions options = SampleOptions.parse(args, 3.0, 2);
        String[] command = File.separatorChar == '\\' ? new String[] {"cmd", "/c", "exit", "0"}
                : new String[] {"/bin/true"};
        AtomicLong spawned = new AtomicLong();
        AtomicLong exitedZero = new AtomicLong();
        Workers.runFor("spawner", options.threads(), options.nanos(), worker -> () -> {
            try {
                Process child = new ProcessBuilder(command).start();
                spawned.incrementAndGet();
                if (child.waitFor() == 0) {
                    exitedZero.incrementAndGet();
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot start " + String.join(" ", command), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        new Truth("spawnstorm").put("spawned", spawned.get()).put("exitedZero", exitedZero.get()).print();
    }
}
