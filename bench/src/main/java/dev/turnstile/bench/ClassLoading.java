package dev.turnstile.bench;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Loads every class of this program's own jar (the bench's dependencies: Jetty, Jackson, Apache HttpClient, JMH,
 * HdrHistogram, the analyzer, about 6,000 classes) in a class loader of its own, as an application server loads a
 * web application, and prints how long that took. Each class passes every transformer an agent installed: what the
 * agent adds per class is here, without the JVM's start-up.
 */
public final class ClassLoading {
    private ClassLoading() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(ClassLoading.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> names = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            zip.stream().map(ZipEntry::getName)
                    .filter(name -> name.endsWith(".class") && !name.startsWith("META-INF/")
                            && !name.endsWith("module-info.class"))
                    .forEach(name -> names.add(name.substring(0, name.length() - ".class".length()).replace('/', '.')));
        }
        int loaded = 0;
        int failed = 0;
        long start = System.nanoTime();
        // Its parent is the boot loader, so every class is loaded anew here, not found among the program's own.
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            for (String name : names) {
                try {
                    Class.forName(name, false, loader);
                    loaded++;
                } catch (LinkageError | ClassNotFoundException e) { // optional dependencies the jar leaves out
                    failed++;
                }
            }
        }
        long nanos = System.nanoTime() - start;
        System.out.println("classes=" + loaded + " failed=" + failed + " nanos=" + nanos);
    }
}
