package dev.turnstile.programs;

import dev.turnstile.samples.SampleMain;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs several samples one after the other in one JVM, so that a test which pays a slow JVM start-up (another agent
 * beside Turnstile) pays it once: {@code SampleSequence gil-juc --seconds 0.5 + pool}.
 */
public final class SampleSequence {
    private SampleSequence() {
    }

    public static void main(String[] args) throws Throwable {
        List<String> sample = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("+")) {
                SampleMain.main(sample.toArray(new String[0]));
                sample.clear();
            } else {
                sample.add(arg);
            }
        }
        if (!sample.isEmpty()) {
            SampleMain.main(sample.toArray(new String[0]));
        }
        if (args.length == 0) {
            System.err.println("usage: SampleSequence SAMPLE [OPTIONS] [+ SAMPLE [OPTIONS]]... " + Arrays.toString(args));
            System.exit(2);
        }
    }
}
