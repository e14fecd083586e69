package dev.roomcall.signaling;

import java.util.List;

/**
 * A JSON value as {@link SignalRules} reads it. The codec shows it Gson's tree; the server's streaming classifier
 * shows it only the members named in {@link SignalFields}, so both are judged by the same rules.
 */
public interface JsonView {

    enum Type { OBJECT, ARRAY, STRING, NUMBER, BOOLEAN, NULL }

    Type type();

    /** An object's member, or null if it has none of that name (a JSON null is a value of type NULL). */
    JsonView member(String name);

    /** An array's elements. */
    List<? extends JsonView> elements();

    /**
     * A string's or number's text. A reader that skips values nobody compares may answer {@code ""} for the strings
     * outside {@link SignalFields#COMPARED_STRINGS}.
     */
    String text();
}
