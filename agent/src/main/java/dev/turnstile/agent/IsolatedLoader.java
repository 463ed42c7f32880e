package dev.turnstile.agent;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Loads the agent's core from the agent jar's {@code inst/} folder, where its classes are stored as
 * {@code .classdata} so that no other loader (nor a classpath scanner) can see them. Its parent is the
 * platform loader: the core sees the JDK and the bridge (boot class path), never the program's classes.
 */
final class IsolatedLoader extends ClassLoader {
    static final String PREFIX = "inst/";

    static {
        registerAsParallelCapable();
    }

    private final JarFile jar;
    private final String jarUrl;

    IsolatedLoader(JarFile jar, ClassLoader parent) {
        super("turnstile-agent", parent);
        this.jar = jar;
        this.jarUrl = new java.io.File(jar.getName()).toURI().toString();
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        JarEntry entry = jar.getJarEntry(PREFIX + name.replace('.', '/') + ".classdata");
        if (entry == null) {
            throw new ClassNotFoundException(name);
        }
        try (InputStream in = jar.getInputStream(entry)) {
            byte[] bytes = in.readAllBytes();
            return defineClass(name, bytes, 0, bytes.length, TurnstileAgent.class.getProtectionDomain());
        } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
        }
    }

    /** Byte Buddy reads advice classes as resources, so {@code X.class} must resolve to its stored bytes. */
    @Override
    protected URL findResource(String name) {
        String stored = PREFIX + (name.endsWith(".class")
                ? name.substring(0, name.length() - ".class".length()) + ".classdata"
                : name);
        if (jar.getJarEntry(stored) == null) {
            return null;
        }
        try {
            return java.net.URI.create("jar:" + jarUrl + "!/" + stored).toURL();
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }
}
