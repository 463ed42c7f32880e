package dev.turnstile.agent.core;

import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;

import dev.turnstile.agent.bridge.Bridge;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.scaffold.MethodGraph;
import net.bytebuddy.utility.JavaModule;

/**
 * Installs the modules' advice: one pass over the loaded classes retransforms the JDK classes the modules name, and a
 * second transformer handles, as they load, the classes the modules match by hierarchy. Tells which modules got every
 * class they need.
 */
final class Instrumenter {

    /** The installed transformers (to undo them), the modules that work, and why the others do not. */
    static final class Installed {
        final List<ResettableClassFileTransformer> transformers;
        final List<InstrumentationModule> live;
        final Map<String, String> failed;

        Installed(List<ResettableClassFileTransformer> transformers, List<InstrumentationModule> live,
                  Map<String, String> failed) {
            this.transformers = transformers;
            this.live = live;
            this.failed = failed;
        }

        void reset(Instrumentation inst) {
            for (ResettableClassFileTransformer transformer : transformers) {
                transformer.reset(inst, AgentBuilder.RedefinitionStrategy.RETRANSFORMATION);
            }
        }

        /**
         * Removes the transformers and retransforms every class they touched back to its bytes without them. Only the
         * Instrumentation that installed them can do this (a later agent load's cannot).
         */
        ClassRestore restore(Instrumentation inst) {
            ClassRestore restore = new ClassRestore();
            for (ResettableClassFileTransformer transformer : transformers) {
                restore.transformerRemoved(transformer.reset(inst, AgentBuilder.RedefinitionStrategy.RETRANSFORMATION,
                        AgentBuilder.RedefinitionStrategy.BatchAllocator.ForTotal.INSTANCE, restore));
            }
            return restore;
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
        AgentBuilder.Listener listener = new AgentBuilder.Listener.Adapter() {
            @Override
            public void onTransformation(TypeDescription type, ClassLoader loader, JavaModule module, boolean loaded,
                                         DynamicType dynamicType) {
                transformed.add(type.getName());
            }

            @Override
            public void onError(String typeName, ClassLoader loader, JavaModule module, boolean loaded,
                                Throwable throwable) {
                errors.merge(typeName, String.valueOf(throwable), (a, b) -> a + "; " + b);
            }
        };
        AgentBuilder.Transformer.ForAdvice advice = new AgentBuilder.Transformer.ForAdvice().include(agentLoader);
        AgentBuilder loaded = configure(newAgentBuilder(), inst, listener)
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(ClassFilter.bootClassesOnly());
        List<AgentBuilder> newClasses = new ArrayList<>();
        for (InstrumentationModule module : prepared) {
            loaded = module.instrument(loaded, advice);
            // A transformer of its own for each module that watches new classes, so each can filter what it sees.
            AgentBuilder plain = configure(newAgentBuilder(), inst, listener);
            AgentBuilder watching = module.instrumentNewClasses(plain, advice);
            if (watching != plain) {
                newClasses.add(watching);
            }
        }
        List<ResettableClassFileTransformer> transformers = new ArrayList<>();
        transformers.add(loaded.installOn(inst));
        for (AgentBuilder builder : newClasses) {
            transformers.add(builder.installOn(inst));
        }

        List<InstrumentationModule> live = new ArrayList<>();
        for (InstrumentationModule module : prepared) {
            String missing = missingTargets(inst, module, transformed, errors);
            if (missing == null) {
                live.add(module);
            } else {
                failed.put(module.name(), missing);
            }
        }
        return new Installed(transformers, live, failed);
    }

    /**
     * @return null if every class the module needs was transformed, else why not. A class loaded during the install
     *         on Byte Buddy's own thread (say, from the CDS archive) is passed over by it: such a class gets one more try.
     */
    private static String missingTargets(Instrumentation inst, InstrumentationModule module, Set<String> transformed,
                                         Map<String, String> errors) {
        for (Class<?> target : module.requiredTargets()) {
            if (!transformed.contains(target.getName())) {
                try {
                    inst.retransformClasses(target);
                } catch (UnmodifiableClassException | RuntimeException e) {
                    errors.merge(target.getName(), String.valueOf(e), (a, b) -> a + "; " + b);
                }
            }
            if (!transformed.contains(target.getName())) {
                return "could not instrument " + target.getName()
                        + (errors.containsKey(target.getName()) ? ": " + errors.get(target.getName()) : "");
            }
        }
        return null;
    }

    private static AgentBuilder configure(AgentBuilder builder, Instrumentation inst, AgentBuilder.Listener listener) {
        return builder
                .disableClassFormatChanges()
                .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
                // Advice calls the bridge (the boot loader's unnamed module) from classes of any module.
                .assureReadEdgeTo(inst, Bridge.class)
                // Byte Buddy's default ignores the boot loader, which holds every class we instrument.
                .ignore(nameStartsWith("jdk.jfr.")
                        .or(nameStartsWith("jdk.internal."))
                        .or(nameStartsWith("dev.turnstile.agent.")))
                .with(listener);
    }

    /**
     * Byte Buddy's builder prepares class injection through sun.misc.Unsafe, which JDK 24+ warns about on the
     * program's stderr. Turnstile never injects classes, so that preparation is switched off through Byte
     * Buddy's (relocated) property, set only while the builder is created so the program never sees it.
     */
    private static AgentBuilder newAgentBuilder() {
        String property = AgentBuilder.class.getPackageName().replace(".agent.builder", "") + ".nexus.disabled";
        if (System.getProperty(property) != null) {
            return new AgentBuilder.Default(byteBuddy());
        }
        System.setProperty(property, "true");
        try {
            return new AgentBuilder.Default(byteBuddy());
        } finally {
            System.clearProperty(property);
        }
    }

    /**
     * Advice only rewrites methods a class declares, so Byte Buddy need not work out the methods it inherits: by
     * default it does, for the whole hierarchy of every class it transforms, the larger part of a transformation.
     */
    private static ByteBuddy byteBuddy() {
        return new ByteBuddy().with(MethodGraph.Compiler.ForDeclaredMethods.INSTANCE);
    }
}
