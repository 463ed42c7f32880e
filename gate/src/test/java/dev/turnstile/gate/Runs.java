package dev.turnstile.gate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Small JSON reports for the gate's unit tests: the fields the rules read, with chosen numbers. */
final class Runs {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode root = JSON.createObjectNode();

    private Runs() {
        root.put("schemaVersion", 1);
        root.putObject("tool").put("name", "turnstile");
        root.putArray("findings");
        root.putArray("locks");
        root.putArray("pools");
    }

    static Runs run() {
        return new Runs();
    }

    Runs lock(String lockClass, String site, long waitNanos, double busy) {
        ((ArrayNode) root.get("locks")).addObject().put("kind", "monitor").put("class", lockClass)
                .put("id", Integer.toHexString(System.identityHashCode(this))).put("criticalSection", site)
                .put("waitNanos", waitNanos).put("busy", busy).putNull("usersParallelism");
        return this;
    }

    Runs pool(String name, long p99Nanos) {
        ObjectNode pool = ((ArrayNode) root.get("pools")).addObject().put("name", name)
                .put("class", "java.util.concurrent.ThreadPoolExecutor");
        pool.putObject("queueWait").put("p99Nanos", p99Nanos);
        return this;
    }

    Runs finding(String id, String kind, String name, String site, String title) {
        ObjectNode finding = ((ArrayNode) root.get("findings")).addObject().put("id", id).put("title", title);
        finding.putObject("subject").put("kind", kind).put("name", name).put("site", site);
        return this;
    }

    RunReport as(String source) {
        return new RunReport(source, root);
    }
}
