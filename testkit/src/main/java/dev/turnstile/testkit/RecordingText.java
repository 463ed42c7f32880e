package dev.turnstile.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import jdk.jfr.ValueDescriptor;
import jdk.jfr.consumer.RecordedObject;

/** The text a recording holds, for tests that prove something is not in it. */
public final class RecordingText {
    /** JFR writes a string as UTF-8, Latin-1 or UTF-16; for the ASCII that tests look for, these cover all three. */
    private static final List<Charset> ENCODINGS = List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16BE,
            StandardCharsets.UTF_16LE);
    private static final int MAX_DEPTH = 12;

    private RecordingText() {
    }

    /** Every string in an event, those of its nested objects (thread, stack frames, classes...) included. */
    public static List<String> strings(RecordedObject event) {
        List<String> strings = new ArrayList<>();
        collect(event, strings, 0);
        return strings;
    }

    /**
     * Whether the file's bytes hold the text in any encoding JFR uses: a check below the reader's, for what a
     * field-by-field walk could miss (metadata, constant pools of events nobody reads).
     */
    public static boolean fileContains(Path file, String text) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ENCODINGS.stream().anyMatch(charset -> indexOf(bytes, text.getBytes(charset)) >= 0);
    }

    private static void collect(Object value, List<String> sink, int depth) {
        if (value == null || depth > MAX_DEPTH) {
            return;
        }
        if (value instanceof String s) {
            sink.add(s);
        } else if (value instanceof RecordedObject object) {
            for (ValueDescriptor field : object.getFields()) {
                collect(object.getValue(field.getName()), sink, depth + 1);
            }
        } else if (value instanceof Object[] array) {
            for (Object element : array) {
                collect(element, sink, depth + 1);
            }
        } else if (value instanceof Collection<?> collection) {
            for (Object element : collection) {
                collect(element, sink, depth + 1);
            }
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
