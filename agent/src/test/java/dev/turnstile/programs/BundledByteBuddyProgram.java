package dev.turnstile.programs;

import static net.bytebuddy.matcher.ElementMatchers.named;

import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.dynamic.loading.ClassLoadingStrategy;
import net.bytebuddy.implementation.MethodCall;

/**
 * A program that bundles its own Byte Buddy, of another version than the agent's and not relocated (the test puts
 * byte-buddy-1.14.x.jar on its class path): it generates an Executor class at run time, loads it, runs tasks through
 * it, and takes locks that another thread holds. Its truth: which Byte Buddy it used, the generated class, and how
 * many tasks and contended acquisitions it made.
 */
public final class BundledByteBuddyProgram {
    static final int TASKS = 50;
    static final int HANDOFFS = 200;
    static final String GENERATED = "dev.turnstile.programs.generated.RunNowExecutor";

    private BundledByteBuddyProgram() {
    }

    public static void main(String[] args) throws Exception {
        // An executor that runs each task on the caller: execute(task) is generated as task.run().
        Class<? extends Executor> type = new ByteBuddy()
                .subclass(Object.class)
                .name(GENERATED)
                .implement(Executor.class)
                .method(named("execute"))
                .intercept(MethodCall.invoke(Runnable.class.getMethod("run")).onArgument(0))
                .make()
                .load(BundledByteBuddyProgram.class.getClassLoader(), ClassLoadingStrategy.Default.WRAPPER)
                .getLoaded()
                .asSubclass(Executor.class);
        Executor executor = type.getDeclaredConstructor().newInstance();
        AtomicInteger ran = new AtomicInteger();
        for (int i = 0; i < TASKS; i++) {
            executor.execute(ran::incrementAndGet);
        }

        Mutex[] locks = new Mutex[HANDOFFS];
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Mutex();
        }
        int contended = Mutex.handOffEach(locks, "bundled-taker");

        Path byteBuddyJar = Path.of(ByteBuddy.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        boolean seesAgentsByteBuddy;
        try {
            Class.forName("dev.turnstile.agent.core.shaded.bytebuddy.ByteBuddy");
            seesAgentsByteBuddy = true;
        } catch (ClassNotFoundException expected) {
            seesAgentsByteBuddy = false;
        }
        System.out.println("truth: program=bundled-byte-buddy byteBuddyClass=" + ByteBuddy.class.getName()
                + " byteBuddyJar=" + byteBuddyJar.getFileName() + " generated=" + type.getName()
                + " tasks=" + ran.get() + " contended=" + contended + " lockClass=" + Mutex.class.getName()
                + " seesAgentsByteBuddy=" + seesAgentsByteBuddy);
    }
}
