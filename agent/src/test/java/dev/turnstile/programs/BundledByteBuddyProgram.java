package dev.turnstile.programs;

import static net.bytebuddy.matcher.ElementMatchers.named;

import java.lang.ref.WeakReference;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
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
 * many tasks and contended acquisitions it made. Then it lets go of the generated class and of a second copy of its
 * lock class, loaded and contended in a class loader of its own, and reports whether both loaders could be collected:
 * an agent that kept the classes it saw would keep their loaders, and all their classes, alive.
 */
public final class BundledByteBuddyProgram {
    static final int TASKS = 50;
    static final int HANDOFFS = 200;
    static final String GENERATED = "dev.turnstile.programs.generated.RunNowExecutor";

    private BundledByteBuddyProgram() {
    }

    public static void main(String[] args) throws Exception {
        AtomicInteger ran = new AtomicInteger();
        WeakReference<ClassLoader> generatedLoader = runGeneratedExecutor(ran);

        Mutex[] locks = new Mutex[HANDOFFS];
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Mutex();
        }
        int contended = Mutex.handOffEach(locks, "bundled-taker");
        WeakReference<ClassLoader> lockLoader = contendLocksOfAnotherLoader();

        Path byteBuddyJar = Path.of(ByteBuddy.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        boolean seesAgentsByteBuddy;
        try {
            Class.forName("dev.turnstile.agent.core.shaded.bytebuddy.ByteBuddy");
            seesAgentsByteBuddy = true;
        } catch (ClassNotFoundException expected) {
            seesAgentsByteBuddy = false;
        }
        System.out.println("truth: program=bundled-byte-buddy byteBuddyClass=" + ByteBuddy.class.getName()
                + " byteBuddyJar=" + byteBuddyJar.getFileName() + " generated=" + GENERATED
                + " tasks=" + ran.get() + " contended=" + contended + " lockClass=" + Mutex.class.getName()
                + " seesAgentsByteBuddy=" + seesAgentsByteBuddy
                + " generatedLoaderCollected=" + collected(generatedLoader)
                + " lockLoaderCollected=" + collected(lockLoader));
    }

    /** Generates the executor, runs the tasks through it, and keeps nothing of it but a weak reference to its loader. */
    private static WeakReference<ClassLoader> runGeneratedExecutor(AtomicInteger ran) throws Exception {
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
        for (int i = 0; i < TASKS; i++) {
            executor.execute(ran::incrementAndGet);
        }
        return new WeakReference<>(type.getClassLoader());
    }

    /**
     * Loads another copy of the lock class in a loader of its own, hands off 50 of its locks, and keeps nothing of it
     * but a weak reference to the loader.
     */
    private static WeakReference<ClassLoader> contendLocksOfAnotherLoader() throws Exception {
        URL classes = Mutex.class.getProtectionDomain().getCodeSource().getLocation();
        URLClassLoader loader = new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader());
        Class<?> mutex = loader.loadClass(Mutex.class.getName());
        Object locks = Array.newInstance(mutex, 50);
        Constructor<?> create = mutex.getDeclaredConstructor();
        create.setAccessible(true);
        for (int i = 0; i < 50; i++) {
            Array.set(locks, i, create.newInstance());
        }
        Method handOff = mutex.getDeclaredMethod("handOffEach", locks.getClass(), String.class);
        handOff.setAccessible(true);
        handOff.invoke(null, locks, "bundled-other-taker");
        loader.close();
        return new WeakReference<>(loader);
    }

    /** True once the loader was collected; gives the collector up to about five seconds. */
    private static boolean collected(WeakReference<ClassLoader> loader) throws InterruptedException {
        for (int attempt = 0; attempt < 50 && loader.get() != null; attempt++) {
            System.gc();
            Thread.sleep(100);
        }
        return loader.get() == null;
    }
}
