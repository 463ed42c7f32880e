package dev.turnstile.analyzer.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;
import jdk.jfr.Configuration;
import jdk.jfr.Event;
import jdk.jfr.Name;
import jdk.jfr.Recording;
import jdk.jfr.Unsigned;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JfrReaderTest {

    /** A custom event with a field of every type a custom event may have. */
    @Name("turnstile.test.EveryType")
    static class EveryType extends Event {
        boolean aBoolean;
        byte aByte;
        char aChar;
        short aShort;
        int anInt;
        @Unsigned
        int anUnsignedInt;
        long aLong;
        float aFloat;
        double aDouble;
        String aString;
        Thread aThread;
        Class<?> aClass;
    }

    @TempDir
    static Path dir;
    private static Path recording;
    private static Path secondRecording;

    @BeforeAll
    static void record() throws Exception {
        recording = record("one.jfr", 0);
        secondRecording = record("two.jfr", 1000);
    }

    /** Records the JDK's default events plus every park and monitor wait, with stacks, and custom events. */
    private static Path record(String name, int seed) throws Exception {
        Path file = dir.resolve(name);
        try (Recording recording = new Recording(Configuration.getConfiguration("default"))) {
            recording.enable("jdk.ThreadPark").withThreshold(Duration.ZERO).withStackTrace();
            recording.enable("jdk.JavaMonitorEnter").withThreshold(Duration.ZERO).withStackTrace();
            recording.enable("jdk.JavaMonitorWait").withThreshold(Duration.ZERO).withStackTrace();
            recording.enable(EveryType.class).withStackTrace();
            recording.start();
            commitEveryType(seed);
            contend();
            System.gc();
            recording.stop();
            recording.dump(file);
        }
        return file;
    }

    private static void commitEveryType(int seed) {
        String[] strings = {null, "", "plain ascii", "Latin-1 café", "unicode ☃ 漢字", "x".repeat(5000)};
        for (int i = 0; i < 60; i++) {
            EveryType event = new EveryType();
            event.aBoolean = i % 2 == 0;
            event.aByte = (byte) (i * 37 + seed);
            event.aChar = (char) ('a' + i);
            event.aShort = (short) (i * -1000);
            event.anInt = i % 3 == 0 ? Integer.MIN_VALUE + i : i * 123_456;
            event.anUnsignedInt = -i;
            event.aLong = i % 4 == 0 ? Long.MAX_VALUE - i : -i * 1_000_000_007L;
            event.aFloat = i / 3.0f;
            event.aDouble = i % 5 == 0 ? Double.NaN : -i / 7.0;
            event.aString = strings[i % strings.length];
            event.aThread = i % 2 == 0 ? Thread.currentThread() : null;
            event.aClass = i % 3 == 0 ? String.class : i % 3 == 1 ? EveryType.class : null;
            event.commit();
        }
    }

    /** Parks and monitor contention on a few threads, so there are waits with stacks and threads. */
    private static void contend() throws InterruptedException {
        Object lock = new Object();
        List<Thread> threads = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < 20; i++) {
                    synchronized (lock) {
                        LockSupport.parkNanos(200_000);
                    }
                    LockSupport.parkNanos(lock, 100_000);
                }
            }, "contender-" + t);
            threads.add(thread);
            thread.start();
        }
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
    }

    @Test
    void everyEventOfARecordingReadsAsTheJdkReadsIt() throws IOException {
        Map<String, Integer> counts = SameAsJdk.assertSameEvents(recording, null);
        assertEquals(60, counts.get("turnstile.test.EveryType"));
        assertTrue(counts.getOrDefault("jdk.ThreadPark", 0) >= 80, counts.toString());
        assertTrue(counts.getOrDefault("jdk.JavaMonitorEnter", 0) > 0, counts.toString());
        assertTrue(counts.size() > 20, "only a few event types: " + counts);
    }

    @Test
    void onlyTheWantedTypesAreReturnedAndTheyMatchTheJdk() throws IOException {
        Set<String> wanted = Set.of("jdk.ThreadPark", "jdk.JavaMonitorEnter");
        Map<String, Integer> counts = SameAsJdk.assertSameEvents(recording, wanted);
        assertEquals(wanted, counts.keySet());
    }

    /**
     * Read with headers only, every event still comes, with the time and thread a full read gives; the types asked
     * for come whole, and the others' fields past their thread are left unread.
     */
    @Test
    void headersOfTheOtherTypesReadAsAFullReadReadsThem() throws IOException {
        int events = 0;
        int partly = 0;
        try (JfrReader all = JfrReader.openAll(recording);
             JfrReader headers = JfrReader.openWithHeaders(recording, Set.of("jdk.ThreadPark"))) {
            for (JfrEvent full; (full = all.next()) != null; events++) {
                JfrEvent header = headers.next();
                assertNotNull(header, "every event is returned");
                assertEquals(full.type().name(), header.type().name());
                assertEquals(full.startNanos(), header.startNanos());
                assertEquals(full.endNanos(), header.endNanos());
                assertEquals(full.thread(), header.thread());
                int read = header.type().fieldsRead();
                if (header.type().name().equals("jdk.ThreadPark")) {
                    assertEquals(full.fields().size(), read, "asked for: read whole");
                    for (int i = 0; i < read; i++) {
                        assertEquals(full.valueAt(i), header.valueAt(i), full.fields().get(i).name());
                    }
                } else if (read < header.fields().size()) {
                    partly++;
                }
            }
            assertNull(headers.next());
        }
        assertTrue(partly > 0, "none of " + events + " events read partly");
    }

    @Test
    void concatenatedChunksAreReadInOrder() throws IOException {
        Path both = dir.resolve("both.jfr");
        Files.write(both, Files.readAllBytes(recording));
        Files.write(both, Files.readAllBytes(secondRecording), StandardOpenOption.APPEND);
        Map<String, Integer> counts = SameAsJdk.assertSameEvents(both, null);
        assertEquals(120, counts.get("turnstile.test.EveryType"));
        Map<Long, JfrThread> firstChunksThreads = new HashMap<>();
        int lookedUpFromSecond = 0;
        try (JfrReader reader = JfrReader.openAll(both)) {
            for (JfrEvent event; (event = reader.next()) != null; ) {
                if (reader.chunkCount() == 1 && event.thread() != null && event.thread().javaThreadId() != 0) {
                    firstChunksThreads.put(event.thread().javaThreadId(), event.thread());
                } else if (reader.chunkCount() == 2 && lookedUpFromSecond == 0) {
                    // The second recording's contenders are new threads: the first chunk's are found one chunk back.
                    for (Map.Entry<Long, JfrThread> thread : firstChunksThreads.entrySet()) {
                        assertEquals(thread.getValue(), event.threadWithJavaId(thread.getKey()));
                        lookedUpFromSecond++;
                    }
                }
            }
            assertEquals(2, reader.chunkCount());
        }
        assertTrue(firstChunksThreads.values().stream().filter(t -> t.javaName().startsWith("contender-")).count() == 4,
                "the first chunk's contenders: " + firstChunksThreads.values());
        assertTrue(lookedUpFromSecond >= 5, lookedUpFromSecond + " threads looked up");
    }

    @Test
    void anAgentRecordingWithAsyncProfilersChunkReadsAsTheJdkReadsIt() throws IOException {
        Path agentRecording = dir.resolve("agent-pinning-jdk25.jfr");
        try (InputStream in = JfrReaderTest.class.getResourceAsStream("/jfr/agent-pinning-jdk25.jfr")) {
            assertNotNull(in, "test resource missing");
            Files.copy(in, agentRecording, StandardCopyOption.REPLACE_EXISTING);
        }
        Map<String, Integer> counts = SameAsJdk.assertSameEvents(agentRecording, null);
        assertTrue(counts.keySet().stream().anyMatch(type -> type.startsWith("turnstile.")), counts.toString());
        assertTrue(counts.keySet().stream().anyMatch(type -> type.startsWith("profiler.")),
                "async-profiler's chunk: " + counts);
    }

    @Test
    void aJavaThreadIsFoundByItsJavaIdAsEventsNameIt() throws IOException {
        Set<Long> ids = new HashSet<>();
        try (JfrReader reader = JfrReader.open(recording, Set.of("jdk.ThreadPark", "turnstile.test.EveryType"))) {
            for (JfrEvent event; (event = reader.next()) != null; ) {
                JfrThread thread = event.thread();
                assertNotNull(thread);
                // On JDK 17 the pool's keys are JFR's own thread ids, so this is a different lookup.
                assertEquals(thread, event.threadWithJavaId(thread.javaThreadId()));
                ids.add(thread.javaThreadId());
                assertNull(event.threadWithJavaId(Long.MAX_VALUE), "an id no thread has");
                assertNull(event.threadWithJavaId(0), "the id of every thread outside Java");
            }
        }
        assertTrue(ids.size() >= 5, "the main thread and four contenders: " + ids);
    }

    @Test
    void theSameStackTraceIdGivesTheSameObjectWithinAChunk() throws IOException {
        Map<JfrStackTrace, Integer> stacks = new IdentityHashMap<>();
        int parks = 0;
        try (JfrReader reader = JfrReader.open(recording, Set.of("jdk.ThreadPark"))) {
            for (JfrEvent event; (event = reader.next()) != null; ) {
                int id = event.type().field("stackTrace");
                JfrStackTrace stack = event.stackTraceAt(id);
                assertNotNull(stack);
                Integer known = stacks.putIfAbsent(stack, (int) event.longAt(id));
                if (known != null) {
                    assertEquals(known, (int) event.longAt(id), "one object for two stack-trace ids");
                }
                parks++;
            }
        }
        assertTrue(stacks.size() < parks, stacks.size() + " stack objects for " + parks + " parks");
    }

    @Test
    void aFileCutShortFailsWithTheOffsetNotALoop() throws IOException {
        byte[] bytes = Files.readAllBytes(recording);
        for (int length : new int[] {10, 100, bytes.length / 2, bytes.length - 1}) {
            Path cut = dir.resolve("cut-" + length + ".jfr");
            Files.write(cut, java.util.Arrays.copyOf(bytes, length));
            JfrFormatException error = assertThrows(JfrFormatException.class, () -> readAll(cut));
            assertTrue(error.offset() >= 0 && error.offset() <= length, error.getMessage());
        }
    }

    @Test
    void aCorruptChunkSizeFailsNamingIt() throws IOException {
        byte[] bytes = Files.readAllBytes(recording);
        java.nio.ByteBuffer.wrap(bytes).putLong(8, 1L << 40);
        Path corrupt = dir.resolve("corrupt-chunk-size.jfr");
        Files.write(corrupt, bytes);
        JfrFormatException error = assertThrows(JfrFormatException.class, () -> readAll(corrupt));
        assertEquals(8, error.offset());
        assertTrue(error.getMessage().contains("chunk size"), error.getMessage());
    }

    @Test
    void aCorruptEventSizeFailsNamingIt() throws IOException {
        byte[] bytes = Files.readAllBytes(recording);
        int event = firstEventOffset(bytes);
        // Make its size a varint of 2^31 - 1, which cannot fit.
        byte[] huge = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x07};
        System.arraycopy(huge, 0, bytes, event, huge.length);
        Path corrupt = dir.resolve("corrupt-event-size.jfr");
        Files.write(corrupt, bytes);
        JfrFormatException error = assertThrows(JfrFormatException.class, () -> readAll(corrupt));
        assertEquals(event, error.offset());
        assertTrue(error.getMessage().contains("event size"), error.getMessage());
    }

    @Test
    void aCorruptCountInTheMetadataFailsInsteadOfAllocatingIt() throws IOException {
        byte[] bytes = Files.readAllBytes(recording);
        int metadata = (int) java.nio.ByteBuffer.wrap(bytes).getLong(24);
        // size, type 0, start, duration, id (all varints), then the string count: make that 2^35.
        int at = metadata;
        for (int varint = 0; varint < 5; varint++) {
            while (bytes[at] < 0) {
                at++;
            }
            at++;
        }
        Path corrupt = dir.resolve("corrupt-metadata.jfr");
        byte[] changed = new byte[bytes.length];
        System.arraycopy(bytes, 0, changed, 0, at);
        byte[] count = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x01};
        // Replace the old count's bytes with the longer one; later bytes shift, which does not matter here.
        int oldEnd = at;
        while (bytes[oldEnd] < 0) {
            oldEnd++;
        }
        oldEnd++;
        try (OutputStream out = Files.newOutputStream(corrupt)) {
            out.write(bytes, 0, at);
            out.write(count);
            out.write(bytes, oldEnd, bytes.length - oldEnd - (count.length - (oldEnd - at)));
        }
        JfrFormatException error = assertThrows(JfrFormatException.class, () -> readAll(corrupt));
        assertEquals(at, error.offset());
        assertTrue(error.getMessage().contains("metadata string count"), error.getMessage());
    }

    @Test
    void aConstantPoolOffsetThatPointsElsewhereFailsNamingIt() throws IOException {
        byte[] bytes = Files.readAllBytes(recording);
        java.nio.ByteBuffer header = java.nio.ByteBuffer.wrap(bytes);
        long metadata = header.getLong(24);
        header.putLong(16, metadata); // the constant pools now "start" at the metadata event
        Path corrupt = dir.resolve("corrupt-pool-offset.jfr");
        Files.write(corrupt, bytes);
        JfrFormatException error = assertThrows(JfrFormatException.class, () -> readAll(corrupt));
        assertEquals(metadata, error.offset());
        assertTrue(error.getMessage().contains("expected a checkpoint"), error.getMessage());
    }

    @Test
    void aFileThatIsNotJfrFailsAtItsFirstByte() throws IOException {
        Path text = dir.resolve("not-jfr.jfr");
        Files.writeString(text, "this is not a recording, just some text that is long enough for a header.");
        JfrFormatException error = assertThrows(JfrFormatException.class, () -> readAll(text));
        assertEquals(0, error.offset());
        assertTrue(error.getMessage().contains("not a JFR chunk"), error.getMessage());
    }

    /** Walks the records after the header (size, type id, ...) to the first that is neither metadata nor checkpoint. */
    private static int firstEventOffset(byte[] bytes) {
        int at = 68;
        while (true) {
            int[] size = varint(bytes, at);
            int[] type = varint(bytes, size[1]);
            if (type[0] > 1) {
                return at;
            }
            at += size[0];
        }
    }

    /** The value of the varint at {@code at} (small values only) and the offset after it. */
    private static int[] varint(byte[] bytes, int at) {
        int value = 0;
        for (int shift = 0; ; shift += 7) {
            byte b = bytes[at++];
            value |= (b & 0x7f) << shift;
            if (b >= 0) {
                return new int[] {value, at};
            }
        }
    }

    private static void readAll(Path file) throws IOException {
        try (JfrReader reader = JfrReader.openAll(file)) {
            while (reader.next() != null) {
                // read to the end
            }
        }
    }
}
