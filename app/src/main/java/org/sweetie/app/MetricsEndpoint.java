package org.sweetie.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.sweetie.capture.live.Capture;
import org.sweetie.core.ChatNetwork;
import org.sweetie.persona.Decision;

/**
 * A running capture's figures for a monitoring system, in Prometheus' text format on loopback: lines stored, the
 * capture queue, commit latency, the guard's decisions by outcome and rule, and which networks are up. Counts and
 * states only: no chat content, no partner names, no conversation ids.
 */
final class MetricsEndpoint implements AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final HttpServer server;

    MetricsEndpoint(InetSocketAddress address) throws IOException {
        if (!address.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("the metrics endpoint listens on loopback only, not " + address);
        }
        server = HttpServer.create(address, 8);
        server.createContext("/metrics", this::scrape);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** The capture's queue, its commits and the partner lines it stores. */
    void observe(Capture capture) {
        Gauge.builder("sweetie_capture_queue_depth", capture, Capture::waiting)
                .description("deliveries waiting for the capture writer").register(registry);
        Timer commits = Timer.builder("sweetie_capture_commit").description("time to store one batch")
                .publishPercentiles(0.5, 0.99).register(registry);
        Counter deliveries = Counter.builder("sweetie_capture_deliveries").description("deliveries stored")
                .register(registry);
        capture.addObserver((count, nanos) -> {
            commits.record(nanos, TimeUnit.NANOSECONDS);
            deliveries.increment(count);
        });
        capture.addListener((network, conversation, message) -> Counter.builder("sweetie_capture_partner_lines")
                .description("partner lines stored").tag("network", network.name()).register(registry).increment());
    }

    /** 1 while the connection is up, 0 while it is down. */
    void observe(ChatNetwork connection) {
        Gauge.builder("sweetie_network_up", connection, c -> c.connected() ? 1 : 0)
                .description("whether the persona's connection to the network is up")
                .tag("network", connection.network().name()).tag("persona", connection.persona().handle())
                .register(registry);
    }

    /** Counts one of the guard's decisions. */
    void decided(Decision decision) {
        Counter.builder("sweetie_guard_decisions").description("the entrapment guard's decisions")
                .tag("outcome", decision.outcome().name().toLowerCase(Locale.ROOT)).tag("rule", decision.rule())
                .register(registry).increment();
    }

    private void scrape(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
            exchange.sendResponseHeaders(exchange.getRequestMethod().equals("GET") ? 200 : 405, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        registry.close();
    }
}
