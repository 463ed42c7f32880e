package dev.turnstile.analyzer.model;

/**
 * What a finding is about.
 *
 * @param kind "lock" (later also "pool", "threads", "process")
 * @param name the subject as people know it, e.g. the lock's class
 * @param id   identity within the recording, to tell apart subjects of one name
 * @param site the code location that matters, e.g. a lock's critical section
 */
public record Subject(String kind, String name, String id, String site) {
}
