package dev.turnstile.agent.core;

import java.lang.instrument.IllegalClassFormatException;
import java.nio.charset.StandardCharsets;
import java.security.ProtectionDomain;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;

/**
 * Hands a class to a Byte Buddy transformer only if a cheap look at what the JVM passes says the transformer may
 * match it. Every class a program loads passes every transformer, and Byte Buddy reads the whole class file before
 * it can match on what a class declares: without filters, loading a class took about a quarter of a millisecond
 * longer under the agent (BENCHMARKS.md, class loading), seconds for a program that loads tens of thousands.
 *
 * <p>Resetting passes through to Byte Buddy, which removes this filter (the transformer the JVM knows) and
 * retransforms what the transformer inside it changed.
 */
public final class ClassFilter extends ResettableClassFileTransformer.WithDelegation {
    private interface Test {
        boolean passes(ClassLoader loader, byte[] classFile);
    }

    private final Test test;

    private ClassFilter(ResettableClassFileTransformer transformer, Test test) {
        super(transformer);
        this.test = test;
    }

    /** The transformer sees only classes of the boot loader: enough for one that names JDK classes. */
    public static AgentBuilder.TransformerDecorator bootClassesOnly() {
        return transformer -> new ClassFilter(transformer, (loader, classFile) -> loader == null);
    }

    /**
     * The transformer sees only classes whose files contain each of {@code strings} (ASCII), say the name of a method
     * and the start of its descriptor, which a class that declares the method holds in its constant pool.
     */
    public static AgentBuilder.TransformerDecorator filesContainingAll(String... strings) {
        byte[][] required = new byte[strings.length][];
        for (int i = 0; i < strings.length; i++) {
            required[i] = strings[i].getBytes(StandardCharsets.US_ASCII);
        }
        return transformer -> new ClassFilter(transformer, (loader, classFile) -> containsAll(classFile, required));
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer)
            throws IllegalClassFormatException {
        return test.passes(loader, classfileBuffer)
                ? classFileTransformer.transform(loader, className, classBeingRedefined, protectionDomain,
                        classfileBuffer)
                : null;
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer)
            throws IllegalClassFormatException {
        return test.passes(loader, classfileBuffer)
                ? classFileTransformer.transform(module, loader, className, classBeingRedefined, protectionDomain,
                        classfileBuffer)
                : null;
    }

    private static boolean containsAll(byte[] classFile, byte[][] required) {
        for (byte[] string : required) {
            if (!contains(classFile, string)) {
                return false;
            }
        }
        return true;
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        int last = haystack.length - needle.length;
        byte first = needle[0];
        for (int i = 0; i <= last; i++) {
            if (haystack[i] != first) {
                continue;
            }
            int j = 1;
            while (j < needle.length && haystack[i + j] == needle[j]) {
                j++;
            }
            if (j == needle.length) {
                return true;
            }
        }
        return false;
    }
}
