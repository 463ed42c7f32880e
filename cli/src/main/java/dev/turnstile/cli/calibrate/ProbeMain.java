package dev.turnstile.cli.calibrate;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * What a calibrate child JVM runs: times the operations named on its command line and reports on stdout, one line
 * each, for {@link ChildJvm} to read:
 *
 * <pre>
 * begin OPERATION
 * result OPERATION BATCH NANOS_EACH...   one figure per repetition
 * note OPERATION TEXT
 * error OPERATION TEXT
 * </pre>
 *
 * Each operation is warmed up in turn; then their repetitions are interleaved (one batch of each, round after
 * round), so a burst of load from other programs slows all of them alike instead of skewing the one that ran at
 * that moment. It uses the JDK only, so it runs from the CLI jar on any JDK 17+ (virtual threads through
 * reflection, on 21+).
 */
public final class ProbeMain {
    static final String HANDOFF = "handoff";
    static final String VIRTUAL_HANDOFF = "handoff-virtual";
    static final String THREAD_START = "thread-start";
    static final String POOL = "pool";
    static final String SPAWN = "spawn";
    static final String LOCK_UNCONTENDED = "lock-uncontended";
    static final String LOCK_CONTENDED = "lock-contended";

    /** An operation being measured and what it has given so far. */
    private static final class Timed {
        final String name;
        final Operation operation;
        final int batch;
        final List<Double> nanosEach = new ArrayList<>();

        Timed(String name, Operation operation, int batch) {
            this.name = name;
            this.operation = operation;
            this.batch = batch;
        }
    }

    private ProbeMain() {
    }

    /**
     * Arguments: {@code BATCH_MS WARMUP_MS REPETITIONS BUDGET_MS [--pin-threads TASKSET CPU,CPU] OPERATION...}.
     */
    public static void main(String[] args) {
        Repetitions.Plan plan = new Repetitions.Plan(Long.parseLong(args[0]) * 1_000_000L,
                Long.parseLong(args[1]) * 1_000_000L, Integer.parseInt(args[2]), Long.parseLong(args[3]) * 1_000_000L);
        int next = 4;
        ThreadAffinity affinity = null;
        if (args.length > next + 2 && args[next].equals("--pin-threads")) {
            String[] cpus = args[next + 2].split(",");
            affinity = new ThreadAffinity(args[next + 1], new int[] {Integer.parseInt(cpus[0]), Integer.parseInt(cpus[1])});
            next += 3;
        }
        List<String> names = List.of(args).subList(next, args.length);
        long deadline = System.nanoTime() + plan.budgetNanos() * names.size();

        List<Timed> running = new ArrayList<>();
        for (String name : names) {
            System.out.println("begin " + name);
            Operation operation = null;
            try {
                operation = create(name, affinity);
                running.add(new Timed(name, operation, Repetitions.warmUpAndSize(operation, plan)));
            } catch (Exception | Error e) {
                fail(name, operation, e);
            }
        }
        for (int round = 0; round < plan.repetitions() && !running.isEmpty()
                && (round < Repetitions.MIN_REPETITIONS || System.nanoTime() < deadline); round++) {
            for (Iterator<Timed> it = running.iterator(); it.hasNext(); ) {
                Timed timed = it.next();
                try {
                    timed.nanosEach.add(timed.operation.nanosEach(timed.batch));
                } catch (Exception | Error e) {
                    it.remove();
                    fail(timed.name, timed.operation, e);
                }
            }
        }
        for (Timed timed : running) {
            report(timed);
        }
        // Pools and handoff threads are daemons, but a stuck one must not keep the child alive.
        System.exit(0);
    }

    private static void report(Timed timed) {
        StringBuilder line = new StringBuilder("result ").append(timed.name).append(' ').append(timed.batch);
        for (double nanos : timed.nanosEach) {
            line.append(' ').append(String.format(Locale.ROOT, "%.3f", nanos));
        }
        System.out.println(line);
        if (timed.operation.note() != null) {
            System.out.println("note " + timed.name + " " + timed.operation.note());
        }
        timed.operation.close();
    }

    private static void fail(String name, Operation operation, Throwable e) {
        Throwable cause = e instanceof InvocationTargetException && e.getCause() != null ? e.getCause() : e;
        System.out.println("error " + name + " " + String.valueOf(cause).replaceAll("\\s+", " "));
        if (operation != null) {
            operation.close();
        }
    }

    private static Operation create(String name, ThreadAffinity affinity) throws Exception {
        switch (name) {
            case HANDOFF:
                return new Handoff(ProbeMain::startPlatformThread, affinity);
            case VIRTUAL_HANDOFF:
                return new Handoff(virtualThreadStarter(), null);
            case THREAD_START:
                return new ThreadStartJoin();
            case POOL:
                return new PoolSubmitRun();
            case SPAWN:
                return new ProcessSpawnWait();
            case LOCK_UNCONTENDED:
                return new UncontendedLock();
            case LOCK_CONTENDED:
                return new ContendedLock();
            default:
                throw new IllegalArgumentException("no operation named " + name);
        }
    }

    private static Thread startPlatformThread(Runnable code) {
        Thread thread = new Thread(code, "calibrate-handoff");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** The CLI is compiled for Java 17, which has no virtual threads: reach Thread.startVirtualThread (21+) by name. */
    private static Function<Runnable, Thread> virtualThreadStarter() throws NoSuchMethodException {
        Method start = Thread.class.getMethod("startVirtualThread", Runnable.class);
        return code -> {
            try {
                return (Thread) start.invoke(null, code);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot start a virtual thread", e);
            }
        };
    }
}
