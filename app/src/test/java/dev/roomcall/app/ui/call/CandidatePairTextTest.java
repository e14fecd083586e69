package dev.roomcall.app.ui.call;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.roomcall.app.i18n.I18n;
import dev.roomcall.media.stats.CandidatePair;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CandidatePairTextTest {

    private static final CandidatePair RELAYED = new CandidatePair(
            new CandidatePair.Candidate("relay", "192.0.2.2", 50000, "udp", "udp"),
            new CandidatePair.Candidate("srflx", "10.0.0.2", 3478, "udp", ""));

    @AfterEach
    void english() {
        I18n.setLocale(Locale.ENGLISH);
    }

    @Test
    void aPairReadsTypeTransportAndBothAddresses() {
        I18n.setLocale(Locale.ENGLISH);
        assertEquals("relay · udp · 192.0.2.2:50000 ⇄ 10.0.0.2:3478", CandidatePairText.of(RELAYED));
    }

    @Test
    void theTypeIsInThePersonsLanguage() {
        I18n.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertEquals("中继 · udp · 192.0.2.2:50000 ⇄ 10.0.0.2:3478", CandidatePairText.of(RELAYED));
    }

    @Test
    void aRelayReachedOverTcpSaysSoAndIpv6IsBracketed() {
        I18n.setLocale(Locale.ENGLISH);
        CandidatePair pair = new CandidatePair(new CandidatePair.Candidate("relay", "2001:db8::1", 50000, "udp", "tcp"),
                new CandidatePair.Candidate("host", "2001:db8::2", 9, "udp", ""));
        assertEquals("relay · udp (TURN over tcp) · [2001:db8::1]:50000 ⇄ [2001:db8::2]:9", CandidatePairText.of(pair));
    }

    @Test
    void noPairIsADashAndAHalfKnownPairShowsWhatItKnows() {
        I18n.setLocale(Locale.ENGLISH);
        assertEquals("–", CandidatePairText.of(CandidatePair.NONE));
        assertEquals("host · udp · 10.1.1.1:1111 ⇄ ?", CandidatePairText.of(new CandidatePair(
                new CandidatePair.Candidate("host", "10.1.1.1", 1111, "udp", ""), null)));
    }
}
