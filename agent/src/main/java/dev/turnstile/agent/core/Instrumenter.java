package dev.turnstile.agent.core;

import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;

import dev.turnstile.agent.bridge.Bridge;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.utility.JavaModule;

/**
 * Installs the modules' advice in one pass over the loaded classes, retransforming those already loaded, and
 * tells which modules got every class they need.
 */
final class Instrumenter {

    /** The installed transformer (to undo it), the modules that work, and why the others do not. */
    static final class Installed {
        final ResettableClassFileTransformer transformer;
        final List<InstrumentationModule> live;
        final Map<String, String> failed;

        Installed(ResettableClassFileTransformer transformer, List<InstrumentationModule> live,
                  Map<String, String> failed) {
            this.transformer = transformer;
            this.live = live;
            this.failed = failed;
        }
    }

    private Instrumenter() {
    }

    static Installed install(Instrumentation inst, ClassLoader agentLoader, List<InstrumentationModule> modules) {
        Map<String, String> failed = new LinkedHashMap<>();
        List<InstrumentationModule> prepared = new ArrayList<>();
        for (InstrumentationModule module : modules) {
            try {
                module.prepare(inst);
                prepared.add(module);
            } catch (RuntimeException e) {
                failed.put(module.name(), String.valueOf(e.getMessage()));
            }
        }

        Set<String> transformed = ConcurrentHashMap.newKeySet();
        Map<String, String> errors = new ConcurrentHashMap<>();
        AgentBuilder builder = newAgentBuilder()
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
                // Advice calls the bridge (the boot loader's unnamed module) from classes of any module.
                .assureReadEdgeTo(inst, Bridge.class)
                // Byte Buddy's default ignores the boot loader, which holds every class we instrument.
                .ignore(nameStartsWith("jdk.jfr.")
                        .or(nameStartsWith("jdk.internal."))
                        .or(nameStartsWith("dev.turnstile.agent.")))
                .with(new AgentBuilder.Listener.Adapter() {
                    @Override
                    public void onTransformation(TypeDescription type, ClassLoader loader, JavaModule module,
                                                 boolean loaded, DynamicType dynamicType) {
                        transformed.add(type.getName());
                    }

                    @Override
                    public void onError(String typeName, ClassLoader loader, JavaModule module, boolean loaded,
                                        Throwable throwable) {
                        errors.merge(typeName, String.valueOf(throwable), (a, b) -> a + "; " + b);
                    }
                });
        AgentBuilder.Transformer.ForAdvice advice = new AgentBuilder.Transformer.ForAdvice().include(agentLoader);
        for (InstrumentationModule module : prepared) {
            builder = module.instrument(builder, advice);
        }
        ResettableClassFileTransformer transformer = builder.installOn(inst);

        List<InstrumentationModule> live = new ArrayList<>();
        for (InstrumentationModule module : prepared) {
            String missing = null;
            for (Class<?> target : module.requiredTargets()) {
                if (!transformed.contains(target.getName())) {
                    missing = "could not instrument " + target.getName()
                            + (errors.containsKey(target.getName()) ? ": " + errors.get(target.getName()) : "");
                    break;
                }
            }
            if (missing == null) {
                live.add(module);
            } else {
                failed.put(module.name(), missing);
            }
        }
        return new Installed(transformer, live, failed);
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
