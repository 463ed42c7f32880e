package dev.turnstile.analyzer.chains;

import dev.turnstile.analyzer.chains.BlockingIndex.Blocking;
import dev.turnstile.analyzer.chains.BlockingIndex.State;
import dev.turnstile.analyzer.locks.LockCollector.LongWait;
import dev.turnstile.analyzer.locks.LockKey;
import dev.turnstile.analyzer.model.Frames;
import dev.turnstile.analyzer.model.WaitChain;
import dev.turnstile.analyzer.model.WaitChain.WaitLink;
import dev.turnstile.analyzer.threads.Threads;
import dev.turnstile.analyzer.time.Window;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Follows a long wait to what it was really waiting for: the lock's holder, and if that holder was itself blocked on
 * a lock for most of the time, that lock's holder, and so on. Each step looks only at the time the previous thread
 * waited and the next one was in the way.
 */
public final class WaitChains {
    public static final int CHAINS = 5;
    private static final int MAX_LINKS = 8;
    private static final int FRAMES_SHOWN = 6;

    private WaitChains() {
    }

    /** Waits shorter than what the index keeps cannot be followed: what their holders did was not kept. */
    public static List<WaitChain> follow(List<LongWait> waits, BlockingIndex index, Window window) {
        List<WaitChain> chains = new ArrayList<>();
        for (LongWait wait : waits) {
            if (wait.endNanos() - wait.startNanos() >= index.minNanos()) {
                chains.add(follow(wait, index, window));
            }
        }
        return chains;
    }

    private static WaitChain follow(LongWait wait, BlockingIndex index, Window window) {
        List<WaitLink> links = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        seen.add(wait.waiterId());
        long from = wait.startNanos();
        long to = wait.endNanos();
        long holder = wait.ownerId();
        LockKey lock = wait.lock();
        String end = "unknown";
        while (links.size() < MAX_LINKS) {
            if (holder == Threads.NO_THREAD) {
                end = "unknown";
                break;
            }
            String name = index.name(holder);
            if (!seen.add(holder)) {
                links.add(new WaitLink(name, "cycle", null, null, null, to - from, List.of()));
                end = "cycle";
                break;
            }
            Blocking blocking = index.mostOf(holder, from, to, lock);
            long overlap = blocking == null ? 0
                    : Math.min(blocking.endNanos(), to) - Math.max(blocking.startNanos(), from);
            // Blocked for less than half of the time: it was mostly on a CPU, or ready to run.
            if (blocking == null || overlap * 2 < to - from) {
                links.add(new WaitLink(name, "running", null, null, null, to - from - overlap, List.of()));
                end = "running";
                break;
            }
            List<String> frames = Frames.fromCallSite(blocking.stack().frames()).stream().limit(FRAMES_SHOWN).toList();
            if (blocking.state() == State.BLOCKED) {
                links.add(new WaitLink(name, State.BLOCKED.label, blocking.lock().kind(), blocking.lock().lockClass(),
                        blocking.lock().idText(), overlap, frames));
                from = Math.max(blocking.startNanos(), from);
                to = Math.min(blocking.endNanos(), to);
                holder = blocking.ownerId();
                lock = blocking.lock();
                end = "unknown";
                continue;
            }
            links.add(new WaitLink(name, blocking.state().label, null, null, null, overlap, frames));
            end = blocking.state().label;
            break;
        }
        return new WaitChain(index.name(wait.waiterId()), wait.lock().kind(), wait.lock().lockClass(),
                wait.lock().idText(),
                window.offset(wait.startNanos()), wait.endNanos() - wait.startNanos(), links, end);
    }
}
