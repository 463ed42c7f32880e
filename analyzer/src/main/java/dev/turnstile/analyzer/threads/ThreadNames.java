package dev.turnstile.analyzer.threads;

/** Groups threads the way people think of them: {@code pool-3-thread-17} is one of {@code pool-*-thread-*}. */
public final class ThreadNames {
    private ThreadNames() {
    }

    public static String group(String name) {
        if (name == null || name.isEmpty()) {
            return "(unnamed)";
        }
        return name.replaceAll("\\d+", "*");
    }
}
