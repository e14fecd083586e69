package dev.roomcall.app.presentation;

/**
 * How well the connection carries the call, from round-trip time and packet loss, the two numbers that decide
 * whether people talk over each other or see frozen pictures. Thresholds follow the usual voice-over-IP rules of
 * thumb: up to 150 ms one way is unnoticeable and a percent of loss is hidden by the codecs; beyond 400 ms round
 * trip or 5 % loss a conversation suffers.
 */
public enum NetworkQuality {
    /** No measurement yet (not connected). */
    UNKNOWN,
    GOOD,
    FAIR,
    POOR;

    static final double FAIR_RTT_MS = 150;
    static final double POOR_RTT_MS = 400;
    static final double FAIR_LOSS_PERCENT = 1;
    static final double POOR_LOSS_PERCENT = 5;

    /**
     * @param rttMs       current round-trip time (on a LAN it may well be reported as 0)
     * @param lossPercent packets lost of those expected recently, 0..100
     */
    public static NetworkQuality rate(double rttMs, double lossPercent) {
        if (rttMs > POOR_RTT_MS || lossPercent > POOR_LOSS_PERCENT) {
            return POOR;
        }
        if (rttMs > FAIR_RTT_MS || lossPercent > FAIR_LOSS_PERCENT) {
            return FAIR;
        }
        return GOOD;
    }
}
