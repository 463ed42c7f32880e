package dev.turnstile.agent.bridge;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads one thread's scheduler counters from its /proc task folder: {@code schedstat} (on-CPU time, run-queue wait,
 * timeslices) and {@code status} (kernel name, id, voluntary and involuntary context switches). Parses bytes in place
 * in a buffer it keeps, with no regular expressions and no per-line strings: the sampler reads two files per thread
 * per period, for thousands of threads. One instance per reading thread.
 */
final class TaskCounters {
    private static final byte[] NAME = ascii("Name:");
    private static final byte[] PID = ascii("Pid:");
    private static final byte[] VOLUNTARY = ascii("voluntary_ctxt_switches:");
    private static final byte[] INVOLUNTARY = ascii("nonvoluntary_ctxt_switches:");
    /** status grows with the machine (CPU and memory-node masks); the buffer grows with it, up to this. */
    private static final int MAX_BUFFER = 256 * 1024;

    private byte[] buffer;
    private int length;
    /** Set instead of read: counters another thread read ({@link #assign}). */
    private String assignedName;
    private int nameStart;
    private int nameEnd;
    /** Where {@link #number} reads next. */
    private int position;

    long tid;
    long onCpuNanos;
    long runQueueNanos;
    long timeslices;
    long voluntarySwitches;
    long involuntarySwitches;

    TaskCounters(int initialBuffer) {
        buffer = new byte[initialBuffer];
    }

    /**
     * @param taskFolder a task's folder with its trailing slash: {@code /proc/self/task/123/} or {@code /proc/thread-self/}
     * @return false when the thread is gone or a file does not read as expected; the fields are then meaningless
     */
    boolean read(String taskFolder) {
        return readSchedstat(taskFolder) && readStatus(taskFolder);
    }

    /** On-CPU, run-queue wait and timeslices only: a thread that has not run since they were last read has not switched. */
    boolean readSchedstat(String taskFolder) {
        return readFile(taskFolder + "schedstat") && parseSchedstat();
    }

    /** The thread's id, name and context switches. */
    boolean readStatus(String taskFolder) {
        return readFile(taskFolder + "status") && parseStatus();
    }

    /** The kernel's name of the thread, from the status just read. */
    String name() {
        return assignedName != null ? assignedName
                : new String(buffer, nameStart, nameEnd - nameStart, StandardCharsets.UTF_8);
    }

    /** Holds counters read elsewhere; {@link #read} is not to be called on such an instance. */
    void assign(long tid, String name, long onCpuNanos, long runQueueNanos, long timeslices, long voluntarySwitches,
                long involuntarySwitches) {
        this.tid = tid;
        this.assignedName = name == null ? "" : name;
        this.onCpuNanos = onCpuNanos;
        this.runQueueNanos = runQueueNanos;
        this.timeslices = timeslices;
        this.voluntarySwitches = voluntarySwitches;
        this.involuntarySwitches = involuntarySwitches;
    }

    private boolean readFile(String path) {
        length = 0;
        try (FileInputStream in = new FileInputStream(path)) {
            while (true) {
                if (length == buffer.length) {
                    if (buffer.length >= MAX_BUFFER) {
                        return false;
                    }
                    byte[] larger = new byte[Math.max(4096, buffer.length * 2)];
                    System.arraycopy(buffer, 0, larger, 0, length);
                    buffer = larger;
                }
                int n = in.read(buffer, length, buffer.length - length);
                if (n < 0) {
                    return length > 0;
                }
                length += n;
            }
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    /** {@code "<on-CPU ns> <run-queue ns> <timeslices>\n"}. */
    private boolean parseSchedstat() {
        position = 0;
        onCpuNanos = number();
        runQueueNanos = number();
        timeslices = number();
        return onCpuNanos >= 0 && runQueueNanos >= 0 && timeslices >= 0;
    }

    /** Lines {@code "Key:\tvalue\n"}; the ones needed are found by their key at the start of a line. */
    private boolean parseStatus() {
        tid = -1;
        voluntarySwitches = -1;
        involuntarySwitches = -1;
        nameStart = -1;
        int line = 0;
        while (line < length) {
            int end = line;
            while (end < length && buffer[end] != '\n') {
                end++;
            }
            if (startsWith(line, NAME)) {
                nameStart = skipBlanks(line + NAME.length, end);
                nameEnd = end;
            } else if (startsWith(line, PID)) {
                position = line + PID.length;
                tid = number();
            } else if (startsWith(line, VOLUNTARY)) {
                position = line + VOLUNTARY.length;
                voluntarySwitches = number();
            } else if (startsWith(line, INVOLUNTARY)) {
                position = line + INVOLUNTARY.length;
                involuntarySwitches = number();
            }
            line = end + 1;
        }
        return nameStart >= 0 && tid > 0 && voluntarySwitches >= 0 && involuntarySwitches >= 0;
    }

    private boolean startsWith(int offset, byte[] key) {
        if (offset + key.length > length) {
            return false;
        }
        for (int i = 0; i < key.length; i++) {
            if (buffer[offset + i] != key[i]) {
                return false;
            }
        }
        return true;
    }

    private int skipBlanks(int from, int end) {
        int i = from;
        while (i < end && (buffer[i] == ' ' || buffer[i] == '\t')) {
            i++;
        }
        return i;
    }

    /** The decimal number after blanks at {@link #position}, which moves past it; -1 if there is none. */
    private long number() {
        int i = skipBlanks(position, length);
        long value = 0;
        int digits = 0;
        while (i < length && buffer[i] >= '0' && buffer[i] <= '9' && digits < 19) {
            value = value * 10 + (buffer[i] - '0');
            i++;
            digits++;
        }
        position = i;
        return digits == 0 ? -1 : value;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
