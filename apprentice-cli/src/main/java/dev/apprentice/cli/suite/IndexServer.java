package dev.apprentice.cli.suite;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The suite's one address on loopback: {@code /} is the {@link IndexPage}, {@code /status} the same
 * figures as JSON. It uses the JDK's HTTP server, since two read-only pages do not warrant a fourth
 * Quarkus application.
 */
public final class IndexServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final HttpServer server;

    private IndexServer(HttpServer server) {
        this.server = server;
    }

    /**
     * Serves {@code status} on {@code 127.0.0.1:port} (0: a free port).
     *
     * @throws IllegalStateException naming the port when it is taken
     */
    public static IndexServer start(int port, Supplier<SuiteStatus> status) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (BindException e) {
            throw new IllegalStateException("port " + port + " (the suite's index page) is already in use on 127.0.0.1;"
                    + " stop what holds it or choose another with --port");
        } catch (IOException e) {
            throw new UncheckedIOException("the suite's index page: cannot listen on 127.0.0.1:" + port, e);
        }
        server.createContext("/", exchange -> {
            if (!exchange.getRequestURI().getPath().equals("/")) {
                send(exchange, 404, "text/plain", "not found: the suite serves / and /status\n");
            } else {
                send(exchange, 200, "text/html", IndexPage.render(status.get()));
            }
        });
        server.createContext("/status", exchange -> send(exchange, 200, "application/json",
                JSON.writeValueAsString(status.get()) + "\n"));
        server.setExecutor(Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "suite-index");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        return new IndexServer(server);
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port>/}. */
    public String address() {
        return "http://127.0.0.1:" + port() + "/";
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                status = 405;
                type = "text/plain";
                body = "method " + method + " not allowed: the suite's pages are read-only\n";
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            if (method.equals("HEAD")) {
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }
}
