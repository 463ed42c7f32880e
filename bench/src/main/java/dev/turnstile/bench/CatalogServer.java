package dev.turnstile.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The overhead benchmark's web-service workload, run in the measured JVM: a product catalogue served by Jetty on
 * 127.0.0.1 (a free port, printed as {@code port=N} once it listens; SIGTERM stops it).
 *
 * <p>{@code GET /items/{id}} answers an item as JSON, from a least-recently-used cache behind one
 * {@link ReentrantLock}, loading it on a miss (a digest over a kilobyte stands in for decoding a database row);
 * {@code POST /items/{id}} with a body such as {@code {"price": 12.5}} changes an item's price. Every request also
 * counts itself in statistics guarded by {@code synchronized}, which each answer reports. So the service has what
 * real ones have: shared state behind both kinds of lock, JSON in and out, misses that cost more than hits, and
 * contention that grows with the load.
 */
public final class CatalogServer {
    /** Items that exist; the cache holds a fifth of them, and the load favours low ids, as shoppers favour bestsellers. */
    static final int ITEMS = 20_000;
    private static final int CACHED = ITEMS / 5;

    private CatalogServer() {
    }

    public static void main(String[] args) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("catalog");
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new CatalogHandler());
        server.setStopAtShutdown(true);
        server.start();
        System.out.println("port=" + connector.getLocalPort());
        System.out.flush();
        server.join();
    }

    record Item(int id, String name, String sku, double price, List<String> tags, String description) {
        Item withPrice(double newPrice) {
            return new Item(id, name, sku, newPrice, tags, description);
        }
    }

    record PriceChange(double price) {
    }

    record Answer(Item item, boolean cached, long requestsServed, double hitRatio) {
    }

    private static final class CatalogHandler extends Handler.Abstract {
        private final ObjectMapper json = new ObjectMapper();
        private final ItemCache cache = new ItemCache(CACHED);
        private final RequestStats stats = new RequestStats();

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            String path = Request.getPathInContext(request);
            int id;
            try {
                id = Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
            } catch (NumberFormatException e) {
                id = -1;
            }
            if (!path.startsWith("/items/") || id < 0 || id >= ITEMS) {
                Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
                return true;
            }
            Answer answer;
            if (request.getMethod().equals("POST")) {
                PriceChange change = json.readValue(Content.Source.asString(request, StandardCharsets.UTF_8),
                        PriceChange.class);
                answer = new Answer(cache.update(id, change.price()), true, stats.served(true), stats.hitRatio());
            } else {
                Item item = cache.get(id);
                boolean hit = item != null;
                if (!hit) {
                    item = cache.putIfAbsent(load(id));
                }
                answer = new Answer(item, hit, stats.served(hit), stats.hitRatio());
            }
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            response.write(true, ByteBuffer.wrap(json.writeValueAsBytes(answer)), callback);
            return true;
        }
    }

    /** Decoding a stored row, stood in for by hashing a kilobyte a few times: some tens of microseconds of CPU. */
    static Item load(int id) {
        byte[] row = new byte[1024];
        for (int i = 0; i < row.length; i++) {
            row[i] = (byte) (id * 31 + i);
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = row;
            for (int round = 0; round < 8; round++) {
                sha.update(row);
                digest = sha.digest(digest);
            }
            String hex = HexFormat.of().formatHex(digest);
            return new Item(id, "Item " + id, "SKU-" + hex.substring(0, 10).toUpperCase(Locale.ROOT),
                    5 + (id % 200) * 0.25, List.of("tag" + id % 7, "tag" + id % 11, "tag" + id % 13),
                    "Description of item " + id + ", checksum " + hex);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Least recently used first out, as services often write it: a {@link LinkedHashMap} in access order, whose
     * {@code get} reorders it, so even reads take the one lock.
     */
    private static final class ItemCache {
        private final ReentrantLock lock = new ReentrantLock();
        private final Map<Integer, Item> items;

        ItemCache(int capacity) {
            this.items = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Integer, Item> eldest) {
                    return size() > capacity;
                }
            };
        }

        Item get(int id) {
            lock.lock();
            try {
                return items.get(id);
            } finally {
                lock.unlock();
            }
        }

        /** The item another request loaded meanwhile, if any, so every reader sees one version. */
        Item putIfAbsent(Item loaded) {
            lock.lock();
            try {
                Item present = items.putIfAbsent(loaded.id(), loaded);
                return present != null ? present : loaded;
            } finally {
                lock.unlock();
            }
        }

        Item update(int id, double price) {
            Item current = get(id);
            Item changed = (current != null ? current : load(id)).withPrice(price);
            lock.lock();
            try {
                items.put(id, changed);
            } finally {
                lock.unlock();
            }
            return changed;
        }
    }

    private static final class RequestStats {
        private long served;
        private long hits;

        synchronized long served(boolean hit) {
            served++;
            if (hit) {
                hits++;
            }
            return served;
        }

        synchronized double hitRatio() {
            return served == 0 ? 0 : (double) hits / served;
        }
    }
}
