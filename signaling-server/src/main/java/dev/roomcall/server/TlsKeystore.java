package dev.roomcall.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the server's TLS certificate and private key are: a PKCS12 keystore file and its password.
 * {@link SelfSignedCertificate} makes one; a certificate from a real authority (e.g. converted with
 * {@code openssl pkcs12 -export}) works the same way.
 *
 * @param path     the PKCS12 file; it must hold exactly one private key entry with its certificate chain
 * @param password the keystore's password (also used for the key entry)
 */
public record TlsKeystore(Path path, String password) {

    public TlsKeystore {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(password, "password");
    }

    /**
     * A keystore whose password is kept in a file, as {@code --tls-password-file} takes it: the first line,
     * without its line ending (so {@code echo secret > file} works).
     *
     * @throws IOException if the password file cannot be read
     */
    public static TlsKeystore withPasswordFile(Path keystore, Path passwordFile) throws IOException {
        String content = Files.readString(passwordFile, StandardCharsets.UTF_8);
        int end = content.indexOf('\n');
        String firstLine = end < 0 ? content : content.substring(0, end);
        return new TlsKeystore(keystore, firstLine.endsWith("\r") ? firstLine.substring(0, firstLine.length() - 1) : firstLine);
    }

    /** Never shows the password: configurations end up in logs and failure messages. */
    @Override
    public String toString() {
        return "TlsKeystore[path=" + path + ", password=***]";
    }
}
