package dev.turnstile.samples;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Creates virtual threads on JDK 21+ although the samples are compiled for 17, through method handles on
 * {@code Thread.ofVirtual()} and {@code Thread.Builder.unstarted(Runnable)}.
 */
final class VirtualThreads {
    static final int FIRST_FEATURE = 21;

    private static final MethodHandle OF_VIRTUAL;
    private static final MethodHandle UNSTARTED;

    static {
        MethodHandle ofVirtual = null;
        MethodHandle unstarted = null;
        if (supported()) {
            try {
                MethodHandles.Lookup lookup = MethodHandles.publicLookup();
                Class<?> builder = Class.forName("java.lang.Thread$Builder");
                Class<?> virtualBuilder = Class.forName("java.lang.Thread$Builder$OfVirtual");
                ofVirtual = lookup.findStatic(Thread.class, "ofVirtual", MethodType.methodType(virtualBuilder));
                unstarted = lookup.findVirtual(builder, "unstarted", MethodType.methodType(Thread.class, Runnable.class));
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
        OF_VIRTUAL = ofVirtual;
        UNSTARTED = unstarted;
    }

    private VirtualThreads() {
    }

    static boolean supported() {
        return Runtime.version().feature() >= FIRST_FEATURE;
    }

    /** A new, not yet started virtual thread. */
    static Thread unstarted(String name, Runnable body) {
        try {
            Thread thread = (Thread) UNSTARTED.invoke(OF_VIRTUAL.invoke(), body);
            thread.setName(name);
            return thread;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
