package dev.turnstile.analyzer.model;

import java.util.List;

/**
 * Who a long wait was waiting for, transitively: the waiter waited for a lock held by the first link's thread; if that
 * thread was itself blocked on a lock during the wait, the next link is that lock's holder, and so on, until a thread
 * that was doing something else.
 *
 * @param waiter           the thread that waited
 * @param lockKind         the lock it waited for
 * @param startOffsetNanos when the wait began, from the start of the recording's window
 * @param links            the holders, nearest first
 * @param end              what the last holder was doing: running, sleeping, io, waiting, unknown or cycle
 *                         ({@link WaitLink} says what each means)
 */
public record WaitChain(String waiter, LockKind lockKind, String lockClass, String lockId, long startOffsetNanos,
                        long waitNanos, List<WaitLink> links, String end) {
    public WaitChain {
        links = List.copyOf(links);
    }

    /**
     * One holder in the chain and what it was doing while the thread before it waited.
     *
     * @param state        blocked (on {@code lockClass}, whose holder is the next link), running (no wait of its own
     *                     recorded for most of the time: on a CPU or ready to run), sleeping (Thread.sleep), io
     *                     (blocking socket or file I/O), waiting (for a signal: Object.wait, a Condition, a latch,
     *                     park), unknown (the holder is not known) or cycle (a thread already in the chain: a deadlock
     *                     for that time)
     * @param overlapNanos how long it was in that state while the thread before it waited
     * @param frames       where it was in that state, innermost first (empty for running and unknown)
     */
    public record WaitLink(String thread, String state, LockKind lockKind, String lockClass, String lockId,
                           long overlapNanos, List<String> frames) {
        public WaitLink {
            frames = List.copyOf(frames);
        }
    }
}
