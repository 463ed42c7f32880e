package dev.turnstile.samples;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Waiting for a signal, through each construct that does it: a waiter thread waits while a signaller sleeps 50 ms
 * and then signals, a few rounds per construct; then it waits twice on a condition nobody signals until the time
 * runs out. None of this is contention for a lock: a profiler should report it as time spent waiting for a signal.
 * The waiter's method names say which construct it waits on.
 */
public final class SignalsSample {
    static final long DELAY_MILLIS = 50;
    static final long TIMEOUT_MILLIS = 20;

    private SignalsSample() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = SampleOptions.parse(args, 1.0, 3).threads();
        SignalsSample.Waits waits = new Waits();
        for (int round = 0; round < rounds; round++) {
            waits.round();
        }
        new Truth("signals")
                .put("rounds", rounds)
                .put("delayMillis", DELAY_MILLIS)
                .put("waiter", "signals-waiter")
                .print();
    }

    /** The waits of one round, each through its own method so stacks tell them apart. */
    static final class Waits {
        private final Object monitor = new Object();
        private boolean monitorSignalled;
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition ready = lock.newCondition();
        private boolean conditionSignalled;
        /** Which wait the waiter is about to enter; the signaller's 50 ms start only once the waiter is in it. */
        private volatile int stage;

        void round() throws Exception {
            CountDownLatch latch = new CountDownLatch(1);
            CyclicBarrier barrier = new CyclicBarrier(2);
            Phaser phaser = new Phaser(2);
            BlockingQueue<String> queue = new LinkedBlockingQueue<>();
            monitorSignalled = false;
            conditionSignalled = false;

            Thread waiter = new Thread(() -> {
                try {
                    stage = 1;
                    awaitLatch(latch);
                    stage = 2;
                    awaitBarrier(barrier);
                    stage = 3;
                    awaitPhaser(phaser);
                    stage = 4;
                    awaitCondition();
                    stage = 5;
                    waitOnMonitor();
                    stage = 6;
                    takeFromQueue(queue);
                    awaitConditionTimingOut();
                    awaitNanosTimingOut();
                } catch (InterruptedException | BrokenBarrierException e) {
                    throw new IllegalStateException(e);
                }
            }, "signals-waiter");
            stage = 0;
            waiter.start();

            delayOnceWaiting(waiter, 1);
            latch.countDown();
            delayOnceWaiting(waiter, 2);
            barrier.await();
            delayOnceWaiting(waiter, 3);
            phaser.arrive();
            delayOnceWaiting(waiter, 4);
            lock.lock();
            try {
                conditionSignalled = true;
                ready.signal();
            } finally {
                lock.unlock();
            }
            delayOnceWaiting(waiter, 5);
            synchronized (monitor) {
                monitorSignalled = true;
                monitor.notify();
            }
            delayOnceWaiting(waiter, 6);
            queue.put("work");
            waiter.join();
        }

        /**
         * Sleeps the delay once the waiter has entered the given wait, so each wait lasts at least the delay even when
         * the waiter starts late (a loaded machine, or the agent instrumenting this class on first use).
         */
        private void delayOnceWaiting(Thread waiter, int wait) throws InterruptedException {
            while (stage < wait || waiter.getState() != Thread.State.WAITING) {
                Thread.sleep(1);
            }
            Thread.sleep(DELAY_MILLIS);
        }

        void awaitLatch(CountDownLatch latch) throws InterruptedException {
            latch.await();
        }

        void awaitBarrier(CyclicBarrier barrier) throws InterruptedException, BrokenBarrierException {
            barrier.await();
        }

        void awaitPhaser(Phaser phaser) {
            phaser.arriveAndAwaitAdvance();
        }

        void awaitCondition() throws InterruptedException {
            lock.lock();
            try {
                while (!conditionSignalled) {
                    ready.await();
                }
            } finally {
                lock.unlock();
            }
        }

        /** Nobody signals here: the wait ends when its time runs out, which is not a signal either. */
        void awaitConditionTimingOut() throws InterruptedException {
            lock.lock();
            try {
                ready.await(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            } finally {
                lock.unlock();
            }
        }

        void awaitNanosTimingOut() throws InterruptedException {
            lock.lock();
            try {
                ready.awaitNanos(TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MILLIS));
            } finally {
                lock.unlock();
            }
        }

        void waitOnMonitor() throws InterruptedException {
            synchronized (monitor) {
                while (!monitorSignalled) {
                    monitor.wait();
                }
            }
        }

        void takeFromQueue(BlockingQueue<String> queue) throws InterruptedException {
            queue.take();
        }
    }
}
