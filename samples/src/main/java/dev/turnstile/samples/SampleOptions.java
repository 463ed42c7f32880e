package dev.turnstile.samples;

/** The two knobs every sample has: how long it runs and how many worker threads it uses. */
record SampleOptions(double seconds, int threads) {

    static SampleOptions parse(String[] args, double defaultSeconds, int defaultThreads) {
        double seconds = defaultSeconds;
        int threads = defaultThreads;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--seconds" -> seconds = Double.parseDouble(require(args[i], value));
                case "--threads" -> threads = Integer.parseInt(require(args[i], value));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
            i++;
        }
        if (seconds <= 0 || threads <= 0) {
            throw new IllegalArgumentException("--seconds and --threads must be positive");
        }
        return new SampleOptions(seconds, threads);
    }

    private static String require(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }

    long nanos() {
        return (long) (seconds * 1e9);
    }
}
