package dev.turnstile.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * Load on a {@link CatalogServer} from the benchmark's own JVM, never the measured one: a fixed number of connections,
 * each with a thread that sends the next request as soon as the last is answered (a closed loop), nine reads for every
 * price change. The client does blocking I/O on the sending thread, so a request costs it no thread handoff and
 * leaves the CPUs to the server as far as a client on the same machine can. Latency is each request's round trip as
 * the client sees it; in a closed loop a slow answer delays the requests behind it instead of queueing them, so the
 * percentiles describe answers at this concurrency, not at a fixed arrival rate.
 */
final class CatalogLoad {
    record Result(double requestsPerSecond, double p50Micros, double p99Micros, long requests) {
    }

    private CatalogLoad() {
    }

    /** Loads the server for {@code warmUp}, forgets those answers, then measures for {@code measured}. */
    static Result run(int port, int connections, Duration warmUp, Duration measured) throws InterruptedException {
        Recorder micros = new Recorder(3);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> senders = new ArrayList<>();
        Histogram answers;
        double seconds;
        try (CloseableHttpClient client = client(connections)) {
            for (int i = 0; i < connections; i++) {
                Thread sender = new Thread(() -> send(client, port, micros, running, failure), "catalog-load-" + i);
                sender.setDaemon(true);
                senders.add(sender);
                sender.start();
            }
            Thread.sleep(warmUp.toMillis());
            micros.getIntervalHistogram();
            long start = System.nanoTime();
            Thread.sleep(measured.toMillis());
            answers = micros.getIntervalHistogram();
            seconds = (System.nanoTime() - start) / 1e9;
            running.set(false);
            for (Thread sender : senders) {
                sender.join(60_000);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (failure.get() != null) {
            throw new IllegalStateException("a request to the catalogue server failed", failure.get());
        }
        if (answers.getTotalCount() == 0) {
            throw new IllegalStateException("no request was answered in " + measured);
        }
        return new Result(answers.getTotalCount() / seconds, answers.getValueAtPercentile(50),
                answers.getValueAtPercentile(99), answers.getTotalCount());
    }

    private static CloseableHttpClient client(int connections) {
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(connections)
                        .setMaxConnPerRoute(connections)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.ofSeconds(10)).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(30)).build())
                // a failed request must fail the measurement, not be retried behind its back
                .disableAutomaticRetries()
                .build();
    }

    private static void send(CloseableHttpClient client, int port, Recorder micros, AtomicBoolean running,
                             AtomicReference<Throwable> failure) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (running.get() && failure.get() == null) {
            // Popular items are asked for far more often: the cube of a uniform number crowds towards zero.
            int id = (int) (CatalogServer.ITEMS * Math.pow(random.nextDouble(), 3));
            String uri = "http://127.0.0.1:" + port + "/items/" + id;
            HttpUriRequestBase request;
            if (random.nextInt(10) == 0) {
                request = new HttpPost(uri);
                request.setEntity(new StringEntity(String.format(Locale.ROOT, "{\"price\": %.2f}",
                        1 + random.nextDouble() * 100), ContentType.APPLICATION_JSON));
            } else {
                request = new HttpGet(uri);
            }
            long sent = System.nanoTime();
            try {
                int length = client.execute(request, response -> {
                    if (response.getCode() != 200) {
                        throw new IllegalStateException("HTTP " + response.getCode() + " for " + uri);
                    }
                    return EntityUtils.toByteArray(response.getEntity()).length;
                });
                micros.recordValue((System.nanoTime() - sent) / 1000);
                if (length == 0) {
                    throw new IllegalStateException("an empty answer for " + uri);
                }
            } catch (IOException | RuntimeException e) {
                failure.compareAndSet(null, e);
                return;
            }
        }
    }
}
