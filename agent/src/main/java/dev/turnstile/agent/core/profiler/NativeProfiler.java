package dev.turnstile.agent.core.profiler;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;

/**
 * async-profiler's Java API, reached by reflection: its classes live in their own module layer
 * ({@link ProfilerModule}), not in the agent's loader.
 */
final class NativeProfiler {
    private final Object instance;
    private final Method execute;
    private final Method stop;
    private final Method version;

    private NativeProfiler(Object instance) throws NoSuchMethodException {
        Class<?> type = instance.getClass();
        this.instance = instance;
        this.execute = type.getMethod("execute", String.class);
        this.stop = type.getMethod("stop");
        this.version = type.getMethod("getVersion");
    }

    /**
     * Loads the library at {@code path} (an absolute path) into the JVM, or takes the profiler an earlier agent load
     * in this JVM loaded (async-profiler keeps one instance per JVM); {@code folder} is where its module is written.
     */
    static NativeProfiler load(String path, Instrumentation inst, Path folder) throws Throwable {
        Class<?> api = ProfilerModule.load(inst, folder);
        return new NativeProfiler(unwrap(() -> api.getMethod("getInstance", String.class).invoke(null, path)));
    }

    String version() throws Throwable {
        return (String) unwrap(() -> version.invoke(instance));
    }

    String execute(String command) throws Throwable {
        return (String) unwrap(() -> execute.invoke(instance, command));
    }

    void stop() throws Throwable {
        unwrap(() -> stop.invoke(instance));
    }

    private interface Call {
        Object call() throws ReflectiveOperationException;
    }

    /** The profiler's own exception (e.g. UnsatisfiedLinkError, IllegalStateException), not reflection's wrapper. */
    private static Object unwrap(Call call) throws Throwable {
        try {
            return call.call();
        } catch (InvocationTargetException e) {
            throw e.getCause() != null ? e.getCause() : e;
        }
    }
}
