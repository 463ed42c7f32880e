package dev.turnstile.junit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.turnstile.gate.GateException;
import dev.turnstile.gate.GateRules;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link ConcurrencyBudget} as the gate's rules: the rules file it names, and its inline budgets written as a rules
 * document, so both are checked by the gate's own parser (an unknown finding id or a bad unit fails the same way).
 */
final class Budget {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Budget() {
    }

    /**
     * @param where  names the annotation in messages, e.g. the test method
     * @param loader finds a rules file on the test classpath
     * @return one or two rule sets (the file's, the inline ones), judged one after the other
     * @throws GateException for a missing or invalid rules file, a bad inline budget, or no budget at all
     */
    static List<GateRules> rules(ConcurrencyBudget budget, String where, ClassLoader loader) throws GateException {
        List<GateRules> rules = new ArrayList<>();
        if (!budget.rules().isBlank()) {
            rules.add(readFile(budget.rules(), loader));
        }
        ObjectNode inline = inline(budget);
        if (!inline.isEmpty()) {
            // JSON is YAML: the gate's parser reads the inline budget as it reads a file
            rules.add(GateRules.parse(inline.toString(), "@ConcurrencyBudget on " + where));
        } else if (!budget.lock().isBlank()) {
            throw new GateException("@ConcurrencyBudget on " + where + ": lock applies to maxLockBusy and"
                    + " maxLockWait, and neither is set");
        }
        if (rules.isEmpty()) {
            throw new GateException("@ConcurrencyBudget on " + where + " sets no budget: give rules, forbid,"
                    + " maxLockBusy or maxLockWait");
        }
        return rules;
    }

    private static ObjectNode inline(ConcurrencyBudget budget) {
        ObjectNode root = JSON.createObjectNode();
        if (budget.forbid().length > 0) {
            ArrayNode forbid = root.putArray("forbid");
            for (String id : budget.forbid()) {
                forbid.add(id);
            }
        }
        ArrayNode limits = JSON.createArrayNode();
        addLimit(limits, "locks.busy", budget.maxLockBusy(), budget.lock());
        addLimit(limits, "locks.waitNanos", budget.maxLockWait(), budget.lock());
        if (!limits.isEmpty()) {
            root.set("limits", limits);
        }
        return root;
    }

    private static void addLimit(ArrayNode limits, String metric, String max, String lock) {
        if (max.isBlank()) {
            return;
        }
        ObjectNode limit = limits.addObject();
        limit.put("metric", metric);
        limit.put("max", max.trim());
        if (!lock.isBlank()) {
            limit.put("lock", lock.trim());
        }
    }

    /** A resource on the test classpath first (src/test/resources), then a file. */
    private static GateRules readFile(String name, ClassLoader loader) throws GateException {
        String resource = name.startsWith("/") ? name.substring(1) : name;
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in != null) {
                return GateRules.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
            }
        } catch (IOException e) {
            throw new GateException(name + ": cannot read the rules resource (" + e.getMessage() + ")");
        }
        Path file;
        try {
            file = Path.of(name);
        } catch (java.nio.file.InvalidPathException e) {
            throw new GateException(name + ": no such rules resource, and not a file name (" + e.getReason() + ")");
        }
        if (!file.toFile().exists()) {
            throw new GateException(name + ": no such rules file on the test classpath or at "
                    + file.toAbsolutePath());
        }
        return GateRules.read(file);
    }
}
