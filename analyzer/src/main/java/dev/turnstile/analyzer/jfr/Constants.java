package dev.turnstile.analyzer.jfr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Turns decoded constants of the types callers use into small typed objects (threads, stack traces, classes,
 * methods) and symbols and frame types into plain strings. Other constants stay {@link JfrObject}s.
 */
final class Constants {
    private Constants() {
    }

    static Object typed(Object decoded) {
        if (!(decoded instanceof JfrObject object)) {
            return decoded;
        }
        return switch (object.type().name()) {
            case "java.lang.Thread" -> new JfrThread(object.number("javaThreadId"), object.number("osThreadId"),
                    object.string("javaName"), object.string("osName"),
                    object.get("group") instanceof JfrObject group ? group.string("name") : null,
                    object.flag("virtual"));
            case "jdk.types.StackTrace" -> stackTrace(object);
            case "java.lang.Class" -> {
                String name = object.string("name");
                // The JDK stores internal names (java/lang/Object) and RecordedClass shows them with dots.
                yield new JfrClass(name == null ? null : name.replace('/', '.'));
            }
            case "jdk.types.Method" -> new JfrMethod(object.get("type") instanceof JfrClass c ? c : null,
                    object.string("name"), object.string("descriptor"));
            case "jdk.types.Symbol" -> object.string("string");
            case "jdk.types.FrameType" -> object.string("description");
            // As the JDK's RecordedObject does: a simple type's constant is its one value.
            default -> object.type().isSimple() ? object.get(0) : object;
        };
    }

    private static JfrStackTrace stackTrace(JfrObject object) {
        List<JfrFrame> frames = new ArrayList<>();
        if (object.get("frames") instanceof List<?> list) {
            for (Object element : list) {
                if (element instanceof JfrObject frame) {
                    frames.add(new JfrFrame(frame.get("method") instanceof JfrMethod m ? m : null,
                            (int) frame.number("lineNumber"), (int) frame.number("bytecodeIndex"),
                            frame.string("type")));
                }
            }
        }
        return new JfrStackTrace(object.flag("truncated"), Collections.unmodifiableList(frames));
    }
}
