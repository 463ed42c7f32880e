package dev.turnstile.analyzer.jfr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One chunk of a recording: its header, types and constant pools, and the decoding of values. Constant
 * pools are indexed when the chunk opens (key to byte position) and each constant is decoded the first
 * time an event refers to it, then kept: the same key gives the same object for the rest of the chunk.
 */
final class Chunk {
    private static final long CHECKPOINT_TYPE_ID = 1;
    /** Bounds nesting of inline structs and constants, so a type that contains itself cannot overflow the stack. */
    private static final int MAX_DEPTH = 64;

    /** A constant's place in the chunk and, once decoded, its value. */
    static final class Constant {
        final int position;
        Object value;
        boolean resolving;
        boolean resolved;

        Constant(int position) {
            this.position = position;
        }
    }

    final ChunkHeader header;
    final ChunkInput in;
    final LongMap<JfrType> types;
    private final LongMap<LongMap<Constant>> pools = new LongMap<>();
    private final JfrType[] typesById;
    /** Ticks per nanosecond as a double, as the JDK divides by it. */
    private final double ticksPerNanosecond;
    private int depth;
    /** The chunk before this one in the file, for constants this one refers to but does not hold; see below. */
    private Chunk previous;
    /** This chunk's threads by Java thread id, made on first use by {@link #threadByJavaId}. */
    private LongMap<JfrThread> threadsByJavaId;

    Chunk(ChunkHeader header, ChunkInput in, Chunk previous) throws JfrFormatException {
        this.header = header;
        this.previous = previous;
        if (previous != null) {
            previous.previous = null; // one chunk back only, so chunks do not pile up in memory
        }
        this.in = in;
        this.ticksPerNanosecond = header.ticksPerSecond() / 1_000_000_000.0;
        this.types = MetadataReader.read(in, (int) header.metadataPosition());
        this.typesById = new JfrType[1024];
        types.forEachValue(type -> {
            if (type.id() >= 0 && type.id() < typesById.length) {
                typesById[(int) type.id()] = type;
            }
        });
        indexConstantPools();
        types.forEachValue(type -> {
            for (JfrField field : type.fieldArray) {
                if (field.kind() == JfrField.Kind.REFERENCE) {
                    field.pool = pools.get(field.type().id());
                }
            }
        });
        in.position = ChunkHeader.SIZE;
    }

    /** The type of an id, from an array when ids are small (they are in JDK recordings): looked up per event. */
    JfrType type(long id) {
        return id >= 0 && id < typesById.length ? typesById[(int) id] : types.get(id);
    }

    /**
     * Epoch nanos of a tick count, computed as jdk.jfr's TimeConverter does, against this chunk's own start.
     * The JDK's RecordingFile instead keeps an earlier chunk's time base for later chunks (17: when their
     * metadata is unchanged; 25: always), which moves their times by the few nanoseconds between the chunks'
     * clock samples; a chunk appended by another writer (async-profiler) may count ticks differently, so only
     * its own base is right for it.
     */
    long epochNanos(long ticks) {
        return header.startNanos() + (long) ((ticks - header.startTicks()) / ticksPerNanosecond);
    }

    /**
     * Checkpoint events hold the pools. The header points at the last one; each names the distance back to
     * the one before (0 ends the chain). A chain that revisits a checkpoint is an error, not a loop.
     */
    private void indexConstantPools() throws JfrFormatException {
        Set<Integer> visited = new HashSet<>();
        long position = header.constantPoolPosition();
        while (true) {
            if (position < ChunkHeader.SIZE || position >= in.chunkSize()) {
                throw in.error("checkpoint position " + position + " outside the chunk", in.position);
            }
            if (!visited.add((int) position)) {
                throw in.error("checkpoint chain comes back to itself", (int) position);
            }
            long delta = indexCheckpoint((int) position);
            if (delta == 0) {
                return;
            }
            position += delta;
        }
    }

    private long indexCheckpoint(int start) throws JfrFormatException {
        in.position = start;
        // Read as a long: a corrupt size must fail the check below, not wrap into a small int.
        long size = in.readLong();
        if (size <= 0 || size > in.chunkSize() - start) {
            throw in.error("checkpoint size " + size + " does not fit the chunk", start);
        }
        in.limit = start + (int) size;
        try {
            long typeId = in.readLong();
            if (typeId != CHECKPOINT_TYPE_ID) {
                throw in.error("expected a checkpoint event (type 1), found type " + typeId, start);
            }
            in.readLong(); // start time
            in.readLong(); // duration
            long delta = in.readLong();
            in.readByte(); // flush flag (what kind of checkpoint), not needed to read it
            int poolCount = in.readCount("constant pool");
            for (int i = 0; i < poolCount; i++) {
                int poolStart = in.position;
                long poolTypeId = in.readLong();
                JfrType type = types.get(poolTypeId);
                if (type == null) {
                    throw in.error("constant pool of undeclared type id " + poolTypeId, poolStart);
                }
                LongMap<Constant> pool = pools.get(poolTypeId);
                if (pool == null) {
                    pool = new LongMap<>();
                    pools.put(poolTypeId, pool);
                }
                int count = in.readCount("constant");
                for (int j = 0; j < count; j++) {
                    long key = in.readLong();
                    pool.put(key, new Constant(in.position));
                    skipValue(type);
                }
            }
            return delta;
        } finally {
            in.limit = in.chunkSize();
        }
    }

    /** The constant of the given type and key, decoded on first use; null when the pool does not hold it. */
    Object resolve(JfrType type, long key) throws JfrFormatException {
        return resolve(pools.get(type.id()), type, key);
    }

    /** A constant-pool field's constant, from the field's own pool, remembering the last one. */
    private Object resolve(JfrField field, long key) throws JfrFormatException {
        if (key == field.lastKey && field.lastConstant != null) {
            return field.lastConstant;
        }
        Object constant = resolve(field.pool, field.type(), key);
        field.lastKey = key;
        field.lastConstant = constant;
        return constant;
    }

    private Object resolve(LongMap<Constant> pool, JfrType type, long key) throws JfrFormatException {
        Constant constant = pool == null ? null : pool.get(key);
        if (constant == null) {
            return previous == null ? null : previous.resolveFromLaterChunk(type, key);
        }
        if (constant.resolved) {
            return constant.value;
        }
        if (constant.resolving) {
            throw in.error("constant " + key + " of " + type.name() + " refers to itself", constant.position);
        }
        constant.resolving = true;
        int savedPosition = in.position;
        int savedLimit = in.limit;
        in.position = constant.position;
        in.limit = in.chunkSize();
        try {
            constant.value = Constants.typed(readValue(type.valueKind(), type));
            constant.resolved = true;
            return constant.value;
        } finally {
            constant.resolving = false;
            in.position = savedPosition;
            in.limit = savedLimit;
        }
    }

    /**
     * HotSpot does not always write a constant again in the chunk after the one that has it (a stack trace
     * seen at the rotation): we take it from the previous chunk, for a type of the same id and name, one chunk
     * back. The JDK's RecordingFile (17 and 25) does not: its ConstantMap answers null for an id missing from the
     * chunk (it reuses the previous chunk's object only for an id written again). So an event whose stack the
     * JDK shows as absent can have one here (2 monitor waits of a 30 MB EventStorm recording, in the analyzer's
     * comparison with its RecordingFile-based version).
     */
    private Object resolveFromLaterChunk(JfrType laterType, long key) throws JfrFormatException {
        JfrType type = type(laterType.id());
        if (type == null || !type.name().equals(laterType.name())) {
            return null;
        }
        LongMap<Constant> pool = pools.get(type.id());
        return pool == null || pool.get(key) == null ? null : resolve(pool, type, key);
    }

    /**
     * A thread of this chunk's thread pool (or, failing that, of the chunk before) found by its Java thread id, for
     * fields that hold a thread's id rather than the thread (the agent's lock owner). The pool is keyed by JFR's own
     * thread id, which on JDK 17 is not the Java one, so the first call decodes the whole pool; a constant that does
     * not decode is left out of it (no event refers to it through this chunk's pool either, or reading it failed).
     */
    JfrThread threadByJavaId(long javaThreadId) {
        if (threadsByJavaId == null) {
            threadsByJavaId = threadsByJavaId();
        }
        JfrThread thread = threadsByJavaId.get(javaThreadId);
        return thread != null || previous == null ? thread : previous.threadByJavaId(javaThreadId);
    }

    private LongMap<JfrThread> threadsByJavaId() {
        LongMap<JfrThread> threads = new LongMap<>();
        types.forEachValue(type -> {
            LongMap<Constant> pool = type.name().equals("java.lang.Thread") ? pools.get(type.id()) : null;
            if (pool == null) {
                return;
            }
            pool.forEachKey(key -> {
                try {
                    // Threads the JVM runs outside Java (GC, compiler) all have Java id 0.
                    if (resolve(pool, type, key) instanceof JfrThread thread && thread.javaThreadId() != 0) {
                        threads.put(thread.javaThreadId(), thread);
                    }
                } catch (JfrFormatException unreadable) {
                    // left out, as said above
                }
            });
        });
        return threads;
    }

    /**
     * Reads the fields of a struct: numbers (and constant keys) into {@code numbers}, strings, inline structs,
     * arrays and resolved constants into {@code objects}. Floats and doubles are stored as double bits.
     */
    void readFields(JfrType type, long[] numbers, Object[] objects) throws JfrFormatException {
        JfrField[] fields = type.fieldArray;
        for (int i = 0; i < type.fieldsRead; i++) {
            JfrField field = fields[i];
            if (field.isArray()) {
                objects[i] = readArray(field);
                continue;
            }
            switch (field.kind()) {
                case BOOLEAN -> numbers[i] = in.readByte() != 0 ? 1 : 0;
                case BYTE -> numbers[i] = field.isUnsigned() ? in.readByte() & 0xff : in.readByte();
                case SHORT -> numbers[i] = field.isUnsigned() ? in.readShort() & 0xffff : in.readShort();
                case CHAR -> numbers[i] = in.readChar();
                case INT -> numbers[i] = field.isUnsigned() ? in.readInt() & 0xffff_ffffL : in.readInt();
                case LONG -> numbers[i] = in.readLong();
                case FLOAT -> numbers[i] = Double.doubleToRawLongBits(in.readFloat());
                case DOUBLE -> numbers[i] = Double.doubleToRawLongBits(in.readDouble());
                case STRING -> objects[i] = readString();
                case REFERENCE -> {
                    long key = in.readLong();
                    numbers[i] = key;
                    objects[i] = resolve(field, key);
                }
                case STRUCT -> objects[i] = readStruct(field.type());
            }
        }
    }

    private List<Object> readArray(JfrField field) throws JfrFormatException {
        int count = in.readCount("array element");
        List<Object> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(readValue(field.kind(), field.type()));
        }
        return Collections.unmodifiableList(values);
    }

    /** One value, boxed as the JDK's getValue boxes it (unsigned values keep their sign there too). */
    private Object readValue(JfrField.Kind kind, JfrType type) throws JfrFormatException {
        return switch (kind) {
            case BOOLEAN -> in.readByte() != 0;
            case BYTE -> in.readByte();
            case SHORT -> in.readShort();
            case CHAR -> in.readChar();
            case INT -> in.readInt();
            case LONG -> in.readLong();
            case FLOAT -> in.readFloat();
            case DOUBLE -> in.readDouble();
            case STRING -> readString();
            case REFERENCE -> resolve(type, in.readLong());
            case STRUCT -> readStruct(type);
        };
    }

    private JfrObject readStruct(JfrType type) throws JfrFormatException {
        enter();
        try {
            List<JfrField> fields = type.fields();
            Object[] values = new Object[fields.size()];
            for (int i = 0; i < values.length; i++) {
                JfrField field = fields.get(i);
                values[i] = field.isArray() ? readArray(field)
                        : readValue(field.kind(), field.type());
            }
            return new JfrObject(type, values);
        } finally {
            depth--;
        }
    }

    String readString() throws JfrFormatException {
        byte encoding = in.readByte();
        if (encoding != ChunkInput.STRING_CONSTANT) {
            return in.readInlineString(encoding);
        }
        int at = in.position;
        long key = in.readLong();
        JfrType stringType = stringType();
        Object value = stringType == null ? null : resolve(stringType, key);
        if (value != null && !(value instanceof String)) {
            throw in.error("string constant " + key + " is not a string", at);
        }
        return (String) value;
    }

    private JfrType stringTypeCache;

    private JfrType stringType() {
        if (stringTypeCache == null) {
            types.forEachValue(t -> {
                if ("java.lang.String".equals(t.name())) {
                    stringTypeCache = t;
                }
            });
        }
        return stringTypeCache;
    }

    /** Moves past a value without building it: used to index constant pools. */
    private void skipValue(JfrType type) throws JfrFormatException {
        skipOne(type.valueKind(), type);
    }

    private void skipOne(JfrField.Kind kind, JfrType type) throws JfrFormatException {
        switch (kind) {
            case BOOLEAN, BYTE -> in.readByte();
            case SHORT -> in.readShort();
            case CHAR -> in.readChar();
            case INT -> in.readInt();
            case LONG, REFERENCE -> in.readLong();
            case FLOAT -> in.readFloat();
            case DOUBLE -> in.readDouble();
            case STRING -> in.skipString();
            case STRUCT -> {
                enter();
                try {
                    for (JfrField field : type.fields()) {
                        int count = field.isArray() ? in.readCount("array element") : 1;
                        for (int i = 0; i < count; i++) {
                            skipOne(field.kind(), field.type());
                        }
                    }
                } finally {
                    depth--;
                }
            }
        }
    }

    private void enter() throws JfrFormatException {
        if (++depth > MAX_DEPTH) {
            depth--;
            throw in.error("values nested deeper than " + MAX_DEPTH + " (a type that contains itself?)");
        }
    }
}
