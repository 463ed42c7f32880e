package dev.turnstile.analyzer.calibration;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

/**
 * What switching, spawning and locking cost on a machine, measured by {@code turnstile calibrate}. The analyzer
 * turns counts into time with it (switches × cost per switch). Without a saved calibration it uses
 * {@link #defaults()}, figures measured once on a 2-vCPU cloud machine, and reports say so.
 *
 * <p>Kept as a properties file ({@code key=nanoseconds}) so the analyzer needs no JSON library and a person can read
 * and edit it. A cost the file does not hold (calibrate could not measure it, e.g. virtual threads without a JDK
 * 21) falls back to its documented default.
 *
 * @param costs    median cost per operation in nanoseconds, by {@link Cost}; costs missing here use their defaults
 * @param measured when it was measured, or null for the defaults
 * @param machine  what it was measured on (CPU count, OS, JVM), or "defaults"
 */
public record Calibration(Map<Cost, Long> costs, Instant measured, String machine) {
    public Calibration {
        costs = Map.copyOf(costs);
        for (Map.Entry<Cost, Long> cost : costs.entrySet()) {
            if (cost.getValue() <= 0) {
                throw new IllegalArgumentException(cost.getKey().key + " must be positive, not " + cost.getValue());
            }
        }
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

        /** The documented figure used when this machine's is not known (NOTES.md, "Costs on this machine"). */
        public long defaultNanos() {
            return defaultNanos;
        }
    }

    public static final String DEFAULT_MACHINE = "defaults";

    private static final String MEASURED_KEY = "measured";
    private static final String MACHINE_KEY = "machine";

    public static Calibration defaults() {
        return new Calibration(Map.of(), null, DEFAULT_MACHINE);
    }

    public boolean isDefault() {
        return measured == null;
    }

    /** True when this cost's figure came from a measurement rather than the documented default. */
    public boolean isMeasured(Cost cost) {
        return !isDefault() && costs.containsKey(cost);
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

    /**
     * The saved calibration if there is a readable one at {@link #defaultFile()}, otherwise the defaults. A file
     * that cannot be read as a calibration counts as none: reports then say the defaults were used.
     */
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

    /**
     * Reads a file written by {@link #save} (or by hand). Keys it does not know are ignored, so a file from a newer
     * Turnstile still reads.
     *
     * @throws IllegalArgumentException when a figure is not a positive whole number or the date is malformed
     */
    public static Calibration load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        Map<Cost, Long> costs = new EnumMap<>(Cost.class);
        for (Cost cost : Cost.values()) {
            String value = properties.getProperty(cost.key);
            if (value != null) {
                costs.put(cost, positive(file, cost.key, value));
            }
        }
        // A hand-written file without a date still counts as measured: someone chose those figures.
        String measured = properties.getProperty(MEASURED_KEY);
        Instant when;
        try {
            when = measured == null ? Instant.EPOCH : Instant.parse(measured.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(file + ": " + MEASURED_KEY + " is not an ISO-8601 instant: " + measured);
        }
        return new Calibration(costs, when, properties.getProperty(MACHINE_KEY, "unknown"));
    }

    private static long positive(Path file, String key, String value) {
        long nanos;
        try {
            nanos = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + ": " + key + " is not a whole number of nanoseconds: " + value);
        }
        if (nanos <= 0) {
            throw new IllegalArgumentException(file + ": " + key + " must be positive, not " + nanos);
        }
        return nanos;
    }

    /**
     * Writes the figures this calibration holds (not the defaults it falls back to), in the table's order, creating
     * the folder. The file is replaced in one step, so an analyzer reading at the same moment sees the old or the new
     * one, never half. Written by hand rather than with {@link Properties#store}, which orders keys at random.
     */
    public void save(Path file) throws IOException {
        StringBuilder text = new StringBuilder("# turnstile calibrate: median nanoseconds per operation on this machine\n");
        for (Cost cost : Cost.values()) {
            if (costs.containsKey(cost)) {
                text.append(cost.key).append('=').append(costs.get(cost)).append('\n');
            }
        }
        text.append(MEASURED_KEY).append('=').append((measured == null ? Instant.now() : measured)).append('\n');
        text.append(MACHINE_KEY).append('=').append(escaped(machine)).append('\n');

        Path target = file.toAbsolutePath();
        Path folder = target.getParent();
        Files.createDirectories(folder);
        Path partial = Files.createTempFile(folder, target.getFileName().toString(), ".part");
        try {
            Files.writeString(partial, text, StandardCharsets.UTF_8);
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** A properties value that {@link Properties#load(Reader)} reads back as it was. */
    private static String escaped(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\f' -> out.append("\\f");
                // load() drops leading blanks of a value
                case ' ' -> out.append(i == 0 ? "\\ " : " ");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
