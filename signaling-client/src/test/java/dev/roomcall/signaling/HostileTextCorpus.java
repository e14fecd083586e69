package dev.roomcall.signaling;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The hostile-text corpus ({@code hostile-text.json}, shared with the page's tests): markup, scripts,
 * {@code javascript:} links, 1 MB strings, bidi overrides, zero-width joiners, invalid surrogates, each with what the
 * one rule ({@link DisplayText}) must make of it.
 */
public record HostileTextCorpus(String name, DisplayText.Kind kind, String input, String expected, boolean shortened) {

    @Override
    public String toString() {
        return name;
    }

    public static List<HostileTextCorpus> load() throws IOException {
        try (InputStream in = HostileTextCorpus.class.getResourceAsStream("/hostile-text.json")) {
            JsonArray entries = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonArray();
            List<HostileTextCorpus> corpus = new ArrayList<>();
            for (JsonElement element : entries) {
                corpus.add(entry(element.getAsJsonObject()));
            }
            return corpus;
        }
    }

    private static HostileTextCorpus entry(JsonObject e) {
        String prefix = e.has("prefix") ? e.get("prefix").getAsString().repeat(e.get("prefixRepeat").getAsInt()) : "";
        String unit = e.get("input").getAsString();
        String input = prefix + (e.has("repeat") ? unit.repeat(e.get("repeat").getAsInt()) : unit);
        String expected;
        if (e.has("expectedPrefixOnly")) {
            expected = prefix;
        } else {
            String wanted = e.get("expected").getAsString();
            expected = e.has("expectedRepeat") ? wanted.repeat(e.get("expectedRepeat").getAsInt()) : wanted;
        }
        return new HostileTextCorpus(e.get("name").getAsString(), DisplayText.Kind.valueOf(e.get("kind").getAsString()),
                input, expected, e.has("shortened") && e.get("shortened").getAsBoolean());
    }
}
