package dev.turnstile.agent;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import jdk.jfr.ValueDescriptor;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * A recording's events, with the questions the agent's tests ask of them; {@code threads} are the threads the
 * recording names anywhere (as an event's thread or in a field), by Java thread id.
 */
record Recorded(List<RecordedEvent> events, Map<Long, RecordedThread> threads) {

    static Recorded read(Path file) throws IOException {
        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        Map<Long, RecordedThread> threads = new HashMap<>();
        for (RecordedEvent event : events) {
            for (ValueDescriptor field : event.getFields()) {
                if (field.getTypeName().equals("java.lang.Thread")
                        && event.getValue(field.getName()) instanceof RecordedThread thread) {
                    threads.put(thread.getJavaThreadId(), thread);
                }
            }
        }
        return new Recorded(events, threads);
    }

    List<RecordedEvent> named(String eventName) {
        return events.stream().filter(e -> e.getEventType().getName().equals(eventName)).toList();
    }

    List<RecordedEvent> named(String eventName, Predicate<RecordedEvent> filter) {
        return named(eventName).stream().filter(filter).toList();
    }

    static String threadName(RecordedEvent event) {
        RecordedThread thread = event.getThread();
        return thread == null ? "" : String.valueOf(thread.getJavaName());
    }

    static String threadName(RecordedEvent event, String field) {
        RecordedThread thread = event.getValue(field);
        return thread == null ? null : thread.getJavaName();
    }

    /** The name of the thread a turnstile.LockWait names as the lock's owner, or null if none. */
    String ownerName(RecordedEvent lockWait) {
        long id = lockWait.getLong("ownerThreadId");
        if (id == 0) {
            return null;
        }
        RecordedThread owner = threads.get(id);
        return owner == null ? "(no thread with id " + id + ")" : owner.getJavaName();
    }

    static String className(RecordedEvent event, String field) {
        RecordedClass type = event.getValue(field);
        return type == null ? null : type.getName();
    }

    /** True if a frame of the event's stack is in this method of this class (binary class name). */
    /** Whether any frame of the event's stack is in the class. */
    static boolean inClass(RecordedEvent event, String className) {
        return event.getStackTrace() != null && event.getStackTrace().getFrames().stream()
                .anyMatch(frame -> frame.getMethod() != null && frame.getMethod().getType().getName().equals(className));
    }

    static boolean inMethod(RecordedEvent event, String className, String method) {
        if (event.getStackTrace() == null) {
            return false;
        }
        for (RecordedFrame frame : event.getStackTrace().getFrames()) {
            if (frame.getMethod() != null && frame.getMethod().getName().equals(method)
                    && frame.getMethod().getType().getName().equals(className)) {
                return true;
            }
        }
        return false;
    }
}
