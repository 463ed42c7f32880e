package dev.turnstile.analyzer.jfr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a chunk's metadata event: a string table, then a tree of elements (root, metadata, class, field,
 * annotation, setting, region) whose attributes are indexes into that table. Only classes and their fields
 * (with the jdk.jfr.Unsigned annotation), and whether a class declares settings, matter here; everything else is
 * read and dropped.
 */
final class MetadataReader {
    private static final int MAX_DEPTH = 16;
    private static final long METADATA_TYPE_ID = 0;

    private record Element(String name, Map<String, String> attributes, List<Element> children) {
        String attribute(String key) {
            return attributes.get(key);
        }
    }

    private final ChunkInput in;
    private String[] strings;

    private MetadataReader(ChunkInput in) {
        this.in = in;
    }

    /** Returns the chunk's types by id, with each field linked to its type. */
    static LongMap<JfrType> read(ChunkInput in, int metadataPosition) throws JfrFormatException {
        return new MetadataReader(in).read(metadataPosition);
    }

    private LongMap<JfrType> read(int metadataPosition) throws JfrFormatException {
        in.position = metadataPosition;
        // Read as a long: a corrupt size must fail the check below, not wrap into a small int.
        long size = in.readLong();
        if (size <= 0 || size > in.chunkSize() - metadataPosition) {
            throw in.error("metadata event size " + size + " does not fit the chunk", metadataPosition);
        }
        in.limit = metadataPosition + (int) size;
        try {
            long typeId = in.readLong();
            if (typeId != METADATA_TYPE_ID) {
                throw in.error("expected the metadata event (type 0), found type " + typeId, metadataPosition);
            }
            in.readLong(); // start time
            in.readLong(); // duration
            in.readLong(); // metadata id
            strings = new String[in.readCount("metadata string")];
            for (int i = 0; i < strings.length; i++) {
                byte encoding = in.readByte();
                if (encoding == ChunkInput.STRING_CONSTANT) {
                    throw in.error("metadata string refers to a constant pool", in.position - 1);
                }
                strings[i] = in.readInlineString(encoding);
            }
            Element root = readElement(0);
            return buildTypes(root);
        } finally {
            in.limit = in.chunkSize();
        }
    }

    private Element readElement(int depth) throws JfrFormatException {
        if (depth > MAX_DEPTH) {
            throw in.error("metadata elements nested deeper than " + MAX_DEPTH);
        }
        String name = string();
        int attributeCount = in.readCount("metadata attribute");
        Map<String, String> attributes = new HashMap<>();
        for (int i = 0; i < attributeCount; i++) {
            String key = string();
            attributes.put(key, string());
        }
        int childCount = in.readCount("metadata element");
        List<Element> children = new ArrayList<>(childCount);
        for (int i = 0; i < childCount; i++) {
            children.add(readElement(depth + 1));
        }
        return new Element(name, attributes, children);
    }

    private String string() throws JfrFormatException {
        int start = in.position;
        int index = in.readInt();
        if (index < 0 || index >= strings.length) {
            throw in.error("metadata string index " + index + " outside the table of " + strings.length, start);
        }
        return strings[index];
    }

    private LongMap<JfrType> buildTypes(Element root) throws JfrFormatException {
        List<Element> classes = new ArrayList<>();
        for (Element child : root.children()) {
            if ("metadata".equals(child.name())) {
                for (Element c : child.children()) {
                    if ("class".equals(c.name())) {
                        classes.add(c);
                    }
                }
            }
        }
        // Annotations name their type by id, so names are known only once every class is seen.
        Map<Long, String> namesById = new HashMap<>();
        for (Element c : classes) {
            namesById.put(id(c, "id"), c.attribute("name"));
        }
        LongMap<JfrType> types = new LongMap<>();
        for (Element c : classes) {
            List<JfrField> fields = new ArrayList<>();
            for (Element f : c.children()) {
                if ("field".equals(f.name())) {
                    fields.add(field(f, namesById));
                }
            }
            long id = id(c, "id");
            boolean settings = c.children().stream().anyMatch(child -> "setting".equals(child.name()));
            types.put(id, new JfrType(id, c.attribute("name"), c.attribute("superType"),
                    "true".equals(c.attribute("simpleType")), fields, settings));
        }
        for (Element c : classes) {
            for (JfrField f : types.get(id(c, "id")).fields()) {
                JfrType fieldType = types.get(f.typeId());
                if (fieldType == null) {
                    throw in.error("field " + f.name() + " of " + c.attribute("name") + " has undeclared type id "
                            + f.typeId());
                }
                f.link(fieldType);
            }
        }
        return types;
    }

    private JfrField field(Element f, Map<Long, String> namesById) throws JfrFormatException {
        boolean unsigned = false;
        for (Element a : f.children()) {
            if ("annotation".equals(a.name()) && "jdk.jfr.Unsigned".equals(namesById.get(id(a, "class")))) {
                unsigned = true;
            }
        }
        String dimension = f.attribute("dimension");
        return new JfrField(f.attribute("name"), id(f, "class"), "true".equals(f.attribute("constantPool")),
                dimension != null && !"0".equals(dimension), unsigned);
    }

    private long id(Element e, String attribute) throws JfrFormatException {
        String value = e.attribute(attribute);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException notANumber) {
            throw in.error("metadata " + e.name() + " has " + attribute + "=" + value + ", not a number");
        }
    }
}
