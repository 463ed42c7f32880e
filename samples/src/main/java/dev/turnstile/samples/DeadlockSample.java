package dev.turnstile.samples;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Two deadlocks that never resolve: two threads transfer between two accounts guarded by {@code synchronized}, and
 * two more between two accounts guarded by ReentrantLocks, each pair taking the two locks in opposite order. A
 * barrier makes sure each thread holds its first lock before it asks for the second, so both cycles form on every
 * run. The threads are daemons: the program ends after the given time whatever they do.
 */
public final class DeadlockSample {

    /** Guarded by its own monitor. */
    static final class Account {
        long balance = 100;
    }

    /** Guarded by a ReentrantLock. */
    static final class LockedAccount {
        final ReentrantLock lock = new ReentrantLock();
        long balance = 100;
    }

    private DeadlockSample() {
    }

    public static void main(String[] args) throws Exception {
        SampleOptions options = SampleOptions.parse(args, 3.0, 2);
        Account a = new Account();
        Account b = new Account();
        CyclicBarrier monitorsHeld = new CyclicBarrier(2);
        LockedAccount c = new LockedAccount();
        LockedAccount d = new LockedAccount();
        CyclicBarrier locksHeld = new CyclicBarrier(2);
        List<Thread> threads = new ArrayList<>();
        threads.add(daemon("deadlock-monitor-1", () -> transfer(a, b, monitorsHeld)));
        threads.add(daemon("deadlock-monitor-2", () -> transfer(b, a, monitorsHeld)));
        threads.add(daemon("deadlock-juc-1", () -> transfer(c, d, locksHeld)));
        threads.add(daemon("deadlock-juc-2", () -> transfer(d, c, locksHeld)));
        threads.forEach(Thread::start);
        Thread.sleep(options.nanos() / 1_000_000);
        int stuck = 0;
        for (Thread t : threads) {
            stuck += t.isAlive() && t.getState() != Thread.State.RUNNABLE ? 1 : 0;
        }
        new Truth("deadlock")
                .put("cycles", 2)
                .put("monitorThreads", "deadlock-monitor-1,deadlock-monitor-2")
                .put("monitorLock", Account.class.getName())
                .put("jucThreads", "deadlock-juc-1,deadlock-juc-2")
                .put("jucLock", ReentrantLock.class.getName())
                .put("site", DeadlockSample.class.getName() + ".transfer")
                .put("stuckThreads", stuck)
                .print();
    }

    private static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }

    static void transfer(Account from, Account to, CyclicBarrier bothHoldTheirFirst) {
        synchronized (from) {
            await(bothHoldTheirFirst);
            synchronized (to) {
                from.balance--;
                to.balance++;
            }
        }
    }

    static void transfer(LockedAccount from, LockedAccount to, CyclicBarrier bothHoldTheirFirst) {
        from.lock.lock();
        try {
            await(bothHoldTheirFirst);
            to.lock.lock();
            try {
                from.balance--;
                to.balance++;
            } finally {
                to.lock.unlock();
            }
        } finally {
            from.lock.unlock();
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
