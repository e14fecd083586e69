package dev.roomcall.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP/1.1 request written by hand, so a test controls every byte (a hostile Host header, a method no client
 * library sends) and sees the answer's status and headers exactly.
 */
final class RawHttp {

    record Answer(int status, Map<String, String> headers) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private RawHttp() {}

    /** @param tls null for plain http, else the factory to open the TLS connection with */
    static Answer request(SSLSocketFactory tls, int port, String method, String path, String host) throws IOException {
        return request(tls, port, method, path, host, "");
    }

    /** @param extraHeaders more header lines, each ending in CRLF */
    static Answer request(SSLSocketFactory tls, int port, String method, String path, String host, String extraHeaders)
            throws IOException {
        try (Socket socket = tls == null ? new Socket("127.0.0.1", port) : tls.createSocket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            String request = method + " " + path + " HTTP/1.1\r\n" + (host == null ? "" : "Host: " + host + "\r\n")
                    + extraHeaders + "Connection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            String head = readHead(socket.getInputStream());
            String[] lines = head.split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, String> headers = new TreeMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.merge(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim(), (a, b) -> a + ", " + b);
            }
            return new Answer(status, headers);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int b;
        while ((b = in.read()) != -1) {
            head.append((char) b);
            if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                return head.substring(0, head.length() - 4);
            }
        }
        throw new IOException("the connection ended inside the answer's head: " + head);
    }
}
