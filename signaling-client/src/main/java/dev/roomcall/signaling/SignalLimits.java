package dev.roomcall.signaling;

import java.io.EOFException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every signaling message is held to before its fields are read (size, nesting, strict JSON, one object), and
 * the words for each refusal. The codec and the server's streaming classifier both use them, so they refuse the
 * same messages in the same words.
 */
public final class SignalLimits {

    /** Generous for any real SDP (Chromium's audio+video+data offer is ~6 KB), small for abuse. */
    public static final int MAX_MESSAGE_BYTES = 64 * 1024;

    /** Deeper JSON than this is never a signaling message, only an attempt to exhaust the stack. */
    public static final int MAX_NESTING = 16;

    public static final String EMPTY = "empty message";
    public static final String NOT_UTF8 = "binary frame is not UTF-8 text";
    public static final String TRAILING_DATA = "not JSON: trailing data after the JSON value";
    public static final String NOT_AN_OBJECT = "not a JSON object";
    public static final String TOO_DEEP = "JSON nested deeper than " + MAX_NESTING + " levels";

    private static final Pattern LOCATION = Pattern.compile("line (\\d+) column (\\d+)");

    private SignalLimits() {}

    /** A message of this many UTF-8 bytes is too large. */
    public static String tooLarge(long bytes) {
        return "message of " + bytes + " bytes exceeds " + MAX_MESSAGE_BYTES;
    }

    /** A String this long is too large whatever its encoding: its UTF-16 length is a lower bound of its UTF-8 size. */
    public static String tooManyCharacters(int characters) {
        return "message of " + characters + " characters exceeds " + MAX_MESSAGE_BYTES + " bytes";
    }

    /**
     * What went wrong and where, from Gson's exception for it, without Gson's advice to programmers
     * ("use setStrictness...").
     */
    public static String syntaxError(Throwable problem) {
        String message = String.valueOf(problem.getMessage());
        if (message.contains("Nesting limit")) {
            return TOO_DEEP;
        }
        Matcher at = LOCATION.matcher(message);
        String where = at.find() ? " at line " + at.group(1) + " column " + at.group(2) : "";
        if (problem instanceof EOFException || message.startsWith("End of input") || message.startsWith("Unterminated")) {
            return "not JSON: the text ends too early" + where;
        }
        return "not JSON: syntax error" + where;
    }
}
