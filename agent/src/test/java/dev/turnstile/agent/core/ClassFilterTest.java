package dev.turnstile.agent.core;

import static net.bytebuddy.matcher.ElementMatchers.any;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import net.bytebuddy.utility.JavaModule;
import org.junit.jupiter.api.Test;

/** The filters in front of real Byte Buddy transformers: what they keep from Byte Buddy, and what they let through. */
class ClassFilterTest {
    /** Declares the method the executor module looks for. */
    static final class OwnExecutor implements Executor {
        @Override
        public void execute(Runnable task) {
            task.run();
        }
    }

    /** Names neither the method nor a Runnable. */
    static final class Plain {
        int value;
    }

    private final List<String> seenByByteBuddy = new ArrayList<>();

    @Test
    void aClassFileWithoutTheStringsNeverReachesByteBuddy() throws Exception {
        ResettableClassFileTransformer filtered = ClassFilter.filesContainingAll("execute", "(Ljava/lang/Runnable;)")
                .decorate(byteBuddyTransformer());

        assertNull(transform(filtered, Plain.class, getClass().getClassLoader()));
        assertEquals(List.of(), seenByByteBuddy);

        byte[] transformed = transform(filtered, OwnExecutor.class, getClass().getClassLoader());
        assertEquals(List.of(OwnExecutor.class.getName()), seenByByteBuddy);
        assertTrue(transformed != null && transformed.length > 0, "Byte Buddy transformed the executor");
    }

    @Test
    void onlyBootClassesReachATransformerOfJdkClasses() throws Exception {
        ResettableClassFileTransformer filtered = ClassFilter.bootClassesOnly().decorate(byteBuddyTransformer());

        assertNull(transform(filtered, OwnExecutor.class, getClass().getClassLoader()));
        assertEquals(List.of(), seenByByteBuddy);

        transform(filtered, OwnExecutor.class, null);
        assertEquals(List.of(OwnExecutor.class.getName()), seenByByteBuddy);
    }

    @Test
    void findsAStringAnywhereInTheBytes() {
        byte[] needle = "execute".getBytes(StandardCharsets.US_ASCII);
        assertTrue(ClassFilter.contains(bytes("execute"), needle));
        assertTrue(ClassFilter.contains(bytes("xxexecute"), needle));
        assertTrue(ClassFilter.contains(bytes("exexecutex"), needle));
        assertFalse(ClassFilter.contains(bytes("execut"), needle));
        assertFalse(ClassFilter.contains(bytes("executE"), needle));
        assertFalse(ClassFilter.contains(new byte[0], needle));
    }

    /** A transformer that would transform (with no change of its own) any class, and notes each it looks at. */
    private ResettableClassFileTransformer byteBuddyTransformer() {
        // Byte Buddy's raw transformer is its resettable one, declared as the JDK's interface.
        return (ResettableClassFileTransformer) new AgentBuilder.Default()
                .disableClassFormatChanges()
                .with(new AgentBuilder.Listener.Adapter() {
                    @Override
                    public void onDiscovery(String typeName, ClassLoader loader, JavaModule module, boolean loaded) {
                        seenByByteBuddy.add(typeName);
                    }
                })
                .type(any())
                .transform((builder, type, loader, module, domain) -> builder)
                .makeRaw();
    }

    private static byte[] transform(ResettableClassFileTransformer transformer, Class<?> type, ClassLoader loader)
            throws Exception {
        return transformer.transform(type.getModule(), loader, type.getName().replace('.', '/'), null,
                type.getProtectionDomain(), classFile(type));
    }

    private static byte[] classFile(Class<?> type) throws IOException {
        String resource = type.getName().substring(type.getPackageName().length() + 1) + ".class";
        try (InputStream in = type.getResourceAsStream(resource)) {
            return in.readAllBytes();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
