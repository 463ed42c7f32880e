package dev.turnstile.programs;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Collectors;

/**
 * Prints what a program can see of its JVM that an agent could change by accident, before the program has done
 * anything itself: the names its first ForkJoinPool, first default thread factory and first unnamed thread get (they
 * number from a JVM-wide sequence, so a pool or thread the agent created early would shift them), the common pool's
 * parallelism, the default uncaught-exception handler, and system properties that name the agent or Byte Buddy.
 */
public final class ObservablesProgram {
    private ObservablesProgram() {
    }

    public static void main(String[] args) throws Exception {
        ForkJoinPool pool = new ForkJoinPool(1);
        String forkJoinWorker = pool.submit(() -> Thread.currentThread().getName()).get();
        pool.shutdown();
        String poolThread = Executors.defaultThreadFactory().newThread(() -> { }).getName();
        String unnamedThread = new Thread(() -> { }).getName();
        List<String> properties = System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.toLowerCase(java.util.Locale.ROOT).contains("turnstile")
                        || name.toLowerCase(java.util.Locale.ROOT).contains("bytebuddy"))
                .sorted().collect(Collectors.toList());
        System.out.println("truth: program=observables firstForkJoinWorker=" + forkJoinWorker
                + " firstPoolThread=" + poolThread + " firstUnnamedThread=" + unnamedThread
                + " commonPoolParallelism=" + ForkJoinPool.getCommonPoolParallelism()
                + " defaultUncaughtHandler=" + Thread.getDefaultUncaughtExceptionHandler()
                + " agentProperties=" + (properties.isEmpty() ? "none" : String.join(",", properties)));
    }
}
