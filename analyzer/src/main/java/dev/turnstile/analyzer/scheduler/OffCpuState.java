package dev.turnstile.analyzer.scheduler;

/** The off-CPU states a recorded wait is sorted into (see model.ThreadStates for what each means). */
enum OffCpuState {
    BLOCKED, PARKED, WAITING, SLEEPING, IO
}
