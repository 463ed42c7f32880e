package dev.turnstile.agent;

import java.io.File;
import java.lang.instrument.Instrumentation;
import java.util.jar.JarFile;

/**
 * Entry point named in the agent jar's manifest. It only puts the bridge on the boot class path and hands
 * over to the agent's core, which it loads in an isolated class loader so that neither Byte Buddy nor any
 * other class of the agent can clash with the program's own.
 */
public final class TurnstileAgent {
    static final String CORE_CLASS = "dev.turnstile.agent.core.Agent";

    private TurnstileAgent() {
    }

    public static void premain(String options, Instrumentation inst) {
        start(options, inst, "premain");
    }

    public static void agentmain(String options, Instrumentation inst) {
        start(options, inst, "agentmain");
    }

    /** Never throws: an exception out of premain would stop the program from starting. */
    private static void start(String options, Instrumentation inst, String mode) {
        try {
            File agentJar = new File(TurnstileAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            JarFile jar = new JarFile(agentJar);
            inst.appendToBootstrapClassLoaderSearch(jar);
            String version = jar.getManifest().getMainAttributes().getValue("Implementation-Version");
            ClassLoader core = new IsolatedLoader(jar, ClassLoader.getPlatformClassLoader());
            core.loadClass(CORE_CLASS)
                    .getMethod("start", Instrumentation.class, String.class, String.class, String.class)
                    .invoke(null, inst, options, version, mode);
        } catch (Throwable t) {
            Throwable cause = t instanceof java.lang.reflect.InvocationTargetException && t.getCause() != null
                    ? t.getCause() : t;
            System.err.println("turnstile: agent not started: " + cause);
        }
    }
}
