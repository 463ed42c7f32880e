package dev.turnstile.agent.bridge;

/**
 * Log-linear buckets for durations from 1 us to about 73 minutes: four buckets per power of two, so a bucket's
 * bounds are within 19 % of each other. Counts live in the caller's arrays; this class only maps times to buckets.
 */
final class TimeHistogram {
    /** Bucket 0 holds everything under 2^MIN_EXPONENT ns (about 1 us). */
    private static final int MIN_EXPONENT = 10;
    private static final int MAX_EXPONENT = 42;
    private static final int SUB_BUCKETS = 4;
    static final int BUCKETS = (MAX_EXPONENT - MIN_EXPONENT) * SUB_BUCKETS + 2;

    private TimeHistogram() {
    }

    static int bucketOf(long nanos) {
        if (nanos < 1L << MIN_EXPONENT) {
            return 0;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(nanos);
        if (exponent >= MAX_EXPONENT) {
            return BUCKETS - 1;
        }
        int sub = (int) (nanos >>> (exponent - 2)) & (SUB_BUCKETS - 1);
        return 1 + (exponent - MIN_EXPONENT) * SUB_BUCKETS + sub;
    }

    /** The largest duration that falls in a bucket (the last bucket is open-ended: Long.MAX_VALUE). */
    static long upperBoundOf(int bucket) {
        if (bucket == 0) {
            return (1L << MIN_EXPONENT) - 1;
        }
        if (bucket >= BUCKETS - 1) {
            return Long.MAX_VALUE;
        }
        int exponent = MIN_EXPONENT + (bucket - 1) / SUB_BUCKETS;
        int sub = (bucket - 1) % SUB_BUCKETS;
        return (1L << exponent) + ((long) (sub + 1) << (exponent - 2)) - 1;
    }
}
