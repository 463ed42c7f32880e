package dev.turnstile.analyzer.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.ValueDescriptor;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedObject;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/** Reads a file with the JDK's RecordingFile and with JfrReader side by side and asserts every value agrees. */
final class SameAsJdk {
    private static final long TIME_BASE_SLACK_NANOS = 1_000;

    private SameAsJdk() {
    }

    /** Compares every event of the given types (all when null); returns events compared per type. */
    static Map<String, Integer> assertSameEvents(Path file, Collection<String> types) throws IOException {
        Map<String, Integer> counts = new TreeMap<>();
        try (RecordingFile jdk = new RecordingFile(file);
             JfrReader ours = types == null ? JfrReader.openAll(file) : JfrReader.open(file, types)) {
            int index = 0;
            while (jdk.hasMoreEvents()) {
                RecordedEvent expected = jdk.readEvent();
                String name = expected.getEventType().getName();
                if (types != null && !types.contains(name)) {
                    continue;
                }
                String where = file.getFileName() + " event " + index + " (" + name + ")";
                JfrEvent actual = ours.next();
                assertNotNull(actual, where + ": our reader ended early");
                assertEquals(name, actual.type().name(), where);
                // After the first chunk the JDK may convert ticks with an earlier chunk's time base; we use each
                // chunk's own. JDK 17 does so only when the metadata is unchanged (same JVM: the bases differ by
                // a few ns, allowed below); later JDKs always do, which for async-profiler's chunk is hours off,
                // so there the times of later chunks are not compared.
                boolean laterChunk = ours.chunkCount() > 1;
                if (!laterChunk || Runtime.version().feature() == 17) {
                    long slack = laterChunk ? TIME_BASE_SLACK_NANOS : 0;
                    assertClose(nanos(expected.getStartTime()), actual.startNanos(), slack, where + " start");
                    assertClose(nanos(expected.getEndTime()), actual.endNanos(), slack, where + " end");
                    assertClose(expected.getDuration().toNanos(), actual.durationNanos(), laterChunk ? 1 : 0,
                            where + " duration");
                }
                for (ValueDescriptor field : expected.getFields()) {
                    if (field.getName().equals("startTime") || field.getName().equals("duration")) {
                        continue;
                    }
                    int at = actual.type().field(field.getName());
                    assertTrue(at >= 0, where + ": no field " + field.getName());
                    assertSameValue(expected.getValue(field.getName()), actual.valueAt(at),
                            where + "." + field.getName());
                    assertSameTypedAccess(expected, actual, field, at, where + "." + field.getName());
                }
                assertSameThread(expected.getThread(), actual.thread(), where + " thread()");
                assertSameStack(expected.getStackTrace(), actual.stackTrace(), where + " stackTrace()");
                counts.merge(name, 1, Integer::sum);
                index++;
            }
            assertNull(ours.next(), file.getFileName() + ": our reader has more events than the JDK's");
        }
        return counts;
    }

    /** longAt, doubleAt and stringAt give what the JDK's getLong, getDouble and getString give. */
    private static void assertSameTypedAccess(RecordedEvent expected, JfrEvent actual, ValueDescriptor field,
                                              int at, String where) {
        if (field.isArray()) {
            return;
        }
        String name = field.getName();
        switch (field.getTypeName()) {
            case "byte", "short", "int", "long", "char" -> {
                assertEquals(expected.getLong(name), actual.longAt(at), where + " longAt");
                assertEquals(expected.getDouble(name), actual.doubleAt(at), where + " doubleAt");
            }
            case "float", "double" -> assertEquals(expected.getDouble(name), actual.doubleAt(at), where + " doubleAt");
            case "boolean" -> assertEquals(expected.getBoolean(name), actual.booleanAt(at), where + " booleanAt");
            case "java.lang.String" -> assertEquals(expected.getString(name), actual.stringAt(at), where + " stringAt");
            case "java.lang.Class" -> assertEquals(expected.getClass(name) == null ? null : expected.getClass(name).getName(),
                    actual.classAt(at) == null ? null : actual.classAt(at).name(), where + " classAt");
            default -> { }
        }
    }

    /** On longs: JUnit's delta overloads would go through double and lose nanoseconds of epoch times. */
    private static void assertClose(long expected, long actual, long slack, String where) {
        if (Math.abs(expected - actual) > slack) {
            assertEquals(expected, actual, where + " (allowed difference " + slack + " ns)");
        }
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    static void assertSameValue(Object expected, Object actual, String where) {
        if (expected == null) {
            assertNull(actual, where);
        } else if (expected instanceof RecordedThread thread) {
            assertSameThread(thread, (JfrThread) actual, where);
        } else if (expected instanceof RecordedStackTrace stack) {
            assertSameStack(stack, (JfrStackTrace) actual, where);
        } else if (expected instanceof RecordedClass c) {
            assertEquals(c.getName(), assertInstanceOf(JfrClass.class, actual, where).name(), where);
        } else if (expected instanceof RecordedMethod method) {
            assertSameMethod(method, (JfrMethod) actual, where);
        } else if (expected instanceof RecordedObject object) {
            assertSameObject(object, actual, where);
        } else if (expected instanceof Object[] array) {
            List<?> list = assertInstanceOf(List.class, actual, where);
            assertEquals(array.length, list.size(), where + " length");
            for (int i = 0; i < array.length; i++) {
                assertSameValue(array[i], list.get(i), where + "[" + i + "]");
            }
        } else {
            assertEquals(expected, actual, where);
        }
    }

    private static void assertSameObject(RecordedObject expected, Object actual, String where) {
        JfrObject object = assertInstanceOf(JfrObject.class, actual, where);
        for (ValueDescriptor field : expected.getFields()) {
            assertSameValue(expected.getValue(field.getName()), object.get(field.getName()),
                    where + "." + field.getName());
        }
    }

    static void assertSameThread(RecordedThread expected, JfrThread actual, String where) {
        if (expected == null) {
            assertNull(actual, where);
            return;
        }
        assertNotNull(actual, where);
        // The recorded values: RecordedThread's getters on 21+ answer -1 and null for a virtual thread's OS side.
        assertEquals(expected.getLong("javaThreadId"), actual.javaThreadId(), where + " javaThreadId");
        assertEquals(expected.getLong("osThreadId"), actual.osThreadId(), where + " osThreadId");
        assertEquals(expected.getString("javaName"), actual.javaName(), where + " javaName");
        assertEquals(expected.getString("osName"), actual.osName(), where + " osName");
        assertEquals(expected.getThreadGroup() == null ? null : expected.getThreadGroup().getName(),
                actual.groupName(), where + " group");
        boolean virtual = expected.hasField("virtual") && expected.getBoolean("virtual");
        assertEquals(virtual, actual.virtual(), where + " virtual");
    }

    static void assertSameStack(RecordedStackTrace expected, JfrStackTrace actual, String where) {
        if (expected == null) {
            assertNull(actual, where);
            return;
        }
        assertNotNull(actual, where);
        assertEquals(expected.isTruncated(), actual.truncated(), where + " truncated");
        List<RecordedFrame> frames = expected.getFrames();
        assertEquals(frames.size(), actual.frames().size(), where + " depth");
        for (int i = 0; i < frames.size(); i++) {
            RecordedFrame frame = frames.get(i);
            JfrFrame ours = actual.frames().get(i);
            String at = where + " frame " + i;
            assertSameMethod(frame.getMethod(), ours.method(), at);
            assertEquals(frame.getLineNumber(), ours.lineNumber(), at + " line");
            assertEquals(frame.getBytecodeIndex(), ours.bytecodeIndex(), at + " bci");
            assertEquals(frame.getType(), ours.type(), at + " type");
        }
    }

    private static void assertSameMethod(RecordedMethod expected, JfrMethod actual, String where) {
        if (expected == null) {
            assertNull(actual, where);
            return;
        }
        assertNotNull(actual, where);
        assertEquals(expected.getType() == null ? null : expected.getType().getName(),
                actual.declaringClass() == null ? null : actual.declaringClass().name(), where + " class");
        assertEquals(expected.getName(), actual.name(), where + " method");
        assertEquals(expected.getDescriptor(), actual.descriptor(), where + " descriptor");
    }
}
