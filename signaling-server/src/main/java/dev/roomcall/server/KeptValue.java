package dev.roomcall.server;

import dev.roomcall.signaling.JsonView;
import dev.roomcall.signaling.SignalFields;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One JSON value as far as the signaling rules need it: its type, and only where they look, its text, members or
 * elements. Everything else was skipped by the {@link StreamingReader} without being materialised.
 */
final class KeptValue implements JsonView {

    /** The position of each member name the rules read, in every object's member array. */
    private static final Map<String, Integer> SLOTS = new HashMap<>();
    private static final KeptValue[] BY_TYPE = new KeptValue[Type.values().length];

    static {
        for (String name : SignalFields.READ) {
            SLOTS.put(name, SLOTS.size());
        }
        for (Type type : Type.values()) {
            BY_TYPE[type.ordinal()] = new KeptValue(type, "", null, null);
        }
    }

    private final Type type;
    private final String text;
    private final KeptValue[] members;
    private final List<KeptValue> elements;

    private KeptValue(Type type, String text, KeptValue[] members, List<KeptValue> elements) {
        this.type = type;
        this.text = text;
        this.members = members;
        this.elements = elements;
    }

    /** Shared, for a value whose content nobody looks at: a skipped string reads as {@code ""}. */
    static KeptValue skipped(Type type) {
        return BY_TYPE[type.ordinal()];
    }

    static KeptValue scalar(Type type, String text) {
        return new KeptValue(type, text, null, null);
    }

    static KeptValue array(List<KeptValue> elements) {
        return new KeptValue(Type.ARRAY, "", null, elements);
    }

    /** An object's kept members, indexed by {@link #slot}. */
    static KeptValue object(KeptValue[] members) {
        return new KeptValue(Type.OBJECT, "", members, null);
    }

    static KeptValue[] newMembers() {
        return new KeptValue[SLOTS.size()];
    }

    /** Where a member of this name is kept; -1 for a name the rules never read. */
    static int slot(String name) {
        Integer slot = SLOTS.get(name);
        return slot == null ? -1 : slot;
    }

    @Override
    public Type type() {
        return type;
    }

    @Override
    public JsonView member(String name) {
        int slot = slot(name);
        return slot < 0 ? null : members[slot];
    }

    @Override
    public List<KeptValue> elements() {
        return elements;
    }

    @Override
    public String text() {
        return text;
    }
}
