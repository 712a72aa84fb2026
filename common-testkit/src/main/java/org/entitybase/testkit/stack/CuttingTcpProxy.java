package org.entitybase.testkit.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on a loopback port in front of one server (e.g. the stack's S3), that a test can switch to cutting:
 * while cutting, every connection (open ones included) is closed after the client has sent its first bytes, without
 * an answer, as a server killed mid-request would (a Java HTTP client then fails with "Unexpected end of file from
 * server"). Plain threads and blocking sockets: a test fixture, not a product.
 */
public final class CuttingTcpProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger cut = new AtomicInteger();
    private volatile boolean cutting;

    private CuttingTcpProxy(ServerSocket listener, InetSocketAddress target) {
        this.listener = listener;
        this.target = target;
    }

    /** Starts a proxy to {@code target}'s host and port. */
    public static CuttingTcpProxy start(URI target) {
        try {
            ServerSocket listener = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
            CuttingTcpProxy proxy =
                    new CuttingTcpProxy(listener, new InetSocketAddress(target.getHost(), target.getPort()));
            daemon("cutting-proxy-accept", proxy::acceptLoop);
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:<port>}: what the client under test should use instead of the target. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort());
    }

    /** From now on, cut every connection (closing the open ones now), or pass everything through again. */
    public void cutting(boolean on) {
        cutting = on;
        if (on) {
            for (Socket socket : open) {
                closeQuietly(socket);
            }
        }
    }

    /** How many connections were cut after the client had sent something. */
    public int connectionsCut() {
        return cut.get();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                daemon("cutting-proxy-conn", () -> serve(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket client) {
        open.add(client);
        try {
            if (cutting) {
                // wait for the request to start, then drop the connection without an answer
                if (client.getInputStream().read(new byte[8192]) > 0) {
                    cut.incrementAndGet();
                }
                return;
            }
            try (Socket server = new Socket()) {
                server.connect(target, 2000);
                open.add(server);
                Thread upstream = daemon("cutting-proxy-up", () -> pump(client, server, true));
                pump(server, client, false);
                upstream.join();
            } finally {
                open.removeIf(Socket::isClosed);
            }
        } catch (IOException | InterruptedException e) {
            // a cut or a closed peer: nothing to report
        } finally {
            closeQuietly(client);
            open.remove(client);
        }
    }

    /** Copies bytes from one socket to the other; a client-to-server copy cuts instead once cutting is on. */
    private void pump(Socket from, Socket to, boolean fromClient) {
        byte[] buffer = new byte[16384];
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (fromClient && cutting) {
                    cut.incrementAndGet();
                    break;
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // peer closed or cut
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static Thread daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // already closed
        }
        for (Socket socket : open) {
            closeQuietly(socket);
        }
    }
}
