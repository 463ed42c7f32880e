package dev.turnstile.analyzer.jfr;

/** One frame of a stack trace; {@code type} is the frame type's description ("Interpreted", "JIT compiled", ...). */
public record JfrFrame(JfrMethod method, int lineNumber, int bytecodeIndex, String type) {
    /** Name of the declaring class, or null when the method or its class is unknown. */
    public String className() {
        return method == null || method.declaringClass() == null ? null : method.declaringClass().name();
    }

    public String methodName() {
        return method == null ? null : method.name();
    }
}
