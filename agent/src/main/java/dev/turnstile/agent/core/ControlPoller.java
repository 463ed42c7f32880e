package dev.turnstile.agent.core;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The one thread an attached agent adds: it looks at the control directory a few times a second and detaches when
 * {@code turnstile attach} asks it to stop, when the directory is removed, or when the turnstile process that owns
 * the session is gone (killed before it could ask), so that a session never outlives everyone who could end it.
 * It ends once the session has detached.
 */
final class ControlPoller implements Runnable {
    /** Often enough that a stop feels immediate; a poll is two file checks and one process lookup. */
    static final long POLL_MILLIS = 150;

    private final Session session;
    private final ControlChannel control;
    private final long owner;
    private final Optional<Instant> ownerStart;

    private ControlPoller(Session session, ControlChannel control, long owner) {
        this.session = session;
        this.control = control;
        this.owner = owner;
        // With its start time, a process id that the system reuses for another process is not taken for the owner.
        this.ownerStart = owner > 0 ? ProcessHandle.of(owner).flatMap(p -> p.info().startInstant()) : Optional.empty();
    }

    static void start(Session session, ControlChannel control, long owner) {
        Thread thread = new Thread(new ControlPoller(session, control, owner), "turnstile-control");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void run() {
        try {
            String reason = awaitReason();
            if (reason == null) {
                return;
            }
            Map<String, String> outcome = session.detach();
            outcome.put("reason", reason);
            if (reason.equals("owner gone")) {
                Agent.warn("the turnstile process that attached (pid " + owner + ") is gone; stopped recording and"
                        + " detached; recording kept: " + outcome.get("recording"));
                control.deleteQuietly();
            } else {
                control.write(ControlChannel.STOPPED, outcome);
            }
        } catch (Throwable t) {
            // Never into the program's uncaught-exception handler; the session stays as it is.
            Agent.warn("the control thread failed (" + t + "); the recording is written when the JVM exits");
        }
    }

    /** @return why to detach, or null if the session ended otherwise (its start failed) */
    private String awaitReason() {
        while (true) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                // Something interrupted every thread; only a stop request ends this one.
            }
            if (session.detached()) {
                return null;
            }
            if (!session.running()) {
                continue;
            }
            if (control.stopRequested()) {
                return "requested";
            }
            if (!control.exists()) {
                return "control directory removed";
            }
            if (!ownerAlive()) {
                return "owner gone";
            }
        }
    }

    private boolean ownerAlive() {
        if (owner <= 0) {
            return true;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(owner);
        if (process.isEmpty() || !process.get().isAlive()) {
            return false;
        }
        return ownerStart.isEmpty() || ownerStart.equals(process.get().info().startInstant());
    }
}
