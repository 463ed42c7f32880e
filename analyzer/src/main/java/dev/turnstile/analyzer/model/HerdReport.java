package dev.turnstile.analyzer.model;

import java.util.List;

/**
 * Wake-ups on one monitor or one java.util.concurrent lock's conditions: how many found nothing to do and went
 * straight back to waiting (a thundering herd when a notifyAll or signalAll wakes many for one item).
 *
 * @param kind                      monitor (Object.wait) or juc (Condition.await)
 * @param id                        monitor address or synchronizer identity hash
 * @param wakeups                   waits that ended by a notification (not by a timeout)
 * @param wastedWakeups             of those, the ones whose thread waited again on the same monitor or lock within
 *                                  {@code rewaitNanos} of waking: it found nothing to do
 * @param notifies                  notify/notifyAll calls that woke at least one thread, when the recording has them
 *                                  (JDK 25's jdk.JavaMonitorNotify, monitors only); null otherwise
 * @param notifications             {@code notifies} when recorded; otherwise the bursts of wake-ups (wake-ups less than
 *                                  1 ms apart belong to one burst), each taken as one notification
 * @param wakeupsPerNotification    threads woken per notification (from the JDK's count of notified threads when
 *                                  recorded): 1 for notify/signal, more when notifyAll/signalAll woke several
 * @param wastedPerNotification     wasted wake-ups per notification
 * @param wastedRunNanos            time the wasted wake-ups ran between waking and waiting again (the thread switches
 *                                  around them come on top)
 * @param rewaitNanos               the limit below which waiting again counts as wasted
 * @param waitingThreads            distinct threads woken
 * @param waitSite                  the frame where the most wake-ups happened
 * @param waiterStacks              where threads waited, most wake-ups first
 */
public record HerdReport(LockKind kind, String lockClass, String id, long wakeups, long wastedWakeups, Long notifies,
                         long notifications, double wakeupsPerNotification, double wastedPerNotification,
                         long wastedRunNanos, long rewaitNanos, int waitingThreads, String waitSite,
                         List<StackSummary> waiterStacks) {
    public HerdReport {
        waiterStacks = List.copyOf(waiterStacks);
    }
}
