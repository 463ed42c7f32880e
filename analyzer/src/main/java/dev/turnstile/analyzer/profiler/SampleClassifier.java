package dev.turnstile.analyzer.profiler;

import dev.turnstile.analyzer.jfr.JfrFrame;
import dev.turnstile.analyzer.jfr.JfrStackTrace;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tells what an off-CPU thread was doing from its sampled stack. async-profiler's stacks start with native
 * frames (the system call, the JVM's blocking code) above the Java frames, so the first frame that names a
 * known way of blocking decides. Results are cached by stack-trace identity, as stacks repeat.
 */
final class SampleClassifier {
    /** A blocking call sits near the top; deeper frames are the program's own. */
    private static final int FRAMES_LOOKED_AT = 40;
    private static final int MAX_CACHED = 50_000;

    private final Map<JfrStackTrace, HolderState> byTrace = new IdentityHashMap<>();

    HolderState offCpu(JfrStackTrace trace) {
        if (trace == null) {
            return HolderState.OFF_CPU;
        }
        HolderState cached = byTrace.get(trace);
        if (cached != null) {
            return cached;
        }
        HolderState state = classify(trace.frames());
        if (byTrace.size() >= MAX_CACHED) {
            byTrace.clear();
        }
        byTrace.put(trace, state);
        return state;
    }

    static HolderState classify(List<JfrFrame> frames) {
        int limit = Math.min(frames.size(), FRAMES_LOOKED_AT);
        for (int i = 0; i < limit; i++) {
            JfrFrame frame = frames.get(i);
            if (frame.method() == null) {
                continue;
            }
            String type = frame.className() == null ? "" : frame.className();
            HolderState state = classify(type, frame.methodName());
            if (state != null) {
                return state;
            }
        }
        return HolderState.OFF_CPU;
    }

    /** @return the state one frame shows, or null when it shows none. Native frames have the library as type. */
    static HolderState classify(String type, String method) {
        if (method.contains("SafepointSynchronize::block") || method.contains("SafepointMechanism::process")) {
            return HolderState.SAFEPOINT;
        }
        if (method.contains("ObjectMonitor::enter") || method.contains("ObjectSynchronizer::enter")
                || method.contains("monitorenter") || method.contains("complete_monitor_locking")) {
            return HolderState.BLOCKED;
        }
        switch (type) {
            case "java.lang.Thread":
                return method.startsWith("sleep") ? HolderState.SLEEPING : null;
            case "java.lang.Object":
                return method.startsWith("wait") ? HolderState.WAITING : null;
            case "jdk.internal.misc.Unsafe":
            case "sun.misc.Unsafe":
                return method.equals("park") ? HolderState.PARKED : null;
            case "java.util.concurrent.locks.LockSupport":
                return method.startsWith("park") ? HolderState.PARKED : null;
            default:
                return isIo(type) ? HolderState.IO : null;
        }
    }

    private static boolean isIo(String type) {
        return type.startsWith("sun.nio.ch.") || type.startsWith("java.net.") || type.startsWith("sun.nio.fs.")
                || type.equals("java.io.FileInputStream") || type.equals("java.io.FileOutputStream")
                || type.equals("java.io.RandomAccessFile") || type.equals("java.io.FileDescriptor")
                || type.startsWith("java.lang.ProcessImpl") || type.startsWith("java.lang.ProcessHandleImpl");
    }
}
