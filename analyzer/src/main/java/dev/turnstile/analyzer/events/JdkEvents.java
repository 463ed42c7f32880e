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

    private JdkEvents() {
    }
}
