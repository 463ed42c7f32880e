package dev.turnstile.samples;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Lock striping gone lopsided: a store split into 8 stripes, each with its own ReentrantLock, where 60 % of the
 * updates go to one hot key and so to one stripe. Six threads update it; an update holds its stripe for about a
 * millisecond of simulated I/O (a park), so the machine's cores are not what limits it. The hot stripe has a queue
 * most of the time, the others now and then. The truth line counts the updates per stripe.
 */
public final class StripedSample {
    static final int STRIPES = 8;
    static final double HOT_SHARE = 0.6;
    static final long HOLD_NANOS = 1_000_000;
    static final long BETWEEN_NANOS = 200_000;

    /** The striped store: one lock per stripe, all created in one place. */
    static final class Stripes {
        private final ReentrantLock[] locks = new ReentrantLock[STRIPES];
        final AtomicLongArray updates = new AtomicLongArray(STRIPES);

        Stripes() {
            for (int i = 0; i < STRIPES; i++) {
                locks[i] = new ReentrantLock();
            }
        }

        void update(int stripe) {
            ReentrantLock lock = locks[stripe];
            lock.lock();
            try {
                LockSupport.parkNanos(HOLD_NANOS);
                updates.incrementAndGet(stripe);
            } finally {
                lock.unlock();
            }
        }
    }

    private StripedSample() {
    }

    public static void main(String[] args) throws InterruptedException {
        SampleOptions options = SampleOptions.parse(args, 3.0, 6);
        Stripes stripes = new Stripes();
        Workers.runFor("striped-worker", options.threads(), options.nanos(), worker -> {
            SplittableRandom random = new SplittableRandom(worker);
            return () -> {
                int stripe = random.nextDouble() < HOT_SHARE ? 0 : 1 + random.nextInt(STRIPES - 1);
                stripes.update(stripe);
                LockSupport.parkNanos(BETWEEN_NANOS);
            };
        });
        long total = 0;
        StringBuilder perStripe = new StringBuilder();
        for (int i = 0; i < STRIPES; i++) {
            total += stripes.updates.get(i);
            perStripe.append(i == 0 ? "" : ",").append(stripes.updates.get(i));
        }
        new Truth("striped")
                .put("threads", options.threads())
                .put("stripes", STRIPES)
                .put("lock", ReentrantLock.class.getName())
                .put("criticalSection", Stripes.class.getName() + ".update")
                .put("updates", total)
                .put("updatesPerStripe", perStripe)
                .put("hotStripeShare", (double) stripes.updates.get(0) / total)
                .print();
    }
}
