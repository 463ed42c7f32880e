package dev.turnstile.agent.core.profiler;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.ModuleVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * async-profiler's Java API in a module of its own, in a module layer of its own, loaded from the agent jar once per
 * JVM.
 *
 * <p>Why a named module: JDK 22 and later print a four-line warning on the program's stderr when code without
 * native access loads a library. Native access is granted per named module, or to all unnamed modules at once,
 * which would reach the program's code too. The public way to grant it ({@code Controller.enableNativeAccess})
 * is itself restricted and warns, so the agent sets the JDK's internal flag of this one module, as the
 * {@code --enable-native-access} option would, after opening {@code java.lang} to itself with its
 * {@link Instrumentation}. The JNI names of the library bind to {@code one.profiler}, so the package keeps its name.
 *
 * <p>Why once per JVM, and defined from plain files: the library, once loaded, holds a JNI global reference to its
 * {@code one.profiler.Recording} class for good, which keeps this module's class loader, and everything that loader
 * references, alive until the JVM exits. Were the module read through a finder or reader of the agent's own (as it
 * first was), that loader would reference the agent's class loader, which could then never be collected after an
 * attached agent detaches: every attach would leave a whole agent core (about 1,500 classes) behind. So the module
 * is written as an exploded module folder and read by the JDK's own finder, which references only JDK classes, and a
 * later agent load in the same JVM reuses it (and the library already loaded) instead of loading another copy.
 */
final class ProfilerModule {
    static final String NAME = "dev.turnstile.agent.asyncprofiler";
    static final String PACKAGE = "one.profiler";
    static final String API_CLASS = PACKAGE + ".AsyncProfiler";
    private static final String PACKAGE_PATH = PACKAGE.replace('.', '/');
    private static final int FIRST_WARNING_FEATURE = 22;

    private ProfilerModule() {
    }

    /**
     * Returns the module's {@code one.profiler.AsyncProfiler} class: the one an earlier agent load in this JVM defined,
     * or a new one, defined from files written into {@code folder}, which may be deleted once this returns.
     */
    static Class<?> load(Instrumentation inst, Path folder) throws ReflectiveOperationException, IOException {
        Class<?> loaded = definedEarlier(inst);
        if (loaded != null) {
            return loaded;
        }
        Path root = folder.resolve("module");
        List<String> classes = explode(root);
        ModuleLayer boot = ModuleLayer.boot();
        Configuration configuration = boot.configuration().resolve(ModuleFinder.of(root), ModuleFinder.of(),
                Set.of(NAME));
        ModuleLayer.Controller controller = ModuleLayer.defineModulesWithOneLoader(configuration, List.of(boot),
                ClassLoader.getPlatformClassLoader());
        Module module = controller.layer().findModule(NAME).orElseThrow();
        grantNativeAccess(inst, module);
        // Every class now: the folder goes when this session ends, and later sessions use the module as it is.
        for (String name : classes) {
            Class.forName(name, false, module.getClassLoader());
        }
        return Class.forName(API_CLASS, true, module.getClassLoader());
    }

    /** The module an earlier agent load (an earlier {@code turnstile attach}) defined, which stays for good. */
    private static Class<?> definedEarlier(Instrumentation inst) {
        for (Class<?> type : inst.getAllLoadedClasses()) {
            if (type.getName().equals(API_CLASS) && NAME.equals(type.getModule().getName())) {
                return type;
            }
        }
        return null;
    }

    /**
     * Writes the module as a folder: its {@code module-info.class}, made with Byte Buddy's copy of ASM, and the API's
     * classes, copied from where the agent jar keeps them ({@code inst/one/profiler/X.classdata}).
     *
     * @return the names of the classes written
     */
    private static List<String> explode(Path root) throws IOException {
        URL marker = ProfilerModule.class.getClassLoader().getResource(PACKAGE_PATH + "/AsyncProfiler.class");
        if (marker == null || !"jar".equals(marker.getProtocol())) {
            throw new IOException("async-profiler's API is not in the agent jar: " + marker);
        }
        String spec = marker.toString();
        int separator = spec.lastIndexOf("!/");
        String entryFolder = spec.substring(separator + 2, spec.lastIndexOf('/') + 1);
        Path jarFile;
        try {
            jarFile = Paths.get(new java.net.URI(spec.substring("jar:".length(), separator)));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IOException("unreadable agent jar location " + spec, e);
        }
        Path packageDir = Files.createDirectories(root.resolve(PACKAGE_PATH));
        List<String> classes = new ArrayList<>();
        try (JarFile jar = new JarFile(jarFile.toFile())) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                String name = entry.getName();
                if (!name.startsWith(entryFolder) || !name.endsWith(".classdata")
                        || name.indexOf('/', entryFolder.length()) >= 0) {
                    continue;
                }
                String simpleName = name.substring(entryFolder.length(), name.length() - ".classdata".length());
                try (InputStream in = jar.getInputStream(entry)) {
                    Files.copy(in, packageDir.resolve(simpleName + ".class"));
                }
                classes.add(PACKAGE + "." + simpleName);
            }
        }
        Files.write(root.resolve("module-info.class"), moduleInfo());
        return classes;
    }

    private static byte[] moduleInfo() {
        ClassWriter writer = new ClassWriter(0);
        writer.visit(Opcodes.V9, Opcodes.ACC_MODULE, "module-info", null, null, null);
        ModuleVisitor module = writer.visitModule(NAME, 0, null);
        module.visitRequire("java.base", Opcodes.ACC_MANDATED, null);
        module.visitExport(PACKAGE_PATH, 0);
        module.visitPackage(PACKAGE_PATH);
        module.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
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
}
