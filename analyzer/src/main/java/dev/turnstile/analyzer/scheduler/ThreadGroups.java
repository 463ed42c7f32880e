package dev.turnstile.analyzer.scheduler;

/**
 * Groups threads by name: the last run of digits becomes {@code *}, so the workers of one pool share a group
 * ({@code pool-1-thread-3} is in {@code pool-1-thread-*}) while other pools, ports and ids earlier in the name keep
 * their groups apart ({@code http-nio-8080-exec-*}, {@code pool-2-thread-*}).
 */
final class ThreadGroups {
    private ThreadGroups() {
    }

    static String groupOf(String threadName) {
        int end = threadName.length();
        while (end > 0 && !Character.isDigit(threadName.charAt(end - 1))) {
            end--;
        }
        if (end == 0) {
            return threadName;
        }
        int start = end;
        while (start > 0 && Character.isDigit(threadName.charAt(start - 1))) {
            start--;
        }
        return threadName.substring(0, start) + "*" + threadName.substring(end);
    }
}
