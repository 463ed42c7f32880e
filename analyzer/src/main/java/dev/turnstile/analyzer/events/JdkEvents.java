package dev.turnstile.analyzer.events;

/** The JDK's own JFR events the analyzer reads, and the fields it uses from each. */
public final class JdkEvents {
    public static final String MONITOR_ENTER = "jdk.JavaMonitorEnter";
    public static final String MONITOR_ENTER_CLASS = "monitorClass";
    public static final String MONITOR_ENTER_PREVIOUS_OWNER = "previousOwner";
    public static final String MONITOR_ENTER_ADDRESS = "address";

    public static final String MONITOR_WAIT = "jdk.JavaMonitorWait";
    public static final String MONITOR_WAIT_CLASS = "monitorClass";
    public static final String MONITOR_WAIT_ADDRESS = "address";
    /** The thread that called notify/notifyAll; null when the wait ended otherwise. */
    public static final String MONITOR_WAIT_NOTIFIER = "notifier";
    public static final String MONITOR_WAIT_TIMED_OUT = "timedOut";

    /** JDK 25+: one notify or notifyAll call. */
    public static final String MONITOR_NOTIFY = "jdk.JavaMonitorNotify";
    public static final String MONITOR_NOTIFY_CLASS = "monitorClass";
    public static final String MONITOR_NOTIFY_ADDRESS = "address";
    public static final String MONITOR_NOTIFY_NOTIFIED_COUNT = "notifiedCount";

    public static final String THREAD_PARK = "jdk.ThreadPark";
    /** The class of the object parked on (the park's blocker), null for a plain LockSupport.park. */
    public static final String THREAD_PARK_PARKED_CLASS = "parkedClass";
    public static final String THREAD_SLEEP = "jdk.ThreadSleep";
    public static final String SOCKET_READ = "jdk.SocketRead";
    public static final String SOCKET_WRITE = "jdk.SocketWrite";
    public static final String FILE_READ = "jdk.FileRead";
    public static final String FILE_WRITE = "jdk.FileWrite";

    /** Process-wide CPU use, every second: shares of the whole machine. */
    public static final String CPU_LOAD = "jdk.CPULoad";
    public static final String CPU_LOAD_JVM_USER = "jvmUser";
    public static final String CPU_LOAD_JVM_SYSTEM = "jvmSystem";

    public static final String THREAD_CPU_LOAD = "jdk.ThreadCPULoad";
    public static final String THREAD_CPU_LOAD_USER = "user";
    public static final String THREAD_CPU_LOAD_SYSTEM = "system";

    public static final String JVM_INFORMATION = "jdk.JVMInformation";
    public static final String JVM_INFORMATION_NAME = "jvmName";
    public static final String JVM_INFORMATION_VERSION = "jvmVersion";

    public static final String CPU_INFORMATION = "jdk.CPUInformation";
    /** Logical CPUs: what ThreadCPULoad is normalised by, and what threads can run on at once. */
    public static final String CPU_INFORMATION_HW_THREADS = "hwThreads";

    /** Written by the new thread; its stack is where the thread was started (JDK 17+). */
    public static final String THREAD_START = "jdk.ThreadStart";
    public static final String THREAD_END = "jdk.ThreadEnd";
    public static final String JAVA_THREAD_STATISTICS = "jdk.JavaThreadStatistics";
    public static final String JAVA_THREAD_STATISTICS_PEAK = "peakCount";
    public static final String JAVA_THREAD_STATISTICS_ACTIVE = "activeCount";

    /** Spawns as the JDK records them: the command line unredacted, so the analyzer never shows it. */
    public static final String PROCESS_START = "jdk.ProcessStart";

    /** Never in Turnstile's settings; counted when another recording in the JVM put them in the file, never read. */
    public static final String INITIAL_ENVIRONMENT_VARIABLE = "jdk.InitialEnvironmentVariable";
    public static final String INITIAL_SYSTEM_PROPERTY = "jdk.InitialSystemProperty";

    public static final String VIRTUAL_THREAD_START = "jdk.VirtualThreadStart";
    public static final String VIRTUAL_THREAD_END = "jdk.VirtualThreadEnd";
    /** A virtual thread blocked while pinned to its carrier; duration = time pinned. */
    public static final String VIRTUAL_THREAD_PINNED = "jdk.VirtualThreadPinned";
    /** JDK 24+: why (e.g. "Native or VM frame on stack"), what blocked, and on which carrier. */
    public static final String VIRTUAL_THREAD_PINNED_REASON = "pinnedReason";
    public static final String VIRTUAL_THREAD_PINNED_CARRIER = "carrierThread";
    public static final String VIRTUAL_THREAD_SUBMIT_FAILED = "jdk.VirtualThreadSubmitFailed";


    /** {@link #THREAD_START}'s thread that started. */
    public static final String THREAD_START_THREAD = "thread";
    public static final String THREAD_END_THREAD = "thread";

    private JdkEvents() {
    }
}
