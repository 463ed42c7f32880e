package dev.turnstile.analyzer.profiler;

import dev.turnstile.analyzer.events.EventView;
import dev.turnstile.analyzer.events.ProfilerEvents;
import dev.turnstile.analyzer.jfr.JfrThread;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * async-profiler's wall-clock samples, kept per OS thread as (time, state) pairs so they can be joined to lock
 * waits once the whole recording has been read: the agent appends the profiler's samples after the JDK's events,
 * so they arrive only after every wait is known. Nine bytes a sample; at most {@link #MAX_SAMPLES} are kept (about 36 MB:
 * 20 minutes of 50 threads at the default 20 ms), later ones are counted as dropped.
 */
public final class WallSamples {
    static final int MAX_SAMPLES = 4_000_000;
    private static final int INITIAL = 256;

    private final SampleClassifier classifier = new SampleClassifier();
    private final Map<Long, PerThread> threads = new HashMap<>();
    private long kept;
    private long dropped;
    private long events;

    public void onWallClockSample(EventView event) {
        events++;
        JfrThread thread = event.getThread(ProfilerEvents.WALL_THREAD);
        if (thread == null || thread.osThreadId() <= 0) {
            return;
        }
        String osState = event.getString(ProfilerEvents.WALL_STATE);
        HolderState state = ProfilerEvents.STATE_RUNNABLE.equals(osState)
                ? HolderState.RUNNING : classifier.offCpu(event.stackTrace());
        int samples = Math.max(1, event.getInt(ProfilerEvents.WALL_SAMPLES));
        long span = Math.max(0, event.getLong(ProfilerEvents.WALL_TIME_SPAN));
        long start = event.startNanos();
        for (int i = 0; i < samples; i++) {
            // a batch holds samples taken evenly from its start to start + span
            add(thread.osThreadId(), samples == 1 ? start : start + span * i / (samples - 1), state);
        }
    }

    /** One sample of an OS thread: what the holder was doing at that time. */
    public void add(long osThreadId, long time, HolderState state) {
        if (kept >= MAX_SAMPLES) {
            dropped++;
            return;
        }
        threads.computeIfAbsent(osThreadId, id -> new PerThread()).add(time, state);
        kept++;
    }

    public boolean isEmpty() {
        return kept == 0;
    }

    public long events() {
        return events;
    }

    public long dropped() {
        return dropped;
    }

    /** The samples of one OS thread, in time order; null when it has none. */
    public PerThread of(long osThreadId) {
        PerThread perThread = threads.get(osThreadId);
        if (perThread != null) {
            perThread.sort();
        }
        return perThread;
    }

    /** Growable parallel arrays: times and states of one thread's samples. */
    public static final class PerThread {
        private long[] times = new long[INITIAL];
        private byte[] states = new byte[INITIAL];
        private int size;
        private boolean sorted = true;

        void add(long time, HolderState state) {
            if (size == times.length) {
                times = Arrays.copyOf(times, size * 2);
                states = Arrays.copyOf(states, size * 2);
            }
            sorted &= size == 0 || times[size - 1] <= time;
            times[size] = time;
            states[size] = (byte) state.ordinal();
            size++;
        }

        public int size() {
            return size;
        }

        public long time(int i) {
            return times[i];
        }

        public HolderState state(int i) {
            return HolderState.values()[states[i]];
        }

        /** Events of one thread come roughly in order; a sort by time fixes the rest, keeping states paired. */
        private void sort() {
            if (sorted) {
                return;
            }
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            long[] t = times;
            Arrays.sort(order, (a, b) -> Long.compare(t[a], t[b]));
            long[] newTimes = new long[times.length];
            byte[] newStates = new byte[states.length];
            for (int i = 0; i < size; i++) {
                newTimes[i] = times[order[i]];
                newStates[i] = states[order[i]];
            }
            times = newTimes;
            states = newStates;
            sorted = true;
        }
    }
}
