package dev.turnstile.agent.core;

import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.utility.JavaModule;

/** Installs the advice on the JDK classes Turnstile observes, retransforming those already loaded. */
final class Instrumenter {
    static final String AQLS = "java.util.concurrent.locks.AbstractQueuedLongSynchronizer";

    private Instrumenter() {
    }

    static void install(Instrumentation inst, ClassLoader agentLoader) {
        // Loaded now so that it is retransformed during install, and the check below means something.
        Class<?> aqs = AbstractQueuedSynchronizer.class;
        requireSlowPath(aqs);
        Set<String> transformed = ConcurrentHashMap.newKeySet();
        StringBuilder errors = new StringBuilder();
        ResettableClassFileTransformer transformer = newAgentBuilder()
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
                // Byte Buddy's default ignores the boot loader, which holds every class we instrument.
                .ignore(nameStartsWith("jdk.jfr.")
                        .or(nameStartsWith("jdk.internal."))
                        .or(nameStartsWith("dev.turnstile.")))
                .with(new AgentBuilder.Listener.Adapter() {
                    @Override
                    public void onTransformation(TypeDescription type, ClassLoader loader, JavaModule module,
                                                 boolean loaded, DynamicType dynamicType) {
                        transformed.add(type.getName());
                    }

                    @Override
                    public void onError(String typeName, ClassLoader loader, JavaModule module, boolean loaded,
                                        Throwable throwable) {
                        synchronized (errors) {
                            errors.append(typeName).append(": ").append(throwable).append("; ");
                        }
                    }
                })
                .type(named(aqs.getName()).or(named(AQLS)))
                .transform(new AgentBuilder.Transformer.ForAdvice()
                        .include(agentLoader)
                        .advice(named("acquire").and(takesArguments(6)).and(takesArgument(2, boolean.class)),
                                AqsAcquireAdvice.class.getName()))
                .installOn(inst);
        if (!transformed.contains(aqs.getName())) {
            transformer.reset(inst, AgentBuilder.RedefinitionStrategy.RETRANSFORMATION);
            throw new IllegalStateException("could not instrument " + aqs.getName()
                    + (errors.length() > 0 ? ": " + errors : ""));
        }
    }

    /**
     * The advice relies on the single slow path that AbstractQueuedSynchronizer has had since JDK 14; on an
     * older JDK it would match nothing and the recording would silently lack every lock wait.
     */
    private static void requireSlowPath(Class<?> aqs) {
        for (Method method : aqs.getDeclaredMethods()) {
            if (method.getName().equals("acquire") && method.getParameterCount() == 6) {
                return;
            }
        }
        throw new IllegalStateException("this JDK's " + aqs.getSimpleName() + " has no acquire(Node, int, boolean,"
                + " boolean, boolean, long): java.util.concurrent lock waits are recorded on JDK 14 and newer");
    }

    /**
     * Byte Buddy's builder prepares class injection through sun.misc.Unsafe, which JDK 24+ warns about on the
     * program's stderr. Turnstile never injects classes, so that preparation is switched off through Byte
     * Buddy's (relocated) property, set only while the builder is created so the program never sees it.
     */
    private static AgentBuilder newAgentBuilder() {
        String property = AgentBuilder.class.getPackageName().replace(".agent.builder", "") + ".nexus.disabled";
        if (System.getProperty(property) != null) {
            return new AgentBuilder.Default();
        }
        System.setProperty(property, "true");
        try {
            return new AgentBuilder.Default();
        } finally {
            System.clearProperty(property);
        }
    }
}
