package org.entitybase.testkit.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 connection over a plain socket, for tests about the connection itself: which request shares it with
 * which, whether the server says {@code Connection: close} and then closes. Clients such as the JDK's hide both.
 * Answers must carry a Content-Length (every answer of the services does for the requests tests send here).
 */
public final class RawHttpConnection implements AutoCloseable {

    /** An answer read off the connection: status, headers (names lower-cased) and body. */
    public record Answer(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String hostHeader;

    private RawHttpConnection(Socket socket, String hostHeader) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.hostHeader = hostHeader;
    }

    /** Connects to the host and port of {@code base} (e.g. {@code http://127.0.0.1:8081}); reads time out after 30 s. */
    public static RawHttpConnection open(URI base) {
        try {
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
            socket.setSoTimeout(30_000);
            return new RawHttpConnection(socket, base.getHost() + ":" + base.getPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes a request head announcing {@code contentLength} body bytes and the first {@code bodyBytesSent} of them
     * (zeros), the rest never: for a server that must answer without reading the body.
     */
    public void sendHead(
            String method, String path, Map<String, String> headers, long contentLength, int bodyBytesSent) {
        StringBuilder head = new StringBuilder()
                .append(method)
                .append(' ')
                .append(path)
                .append(" HTTP/1.1\r\nHost: ")
                .append(hostHeader)
                .append("\r\n");
        headers.forEach(
                (name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (contentLength >= 0) {
            head.append("Content-Length: ").append(contentLength).append("\r\n");
        }
        head.append("\r\n");
        try {
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(new byte[bodyBytesSent]);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A whole request with a UTF-8 body ({@code null}: none). */
    public void send(String method, String path, Map<String, String> headers, String body) {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        sendHead(method, path, headers, body == null ? -1 : bytes.length, 0);
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one answer: status line, headers, and a body of its Content-Length. */
    public Answer read() {
        try {
            String statusLine = line();
            if (statusLine == null) {
                throw new IOException("the connection was closed before an answer");
            }
            int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line = line(); line != null && !line.isEmpty(); line = line()) {
                int colon = line.indexOf(':');
                headers.put(
                        line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).trim());
            }
            String length = headers.get("content-length");
            if (length == null) {
                throw new IOException("an answer without Content-Length: " + statusLine + " " + headers);
            }
            byte[] body = in.readNBytes(Integer.parseInt(length));
            return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether the server closes its side within {@code millis}: end of stream (or a reset) comes, with no byte before
     * it. False if the connection stays open that long.
     */
    public boolean closedByServerWithin(int millis) {
        try {
            socket.setSoTimeout(millis);
            return in.read() == -1;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset: closed too
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a test's socket
        }
    }
}
