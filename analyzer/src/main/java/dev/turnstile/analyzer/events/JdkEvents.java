package dev.turnstile.analyzer.events;

/** The JDK's own JFR events the analyzer reads, and the fields it uses from each. */
public final class JdkEvents {
    public static final String MONITOR_ENTER = "jdk.JavaMonitorEnter";
    public static final String MONITOR_ENTER_CLASS = "monitorClass";
    public static final String MONITOR_ENTER_PREVIOUS_OWNER = "previousOwner";
    public static final String MONITOR_ENTER_ADDRESS = "address";

    public static final String THREAD_CPU_LOAD = "jdk.ThreadCPULoad";
    public static final String THREAD_CPU_LOAD_USER = "user";
    public static final String THREAD_CPU_LOAD_SYSTEM = "system";

    public static final String JVM_INFORMATION = "jdk.JVMInformation";
    public static final String JVM_INFORMATION_NAME = "jvmName";
    public static final String JVM_INFORMATION_VERSION = "jvmVersion";

    public static final String CPU_INFORMATION = "jdk.CPUInformation";
    /** Logical CPUs: what ThreadCPULoad is normalised by, and what threads can run on at once. */
    public static final String CPU_INFORMATION_HW_THREADS = "hwThreads";

    /** Waits the scheduler view sorts into thread states (see scheduler.WaitKinds). */
    public static final String MONITOR_WAIT = "jdk.JavaMonitorWait";
    public static final String THREAD_PARK = "jdk.ThreadPark";
    /** The class of the object parked on (LockSupport.park's blocker); null when there is none. */
    public static final String THREAD_PARK_PARKED_CLASS = "parkedClass";
    public static final String THREAD_SLEEP = "jdk.ThreadSleep";
    public static final String SOCKET_READ = "jdk.SocketRead";
    public static final String SOCKET_WRITE = "jdk.SocketWrite";
    public static final String FILE_READ = "jdk.FileRead";
    public static final String FILE_WRITE = "jdk.FileWrite";

    /** Written by the new thread; {@link #THREAD_START_THREAD} is the thread that started. */
    public static final String THREAD_START = "jdk.ThreadStart";
    public static final String THREAD_START_THREAD = "thread";
    public static final String THREAD_END = "jdk.ThreadEnd";
    public static final String THREAD_END_THREAD = "thread";

    private JdkEvents() {
    }
}
