package dev.turnstile.junit;

import java.lang.reflect.Method;
import org.junit.jupiter.api.extension.ExtensionContext;

/** File names for a test's recording: {@code CLASS.METHOD}, with the invocation's name for repeated tests. */
final class TestNames {
    private static final int MAX_LENGTH = 180;

    private TestNames() {
    }

    static String of(ExtensionContext context) {
        String name = context.getRequiredTestClass().getName();
        Method method = context.getTestMethod().orElse(null);
        if (method != null) {
            name += "." + method.getName();
            // a parameterized or repeated test runs the method several times: "[2] 42" tells them apart
            String display = context.getDisplayName();
            if (!display.equals(method.getName() + "()") && !display.equals(method.getName())) {
                name += "-" + display;
            }
        }
        String safe = name.replaceAll("[^A-Za-z0-9._-]+", "_");
        return safe.length() <= MAX_LENGTH ? safe : safe.substring(0, MAX_LENGTH);
    }
}
