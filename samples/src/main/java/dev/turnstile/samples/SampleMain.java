package dev.turnstile.samples;

import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;

/** Runs one sample by name: {@code SampleMain gil --seconds 3}. */
public final class SampleMain {
    private SampleMain() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length == 0 || Sample.byId(args[0]).isEmpty()) {
            System.err.println("usage: SampleMain <" + String.join("|", Sample.ids()) + "> [--seconds S] [--threads N]");
            System.exit(2);
        }
        Sample sample = Sample.byId(args[0]).orElseThrow();
        try {
            sample.mainClass().getMethod("main", String[].class)
                    .invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
