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
    static final String BRIDGE_CLASS = "dev.turnstile.agent.bridge.Bridge";

    private TurnstileAgent() {
    }

    public static void premain(String options, Instrumentation inst) {
        start(options, inst, "premain");
    }

    public static void agentmain(String options, Instrumentation inst) {
        start(options, inst, "agentmain");
    }

    /**
     * True when the JVM was started with {@code -Xbootclasspath/a:} naming this jar, as {@code turnstile run}
     * does: appending at run time instead makes the JVM print a warning about class data sharing.
     */
    private static boolean bridgeOnBootClassPath() {
        try {
            Class.forName(BRIDGE_CLASS, false, null);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /**
     * The jar this class came from. Its URL is read rather than its code source, which is null when the boot
     * loader defined the class (with {@code -Xbootclasspath/a:}).
     */
    private static File agentJar() throws java.net.URISyntaxException {
        String self = TurnstileAgent.class.getName().replace('.', '/') + ".class";
        java.net.URL url = ClassLoader.getSystemResource(self);
        if (url == null || !"jar".equals(url.getProtocol())) {
            throw new IllegalStateException("not loaded from a jar: " + url);
        }
        String spec = url.toString();
        return new File(new java.net.URI(spec.substring("jar:".length(), spec.lastIndexOf("!/"))));
    }

    /** Never throws: an exception out of premain would stop the program from starting. */
    private static void start(String options, Instrumentation inst, String mode) {
        try {
            JarFile jar = new JarFile(agentJar());
            if (!bridgeOnBootClassPath()) {
                inst.appendToBootstrapClassLoaderSearch(jar);
            }
            String version = jar.getManifest().getMainAttributes().getValue("Implementation-Version");
            ClassLoader core = new IsolatedLoader(jar, ClassLoader.getPlatformClassLoader());
            core.loadClass(CORE_CLASS)
                    .getMethod("start", Instrumentation.class, String.class, String.class, String.class)
                    .invoke(null, inst, options, version, mode);
        } catch (Throwable t) {
            Throwable cause = t instanceof java.lang.reflect.InvocationTargetException && t.getCause() != null
                    ? t.getCause() : t;
            System.err.println("turnstile: agent not started: " + cause);
            reportToAttach(options, cause);
        }
    }

    /**
     * When the core could not even be loaded (no jdk.jfr module, an unreadable jar), {@code turnstile attach} still
     * waits for an answer in its control directory: this writes the {@code failed} marker the core would have
     * written (see the core's ControlChannel, which this class cannot use: the core lives in another loader). It is
     * a method here, not a class beside this one: a class of this package resolved after the jar joined the boot
     * class path would be defined by the boot loader, and could not be called from here.
     */
    private static void reportToAttach(String options, Throwable cause) {
        java.nio.file.Path control = null;
        for (String option : options == null ? new String[0] : options.split(",")) {
            String trimmed = option.trim();
            if (trimmed.startsWith("control=") && trimmed.length() > "control=".length()) {
                control = java.nio.file.Paths.get(trimmed.substring("control=".length()));
            }
        }
        if (control == null || java.nio.file.Files.exists(control.resolve("failed"))
                || java.nio.file.Files.exists(control.resolve("started"))) {
            return;
        }
        java.util.Properties marker = new java.util.Properties();
        marker.setProperty("reason", "agent not started: " + cause);
        java.nio.file.Path partial = control.resolve(".failed.partial");
        try {
            try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(partial)) {
                marker.store(out, "turnstile attach: failed");
            }
            java.nio.file.Files.move(partial, control.resolve("failed"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (java.io.IOException | RuntimeException e) {
            // turnstile attach then says the agent gave no answer, and the JVM's stderr (above) says why
        }
    }
}
