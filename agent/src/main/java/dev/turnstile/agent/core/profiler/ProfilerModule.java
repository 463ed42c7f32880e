package dev.turnstile.agent.core.profiler;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * async-profiler's Java API in a module of its own, in a module layer of its own, loaded from the agent jar.
 *
 * <p>Why a named module: JDK 22 and later print a four-line warning on the program's stderr when code without
 * native access loads a library. Native access is granted per named module, or to all unnamed modules at once,
 * which would reach the program's code too. The public way to grant it ({@code Controller.enableNativeAccess})
 * is itself restricted and warns, so the agent sets the JDK's internal flag of this one module, as the
 * {@code --enable-native-access} option would, after opening {@code java.lang} to itself with its
 * {@link Instrumentation}. The module's classes are read from where the agent's loader reads them ({@code inst/one/profiler/}), so the
 * program never sees them, and the JNI names of the library (which bind to {@code one.profiler}) still match.
 */
final class ProfilerModule {
    static final String NAME = "dev.turnstile.agent.asyncprofiler";
    static final String PACKAGE = "one.profiler";
    private static final int FIRST_WARNING_FEATURE = 22;

    private ProfilerModule() {
    }

    /** Defines the module and returns its {@code one.profiler.AsyncProfiler} class. */
    static Class<?> load(Instrumentation inst) throws ReflectiveOperationException {
        ClassLoader agentLoader = ProfilerModule.class.getClassLoader();
        ModuleDescriptor descriptor = ModuleDescriptor.newModule(NAME).packages(Set.of(PACKAGE)).exports(PACKAGE)
                .requires("java.base").build();
        ModuleReference reference = new ModuleReference(descriptor, null) {
            @Override
            public ModuleReader open() {
                return new AgentJarReader(agentLoader);
            }
        };
        ModuleFinder finder = new ModuleFinder() {
            @Override
            public Optional<ModuleReference> find(String name) {
                return NAME.equals(name) ? Optional.of(reference) : Optional.empty();
            }

            @Override
            public Set<ModuleReference> findAll() {
                return Set.of(reference);
            }
        };
        ModuleLayer boot = ModuleLayer.boot();
        Configuration configuration = boot.configuration().resolve(finder, ModuleFinder.of(), Set.of(NAME));
        ModuleLayer.Controller controller = ModuleLayer.defineModulesWithOneLoader(configuration, List.of(boot),
                ClassLoader.getPlatformClassLoader());
        Module module = controller.layer().findModule(NAME).orElseThrow();
        grantNativeAccess(inst, module);
        return Class.forName(PACKAGE + ".AsyncProfiler", true, module.getClassLoader());
    }

    /**
     * Best effort, from JDK 22 on where the warning exists: if the JDK's internals changed, the library still
     * loads, with the JDK's warning.
     */
    private static void grantNativeAccess(Instrumentation inst, Module module) {
        if (Runtime.version().feature() < FIRST_WARNING_FEATURE || inst == null) {
            return;
        }
        try {
            inst.redefineModule(Object.class.getModule(), Set.of(), Map.of(),
                    Map.of("java.lang", Set.of(ProfilerModule.class.getModule())), Set.of(), Map.of());
            Method enable = Module.class.getDeclaredMethod("implAddEnableNativeAccess");
            enable.setAccessible(true);
            enable.invoke(module);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // the JDK prints its warning when the library loads; nothing else changes
        }
    }

    /** Reads {@code one/profiler/X.class} from the agent jar's {@code inst/one/profiler/X.classdata}. */
    private static final class AgentJarReader implements ModuleReader {
        private final ClassLoader agentLoader;

        AgentJarReader(ClassLoader agentLoader) {
            this.agentLoader = agentLoader;
        }

        @Override
        public Optional<URI> find(String name) {
            return Optional.empty();
        }

        @Override
        public Optional<InputStream> open(String name) throws IOException {
            if (!name.startsWith(PACKAGE.replace('.', '/') + "/") || !name.endsWith(".class")) {
                return Optional.empty();
            }
            // the agent's loader maps X.class to its stored X.classdata
            return Optional.ofNullable(agentLoader.getResourceAsStream(name));
        }

        @Override
        public Stream<String> list() {
            return Stream.empty();
        }

        @Override
        public void close() {
        }
    }
}
