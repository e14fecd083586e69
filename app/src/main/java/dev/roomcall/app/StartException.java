package dev.roomcall.app;

/** Start-up failed in a way the person must be told about; {@link #code()} is stable for scripts. */
public final class StartException extends Exception {
    private final String code;

    public StartException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
