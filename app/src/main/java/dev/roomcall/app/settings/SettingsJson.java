package dev.roomcall.app.settings;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The settings file's format. Reading is forgiving field by field: a value that is missing, of the wrong type or out
 * of range falls back to its default and is reported, so one bad entry (edited by hand, written by a newer version)
 * never costs the person the rest of their settings.
 */
final class SettingsJson {

    static final int VERSION = 1;

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private SettingsJson() {}

    static String write(SavedState state) {
        Settings s = state.settings();
        JsonObject root = new JsonObject();
        root.addProperty("version", VERSION);
        root.addProperty("server", s.server());
        JsonObject devices = new JsonObject();
        devices.addProperty("camera", s.devices().camera());
        devices.addProperty("microphone", s.devices().microphone());
        devices.addProperty("speaker", s.devices().speaker());
        root.add("devices", devices);
        root.addProperty("resolution", s.resolution().text());
        JsonArray ice = new JsonArray();
        for (IceServerSetting server : s.iceServers()) {
            JsonObject entry = new JsonObject();
            entry.addProperty("url", server.url());
            entry.addProperty("username", server.username());
            entry.addProperty("credential", server.credential());
            ice.add(entry);
        }
        root.add("iceServers", ice);
        root.addProperty("language", s.language().tag());
        root.addProperty("relayOnly", s.relayOnly());
        root.addProperty("shareSize", s.shareSize().text());
        root.addProperty("chimeVolume", s.chimeVolume());
        root.addProperty("displayName", s.displayName());
        if (state.window() != null) {
            WindowPlacement w = state.window();
            JsonObject window = new JsonObject();
            window.addProperty("x", w.x());
            window.addProperty("y", w.y());
            window.addProperty("width", w.width());
            window.addProperty("height", w.height());
            window.addProperty("maximized", w.maximized());
            root.add("window", window);
        }
        JsonArray recent = new JsonArray();
        for (RecentRoom room : state.recentRooms().list()) {
            JsonObject entry = new JsonObject();
            entry.addProperty("room", room.room());
            entry.addProperty("server", room.server());
            entry.addProperty("lastUsed", room.lastUsed().toString());
            recent.add(entry);
        }
        root.add("recentRooms", recent);
        return GSON.toJson(root) + "\n";
    }

    /**
     * @param problems told about each value that was ignored, in words for a log
     * @throws JsonParseException if the text is not a JSON object at all
     */
    static SavedState read(String json, Consumer<String> problems) {
        JsonElement parsed = JsonParser.parseString(json);
        if (!parsed.isJsonObject()) {
            throw new JsonParseException("the settings file holds no JSON object");
        }
        Fields root = new Fields(parsed.getAsJsonObject(), "", problems);
        Settings defaults = Settings.defaults();
        String server = root.value("server", defaults.server(), e -> {
            String text = e.getAsString().strip();
            if (!text.isEmpty() && ServerAddress.check(text).isPresent()) {
                throw new IllegalArgumentException("not a server address: " + text);
            }
            return text;
        });
        DevicePreferences devices = root.value("devices", defaults.devices(), e -> {
            Fields d = new Fields(e.getAsJsonObject(), "devices.", problems);
            return new DevicePreferences(d.string("camera"), d.string("microphone"), d.string("speaker"));
        });
        Resolution resolution = root.value("resolution", defaults.resolution(), e -> Resolution.fromText(e.getAsString())
                .orElseThrow(() -> new IllegalArgumentException("unknown resolution " + e)));
        List<IceServerSetting> iceServers = root.value("iceServers", defaults.iceServers(),
                e -> root.list(e, "iceServers", entry -> {
                    Fields f = new Fields(entry.getAsJsonObject(), "iceServers[].", problems);
                    return new IceServerSetting(f.string("url"), f.string("username"), f.string("credential"));
                }));
        Language language = root.value("language", defaults.language(), e -> Language.fromTag(e.getAsString())
                .orElseThrow(() -> new IllegalArgumentException("unknown language " + e)));
        boolean relayOnly = root.value("relayOnly", defaults.relayOnly(), e -> {
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
                throw new IllegalArgumentException("not true or false");
            }
            return e.getAsBoolean();
        });
        double chimeVolume = root.value("chimeVolume", defaults.chimeVolume(), e -> {
            double v = e.getAsDouble();
            if (!(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException("not between 0 and 1");
            }
            return v;
        });
        String displayName = root.value("displayName", defaults.displayName(), e -> {
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
                throw new IllegalArgumentException("not a text");
            }
            return e.getAsString();
        });
        ShareSize shareSize = root.value("shareSize", defaults.shareSize(), e -> ShareSize.fromText(e.getAsString())
                .orElseThrow(() -> new IllegalArgumentException("unknown share size " + e)));
        WindowPlacement window = root.value("window", null, e -> {
            JsonObject w = e.getAsJsonObject();
            return new WindowPlacement(w.get("x").getAsDouble(), w.get("y").getAsDouble(), w.get("width").getAsDouble(),
                    w.get("height").getAsDouble(), w.has("maximized") && w.get("maximized").getAsBoolean());
        });
        List<RecentRoom> recent = root.value("recentRooms", List.of(), e -> root.list(e, "recentRooms", entry -> {
            JsonObject r = entry.getAsJsonObject();
            return new RecentRoom(r.get("room").getAsString(),
                    r.has("server") ? r.get("server").getAsString() : Settings.BUILT_IN_SERVER,
                    Instant.parse(r.get("lastUsed").getAsString()));
        }));
        return new SavedState(new Settings(server, devices, resolution, iceServers, language, relayOnly, chimeVolume,
                displayName, shareSize),
                window,
                RecentRooms.of(recent));
    }

    /** Reads the fields of one JSON object, reporting and replacing what does not fit. */
    private static final class Fields {
        private final JsonObject object;
        private final String prefix;
        private final Consumer<String> problems;

        Fields(JsonObject object, String prefix, Consumer<String> problems) {
            this.object = object;
            this.prefix = prefix;
            this.problems = problems;
        }

        interface Reader<T> {
            T read(JsonElement element);
        }

        <T> T value(String name, T fallback, Reader<T> reader) {
            JsonElement element = object.get(name);
            if (element == null || element.isJsonNull()) {
                return fallback;
            }
            return attempt(prefix + name, element, reader, () -> fallback);
        }

        String string(String name) {
            return value(name, "", JsonElement::getAsString);
        }

        /** The entries of an array that can be read; the others are reported and skipped. */
        <T> List<T> list(JsonElement array, String name, Reader<T> reader) {
            List<T> items = new ArrayList<>();
            for (JsonElement entry : array.getAsJsonArray()) {
                T item = attempt(prefix + name + "[]", entry, reader, () -> null);
                if (item != null) {
                    items.add(item);
                }
            }
            return items;
        }

        private <T> T attempt(String where, JsonElement element, Reader<T> reader, Supplier<T> fallback) {
            try {
                return reader.read(element);
            } catch (RuntimeException e) {
                // Gson's getAs* throw IllegalStateException/UnsupportedOperationException/NullPointerException
                // on a wrong shape; the value constructors throw IllegalArgumentException/DateTimeException.
                problems.accept(where + " ignored (" + shorten(element.toString()) + "): " + e.getMessage());
                return fallback.get();
            }
        }

        private static String shorten(String s) {
            return s.length() <= 80 ? s : s.substring(0, 80) + "…";
        }
    }
}
