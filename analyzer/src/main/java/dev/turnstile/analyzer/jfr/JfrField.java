package dev.turnstile.analyzer.jfr;

/** One field of a type as the chunk's metadata declares it; {@link Kind} says how its value is encoded. */
public final class JfrField {
    /** How a value is stored in the file, derived from the field's type and its constantPool flag. */
    public enum Kind { BOOLEAN, BYTE, CHAR, SHORT, INT, LONG, FLOAT, DOUBLE, STRING, REFERENCE, STRUCT }

    private final String name;
    private final long typeId;
    private final boolean constantPool;
    private final boolean array;
    private final boolean unsigned;
    JfrType type;
    Kind kind;
    /** Set when the chunk opens, for constant-pool fields: the pool their keys refer to (null when none). */
    LongMap<Chunk.Constant> pool;
    /** The last key read for this field and its constant: events in a row often share a thread or stack. */
    long lastKey;
    Object lastConstant;

    JfrField(String name, long typeId, boolean constantPool, boolean array, boolean unsigned) {
        this.name = name;
        this.typeId = typeId;
        this.constantPool = constantPool;
        this.array = array;
        this.unsigned = unsigned;
    }

    void link(JfrType type) {
        this.type = type;
        this.kind = constantPool ? Kind.REFERENCE : type.valueKind();
    }

    public String name() {
        return name;
    }

    long typeId() {
        return typeId;
    }

    public JfrType type() {
        return type;
    }

    public Kind kind() {
        return kind;
    }

    /** True for fields declared with dimension 1: the value is a {@code java.util.List}. */
    public boolean isArray() {
        return array;
    }

    /** Annotated jdk.jfr.Unsigned: {@link JfrEvent#longAt} widens byte, short and int values without sign. */
    public boolean isUnsigned() {
        return unsigned;
    }

    @Override
    public String toString() {
        return name + ":" + (type == null ? typeId : type.name()) + (array ? "[]" : "");
    }
}
