package dev.turnstile.analyzer.jfr;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Not a test (tests never check speed): run by hand to compare JfrReader with the JDK's RecordingFile on
 * one file, both reading jdk.ThreadPark events with their thread, stack trace and parked class.
 * <pre>
 * mvn -B -o -q test-compile -pl analyzer -am
 * nice -n 10 java -cp analyzer/target/classes:analyzer/target/test-classes \
 *     dev.turnstile.analyzer.jfr.JfrReaderSpeed /tmp/speed/storm.jfr 3 [ours|jdk]
 * </pre>
 */
public final class JfrReaderSpeed {
    private static final String PARK = "jdk.ThreadPark";

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        long[] ours = new long[rounds];
        long[] jdk = new long[rounds];
        // A third argument "ours" or "jdk" runs only that side: one round per JVM measures a cold start, as
        // the CLI runs it.
        String only = args.length > 2 ? args[2] : "";
        for (int round = 0; round < rounds; round++) {
            // Alternate so drift in the machine's load hits both alike.
            if (!only.equals("jdk")) {
                ours[round] = time("JfrReader", () -> withJfrReader(file));
            }
            if (!only.equals("ours")) {
                jdk[round] = time("RecordingFile", () -> withRecordingFile(file));
            }
        }
        System.out.printf("median of %d: JfrReader %d ms, RecordingFile %d ms%n", rounds, median(ours), median(jdk));
    }

    private interface Pass {
        String run() throws IOException;
    }

    private static long time(String name, Pass pass) throws IOException {
        long start = System.nanoTime();
        String result = pass.run();
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("%-14s %6d ms  %s%n", name, millis, result);
        return millis;
    }

    private static String withJfrReader(Path file) throws IOException {
        long events = 0;
        long threadIds = 0;
        long frames = 0;
        long classNames = 0;
        Map<JfrStackTrace, Boolean> stacks = new IdentityHashMap<>();
        JfrType type = null;
        int parkedClass = JfrType.NO_FIELD;
        try (JfrReader reader = JfrReader.open(file, Set.of(PARK))) {
            for (JfrEvent event; (event = reader.next()) != null; ) {
                if (event.type() != type) {
                    type = event.type();
                    parkedClass = type.field("parkedClass");
                }
                events++;
                JfrThread thread = event.thread();
                threadIds += thread == null ? 0 : thread.javaThreadId();
                JfrStackTrace stack = event.stackTrace();
                if (stack != null && stacks.put(stack, Boolean.TRUE) == null) {
                    frames += stack.frames().size();
                }
                JfrClass c = event.classAt(parkedClass);
                classNames += c == null ? 0 : c.name().length();
                threadIds += event.durationNanos() & 1;
            }
        }
        return events + " events, thread ids " + threadIds + ", " + stacks.size() + " stacks / " + frames
                + " frames, class name chars " + classNames;
    }

    private static String withRecordingFile(Path file) throws IOException {
        long events = 0;
        long threadIds = 0;
        long frames = 0;
        long classNames = 0;
        Map<RecordedStackTrace, Boolean> stacks = new IdentityHashMap<>();
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (!event.getEventType().getName().equals(PARK)) {
                    continue;
                }
                events++;
                RecordedThread thread = event.getThread();
                threadIds += thread == null ? 0 : thread.getJavaThreadId();
                RecordedStackTrace stack = event.getStackTrace();
                if (stack != null && stacks.put(stack, Boolean.TRUE) == null) {
                    frames += stack.getFrames().size();
                }
                RecordedClass c = event.getClass("parkedClass");
                classNames += c == null ? 0 : c.getName().length();
                threadIds += event.getDuration().toNanos() & 1;
            }
        }
        return events + " events, thread ids " + threadIds + ", " + stacks.size() + " stacks / " + frames
                + " frames, class name chars " + classNames;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
