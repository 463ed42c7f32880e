package dev.turnstile.bench;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Many virtual threads, for {@code BenchMain scale} (JDK 21+): starts N virtual threads, each of which sleeps 1 ms
 * (it unmounts from its carrier and is scheduled again) and then counts itself under one of four
 * {@link ReentrantLock}s, and waits until all have ended. Prints {@code threads=N counted=C nanos=T}: T from the first
 * start to the last end, C the threads that counted themselves.
 *
 * <p>A round of N/10 threads runs first and is not timed, and a thread waits on each round's latch from before the
 * round's first start. Why: the JIT compiles {@code Continuation.enter} with a virtual thread's whole body inlined,
 * and when one of its guesses fails (the latch's first waiter, the first contended lock), every virtual thread parked
 * in that code deoptimizes on its own when it resumes. Without the warm round that happened in some runs and not in
 * others, with the agent and without it (0 to 89,000 deoptimizations in a run of a million; 2.4 to 12 s without the
 * agent): the timing measured the JIT's luck, not the program. The warm round's threads are counted in
 * {@link #started}.
 *
 * <pre>ManyVirtualThreads N</pre>
 */
public final class ManyVirtualThreads {
    private static final int LOCKS = 4;
    private static final ReentrantLock[] GUARDS = new ReentrantLock[LOCKS];
    private static final long[] COUNTS = new long[LOCKS];

    static {
        for (int i = 0; i < LOCKS; i++) {
            GUARDS[i] = new ReentrantLock();
        }
    }

    private ManyVirtualThreads() {
    }

    public static void main(String[] args) throws Throwable {
        if (Runtime.version().feature() < 21) {
            System.err.println("ManyVirtualThreads needs JDK 21 or newer");
            System.exit(2);
        }
        int count = Integer.parseInt(args[0]);
        ThreadFactory virtual = virtualThreadFactory();
        round(virtual, warmUp(count));
        long nanos = round(virtual, count);
        long counted = 0;
        for (int i = 0; i < LOCKS; i++) {
            GUARDS[i].lock();
            try {
                counted += COUNTS[i];
            } finally {
                GUARDS[i].unlock();
            }
        }
        System.out.println("threads=" + count + " counted=" + (counted - warmUp(count)) + " nanos=" + nanos);
    }

    /** The untimed round's threads. */
    static int warmUp(int count) {
        return count / 10;
    }

    /** Every virtual thread the program starts for {@code count}: the timed round's and the warm round's. */
    static int started(int count) {
        return count + warmUp(count);
    }

    /** Starts {@code count} threads and returns the nanoseconds until the last one ended. */
    private static long round(ThreadFactory virtual, int count) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(count);
        Thread waiter = new Thread(() -> {
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "round-waiter");
        waiter.start();
        while (waiter.getState() != Thread.State.WAITING) { // queued on the latch
            Thread.onSpinWait();
        }
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            int lock = i % LOCKS;
            virtual.newThread(() -> {
                try {
                    Thread.sleep(1);
                    GUARDS[lock].lock();
                    try {
                        COUNTS[lock]++;
                    } finally {
                        GUARDS[lock].unlock();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt(); // not counted: the count says so
                } finally {
                    done.countDown();
                }
            }).start();
        }
        done.await();
        long nanos = System.nanoTime() - start;
        waiter.join();
        return nanos;
    }

    /** {@code Thread.ofVirtual().factory()}, looked up because this code is compiled for Java 17. */
    private static ThreadFactory virtualThreadFactory() throws Throwable {
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        Class<?> builder = Class.forName("java.lang.Thread$Builder");
        Class<?> ofVirtual = Class.forName("java.lang.Thread$Builder$OfVirtual");
        Object virtualBuilder = lookup.findStatic(Thread.class, "ofVirtual", MethodType.methodType(ofVirtual)).invoke();
        return (ThreadFactory) lookup.findVirtual(builder, "factory", MethodType.methodType(ThreadFactory.class))
                .invoke(virtualBuilder);
    }
}
