package dev.turnstile.bench;

/** The smallest program: what is left of its run time is the JVM's start-up and shutdown. */
public final class Hello {
    private Hello() {
    }

    public static void main(String[] args) {
        System.out.println("hello");
    }
}
