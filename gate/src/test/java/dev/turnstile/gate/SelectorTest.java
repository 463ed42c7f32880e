package dev.turnstile.gate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SelectorTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void globsMatchWholeNamesWithClassNameCharactersLiteral() {
        Glob glob = Glob.of("dev.turnstile.*$Interpreter");
        assertTrue(glob.matches("dev.turnstile.samples.GilSample$Interpreter"));
        assertFalse(glob.matches("dev.turnstile.samples.GilSample$Interpreter2"), "the whole name must match");
        assertFalse(glob.matches("devXturnstile.samples.GilSample$Interpreter"), "a dot is a dot");
        assertTrue(Glob.of("worker-?").matches("worker-7"));
        assertFalse(Glob.of("worker-?").matches("worker-12"));
        assertFalse(Glob.of("*").matches(null), "a subject without the name is not selected");
    }

    @Test
    void everyPatternMustMatch() throws Exception {
        Section locks = Metrics.parse("locks.busy").section();
        JsonNode lock = JSON.readTree("""
                {"class": "com.example.Cache", "criticalSection": "com.example.Cache.get:42"}""");
        assertTrue(Selector.all().matches(locks, lock));
        assertTrue(selector("lock", "com.example.*", "site", "*.get:*").matches(locks, lock));
        assertFalse(selector("lock", "com.example.*", "site", "*.put:*").matches(locks, lock));
    }

    @Test
    void poolsAreNamedByTheirWorkersOrElseTheirClass() throws Exception {
        Section pools = Metrics.parse("pools.utilisation").section();
        JsonNode named = JSON.readTree("{\"name\": \"checkout-\", \"class\": \"java.util.concurrent.ThreadPoolExecutor\"}");
        JsonNode unnamed = JSON.readTree("{\"name\": null, \"class\": \"com.example.MyExecutor\"}");
        assertTrue(selector("pool", "checkout-*").matches(pools, named));
        assertTrue(selector("pool", "*MyExecutor").matches(pools, unnamed));
        assertTrue(pools.key(named).equals("checkout-") && pools.key(unnamed).equals("com.example.MyExecutor"));
    }

    @Test
    void findingSelectorsMatchOnlyTheirKindOfSubject() throws Exception {
        JsonNode pool = JSON.readTree("{\"kind\": \"pool\", \"name\": \"checkout-* (ThreadPoolExecutor)\"}");
        JsonNode lock = JSON.readTree("{\"kind\": \"lock\", \"name\": \"checkout-lock\", \"site\": \"a.B.c:1\"}");
        assertTrue(selector("pool", "checkout-*").matchesFinding(pool));
        assertTrue(selector("pool", "checkout-").matchesFinding(pool), "the pool's name, not how findings show it");
        assertFalse(selector("pool", "checkout-*").matchesFinding(lock));
        assertTrue(selector("site", "a.B.*").matchesFinding(lock));
    }

    private static Selector selector(String... namesAndPatterns) {
        Map<String, Glob> patterns = new java.util.HashMap<>();
        for (int i = 0; i < namesAndPatterns.length; i += 2) {
            patterns.put(namesAndPatterns[i], Glob.of(namesAndPatterns[i + 1]));
        }
        return new Selector(patterns);
    }
}
