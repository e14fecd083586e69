package dev.roomcall.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SignalingClosedTest {

    @Test
    void aRefusedCertificateIsFinalAndSaysSo() {
        SignalingClosed refused = new SignalingClosed(Protocol.CLOSE_TLS, "certificate fingerprint mismatch: expected A, got B", false);

        assertTrue(refused.isFinal(), "the same certificate would be refused again");
        assertEquals("the server's certificate was refused (1015 certificate fingerprint mismatch: expected A, got B)",
                refused.describe());
    }

    @Test
    void aLostConnectionIsNotFinal() {
        assertFalse(new SignalingClosed(1006, "", false).isFinal());
        assertFalse(new SignalingClosed(-1, "Connection refused", false).isFinal());
    }

    @Test
    void theServersRefusalsAreFinalButOnlyFromTheServer() {
        assertTrue(new SignalingClosed(Protocol.CLOSE_LIMIT, "too many joins, slow down", true).isFinal());
        assertFalse(new SignalingClosed(Protocol.CLOSE_LIMIT, "", false).isFinal());
    }
}
