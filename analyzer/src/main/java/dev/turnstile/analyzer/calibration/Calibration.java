package dev.turnstile.analyzer.calibration;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What switching, spawning and locking cost on a machine, measured by {@code turnstile calibrate}. The analyzer
 * turns counts into time with it (switches × cost per switch). Without a saved calibration it uses
 * {@link #defaults()}, figures measured once on a 2-vCPU cloud machine, and reports say so.
 *
 * <p>Kept as a properties file ({@code key=nanoseconds}) so the analyzer needs no JSON library and a person can read
 * and edit it.
 *
 * @param costs    median cost per operation in nanoseconds, by {@link Cost}
 * @param measured when it was measured, or null for the defaults
 * @param machine  what it was measured on (CPU count, OS, JVM), or "defaults"
 */
public record Calibration(Map<Cost, Long> costs, Instant measured, String machine) {
    public Calibration {
        costs = Map.copyOf(costs);
    }

    /** The operations {@code calibrate} measures; {@link #key} is the property name in the file. */
    public enum Cost {
        /** One thread wakes another and goes to sleep, both on one CPU: the cost of one voluntary switch. */
        HANDOFF_SAME_CPU("handoff.sameCpu", 600),
        /** The same with the threads on different CPUs: adds the wake-up of an idle CPU. */
        HANDOFF_CROSS_CPU("handoff.crossCpu", 1_200),
        /** One virtual thread hands off to another (JDK 21+). */
        VIRTUAL_HANDOFF("handoff.virtual", 1_000),
        THREAD_START_JOIN("thread.startJoin", 56_000),
        POOL_SUBMIT_RUN("pool.submitRun", 2_000),
        PROCESS_SPAWN_WAIT("process.spawnWait", 1_200_000),
        LOCK_UNCONTENDED("lock.uncontended", 20),
        LOCK_CONTENDED("lock.contended", 5_000);

        public final String key;
        final long defaultNanos;

        Cost(String key, long defaultNanos) {
            this.key = key;
            this.defaultNanos = defaultNanos;
        }
    }

    public static final String DEFAULT_MACHINE = "defaults";

    public static Calibration defaults() {
        Map<Cost, Long> costs = new TreeMap<>();
        for (Cost cost : Cost.values()) {
            costs.put(cost, cost.defaultNanos);
        }
        return new Calibration(costs, null, DEFAULT_MACHINE);
    }

    public boolean isDefault() {
        return measured == null;
    }

    public long nanos(Cost cost) {
        return costs.getOrDefault(cost, cost.defaultNanos);
    }

    /**
     * Where {@code calibrate --save} writes and the analyzer looks: {@code $TURNSTILE_CALIBRATION} if set, else
     * {@code $XDG_CONFIG_HOME/turnstile/calibration.properties}, else {@code ~/.config/turnstile/calibration.properties}.
     */
    public static Path defaultFile() {
        String explicit = System.getenv("TURNSTILE_CALIBRATION");
        if (explicit != null && !explicit.isBlank()) {
            return Paths.get(explicit);
        }
        String config = System.getenv("XDG_CONFIG_HOME");
        Path base = config != null && !config.isBlank()
                ? Paths.get(config) : Paths.get(System.getProperty("user.home"), ".config");
        return base.resolve("turnstile").resolve("calibration.properties");
    }

    /** The saved calibration if there is a readable one at {@link #defaultFile()}, otherwise the defaults. */
    public static Calibration find() {
        Path file = defaultFile();
        if (Files.isReadable(file)) {
            try {
                return load(file);
            } catch (IOException | IllegalArgumentException e) {
                return defaults();
            }
        }
        return defaults();
    }

    public static Calibration load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        Map<Cost, Long> costs = new TreeMap<>();
        for (Cost cost : Cost.values()) {
            String value = properties.getProperty(cost.key);
            long nanos = value == null ? cost.defaultNanos : Long.parseLong(value.trim());
            if (nanos <= 0) {
                throw new IllegalArgumentException(cost.key + " must be positive");
            }
            costs.put(cost, nanos);
        }
        String measured = properties.getProperty("measured");
        return new Calibration(costs, measured == null ? Instant.EPOCH : Instant.parse(measured),
                properties.getProperty("machine", "unknown"));
    }

    public void save(Path file) throws IOException {
        Properties properties = new Properties();
        costs.forEach((cost, nanos) -> properties.setProperty(cost.key, Long.toString(nanos)));
        properties.setProperty("measured", (measured == null ? Instant.now() : measured).toString());
        properties.setProperty("machine", machine);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(out, "turnstile calibrate: median nanoseconds per operation on this machine");
        }
    }
}
