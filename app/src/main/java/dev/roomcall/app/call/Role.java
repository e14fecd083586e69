package dev.roomcall.app.call;

/** Who makes the offer. */
public enum Role {
    /**
     * On Roomcall's server the second joiner offers (the server says who is second). On a plain relay
     * that gives no presence, wait for the other side's offer, like {@link #CALLEE}.
     */
    AUTO,
    /** Offer as soon as the signaling socket is open: for relays where the waiting page never offers. */
    CALLER,
    /** Never offer first; answer whatever offer arrives. */
    CALLEE
}
