package dev.turnstile.analyzer.events;

import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Follows the waits that take a thread off the CPU, one method per kind of wait. The JDK and the agent each record some
 * of them; {@link #register} routes every event of a kind to its method, so that a collector never misses one kind.
 */
public interface ThreadWaits {
    /** Blocked entering a monitor ({@code jdk.JavaMonitorEnter}). */
    void onMonitorEnter(EventView event);

    /** Blocked acquiring a java.util.concurrent lock (the agent's {@code turnstile.LockWait}). */
    void onLockWait(EventView event);

    /** Waiting for a signal: {@code Object.wait} or a {@code Condition}. */
    void onSignalWait(EventView event);

    void onPark(EventView event);

    void onSleep(EventView event);

    /** Socket or file I/O. */
    void onIo(EventView event);

    /** @param handlers takes an event name and its handler: the analyzer's table */
    static void register(BiConsumer<String, Consumer<EventView>> handlers, ThreadWaits waits) {
        handlers.accept(JdkEvents.MONITOR_ENTER, waits::onMonitorEnter);
        handlers.accept(TurnstileEvents.LOCK_WAIT, waits::onLockWait);
        handlers.accept(JdkEvents.MONITOR_WAIT, waits::onSignalWait);
        handlers.accept(TurnstileEvents.CONDITION_WAIT, waits::onSignalWait);
        handlers.accept(JdkEvents.THREAD_PARK, waits::onPark);
        handlers.accept(JdkEvents.THREAD_SLEEP, waits::onSleep);
        for (String io : new String[] {JdkEvents.SOCKET_READ, JdkEvents.SOCKET_WRITE, JdkEvents.FILE_READ,
                JdkEvents.FILE_WRITE}) {
            handlers.accept(io, waits::onIo);
        }
    }
}
