package dev.turnstile.samples;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A thundering herd, twice: a producer puts one item into a mailbox every 5 ms and wakes every waiting consumer
 * (notifyAll on a monitor; signalAll on a Condition in the second mailbox). One consumer gets the item; the others
 * find the mailbox empty and wait again at once. Each consumer counts the wake-ups that found nothing, so the
 * truth line has the exact number of wasted wake-ups per mailbox. Consumers work on an item for 0.3 ms outside the
 * lock, far less than the 5 ms between items, so all of them are waiting when the next item comes.
 */
public final class HerdSample {
    static final long PRODUCE_EVERY_MILLIS = 5;
    static final long WORK_NANOS = 300_000;

    /** Items guarded by its own monitor; consumers wait on it. */
    static final class Mailbox {
        private int items;
        private boolean closed;
        final AtomicLong wasted = new AtomicLong();
        final AtomicLong taken = new AtomicLong();
        long notifies;

        synchronized void put() {
            items++;
            notifies++;
            notifyAll();
        }

        synchronized void close() {
            closed = true;
            notifyAll();
        }

        /** @return false once closed */
        synchronized boolean take() throws InterruptedException {
            while (items == 0 && !closed) {
                wait();
                if (items == 0 && !closed) {
                    wasted.incrementAndGet();
                }
            }
            if (items == 0) {
                return false;
            }
            items--;
            taken.incrementAndGet();
            return true;
        }
    }

    /** The same with a ReentrantLock and a Condition. */
    static final class LockedMailbox {
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition nonEmpty = lock.newCondition();
        private int items;
        private boolean closed;
        final AtomicLong wasted = new AtomicLong();
        final AtomicLong taken = new AtomicLong();
        long notifies;

        void put() {
            lock.lock();
            try {
                items++;
                notifies++;
                nonEmpty.signalAll();
            } finally {
                lock.unlock();
            }
        }

        void close() {
            lock.lock();
            try {
                closed = true;
                nonEmpty.signalAll();
            } finally {
                lock.unlock();
            }
        }

        boolean take() throws InterruptedException {
            lock.lock();
            try {
                while (items == 0 && !closed) {
                    nonEmpty.await();
                    if (items == 0 && !closed) {
                        wasted.incrementAndGet();
                    }
                }
                if (items == 0) {
                    return false;
                }
                items--;
                taken.incrementAndGet();
                return true;
            } finally {
                lock.unlock();
            }
        }
    }

    interface Source {
        boolean take() throws InterruptedException;
    }

    private HerdSample() {
    }

    public static void main(String[] args) throws Exception {
        SampleOptions options = SampleOptions.parse(args, 3.0, 6);
        Mailbox mailbox = new Mailbox();
        LockedMailbox lockedMailbox = new LockedMailbox();
        List<Thread> consumers = new ArrayList<>();
        for (int i = 1; i <= options.threads(); i++) {
            consumers.add(consumer("herd-monitor-" + i, mailbox::take));
            consumers.add(consumer("herd-juc-" + i, lockedMailbox::take));
        }
        consumers.forEach(Thread::start);
        Thread.sleep(100); // every consumer is waiting before the first item
        long deadline = System.nanoTime() + options.nanos();
        while (System.nanoTime() < deadline) {
            Thread.sleep(PRODUCE_EVERY_MILLIS);
            mailbox.put();
            lockedMailbox.put();
        }
        mailbox.close();
        lockedMailbox.close();
        for (Thread consumer : consumers) {
            consumer.join();
        }
        new Truth("herd")
                .put("waiters", options.threads())
                .put("monitor", Mailbox.class.getName())
                .put("monitorNotifies", mailbox.notifies)
                .put("monitorTaken", mailbox.taken.get())
                .put("monitorWasted", mailbox.wasted.get())
                .put("lock", ReentrantLock.class.getName())
                .put("lockNotifies", lockedMailbox.notifies)
                .put("lockTaken", lockedMailbox.taken.get())
                .put("lockWasted", lockedMailbox.wasted.get())
                .put("site", HerdSample.class.getName())
                .print();
    }

    private static Thread consumer(String name, Source source) {
        return new Thread(() -> {
            try {
                while (source.take()) {
                    Cpu.burn(WORK_NANOS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
    }
}
