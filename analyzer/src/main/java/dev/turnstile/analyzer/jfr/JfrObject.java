package dev.turnstile.analyzer.jfr;

import java.util.Arrays;

/**
 * A value of a type without a class of its own here (a thread group, a class loader, an inline struct of an
 * event). Values are boxed as the JDK boxes them: Boolean, Byte, Short, Character, Integer, Long, Float,
 * Double, String, a resolved constant, a JfrObject, or a List for arrays.
 */
public final class JfrObject {
    private final JfrType type;
    private final Object[] values;

    JfrObject(JfrType type, Object[] values) {
        this.type = type;
        this.values = values;
    }

    public JfrType type() {
        return type;
    }

    public Object get(int field) {
        return values[field];
    }

    /** The named field's value, or null when this type has no such field. */
    public Object get(String field) {
        int index = type.field(field);
        return index == JfrType.NO_FIELD ? null : values[index];
    }

    String string(String field) {
        return get(field) instanceof String s ? s : null;
    }

    long number(String field) {
        return get(field) instanceof Number n ? n.longValue() : 0;
    }

    boolean flag(String field) {
        return get(field) instanceof Boolean b && b;
    }

    @Override
    public String toString() {
        return type.name() + Arrays.asList(values);
    }
}
