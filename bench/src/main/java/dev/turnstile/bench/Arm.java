package dev.turnstile.bench;

import java.nio.file.Path;
import java.util.List;

/** One side of a comparison: the JVM options a program runs with. */
record Arm(String name, List<String> jvmOptions) {

    static Arm plain() {
        return new Arm("no agent", List.of());
    }

    /** The JDK's own recording with its profile settings: what Turnstile's overhead adds to. */
    static Arm jfrOnly(Path recording) {
        return new Arm("JFR profile only", List.of("-XX:StartFlightRecording:filename=" + recording + ",settings=profile"));
    }

    /** The JDK's own recording with the agent's settings file and no agent: what the JDK's events alone cost. */
    static Arm jfrWithSettings(Path settings, Path recording) {
        return new Arm("JFR alone, the agent's settings", List.of("-XX:StartFlightRecording:filename=" + recording
                + ",settings=" + settings));
    }

    /** async-profiler's lock mode alone, as its documentation starts it: monitors and j.u.c locks, into JFR. */
    static Arm asyncProfilerLock(Path library, Path recording) {
        return new Arm("async-profiler lock", List.of("-agentpath:" + library + "=start,event=lock,file=" + recording));
    }

    /** The agent as turnstile run starts it. */
    static Arm agent(Path agentJar, Path recording) {
        return new Arm("Turnstile agent", List.of("-Xbootclasspath/a:" + agentJar,
                "-javaagent:" + agentJar + "=file=" + recording));
    }

    /** The agent with more options, e.g. {@code profiler=off}. */
    static Arm agentWithOptions(String name, Path agentJar, Path recording, String options) {
        return new Arm(name, List.of("-Xbootclasspath/a:" + agentJar,
                "-javaagent:" + agentJar + "=file=" + recording + "," + options));
    }

    static Arm agentWithThreshold(Path agentJar, Path recording, String threshold) {
        return new Arm("Turnstile agent, threshold " + threshold, List.of("-Xbootclasspath/a:" + agentJar,
                "-javaagent:" + agentJar + "=file=" + recording + ",threshold=" + threshold));
    }
}
