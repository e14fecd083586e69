package dev.roomcall.app.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class I18nTest {

    private static final String BUNDLE = "dev.roomcall.app.i18n.i18n-test";

    @AfterEach
    void backToEnglish() {
        I18n.setLocale(Locale.ENGLISH);
    }

    @Test
    void anyChineseLocaleGetsSimplifiedChineseAndEverythingElseEnglish() {
        assertEquals(Locale.SIMPLIFIED_CHINESE, I18n.pick(Locale.TRADITIONAL_CHINESE));
        assertEquals(Locale.SIMPLIFIED_CHINESE, I18n.pick(Locale.forLanguageTag("zh-Hans-CN")));
        assertEquals(Locale.ENGLISH, I18n.pick(Locale.GERMANY));
    }

    @Test
    void textFollowsTheChosenLanguageAndFillsArguments() {
        I18n.setLocale(Locale.ENGLISH);
        assertEquals("Room abc is full", I18n.text(BUNDLE, "room.full", "abc"));
        I18n.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertEquals("房间 abc 已满", I18n.text(BUNDLE, "room.full", "abc"));
    }

    /** Every text a person can see exists in both languages: a key in one bundle only shows as !key! in the other. */
    @Test
    void everyShippedBundleHasTheSameKeysInEnglishAndChinese() throws java.io.IOException {
        for (String bundle : List.of("dev/roomcall/app/ui/call/call", "dev/roomcall/app/ui/settings/settings",
                "dev/roomcall/app/ui/home/home", "dev/roomcall/app/ui/window", "dev/roomcall/app/ui/crash/crash",
                "dev/roomcall/app/notify/notify")) {
            assertEquals(keys(bundle + ".properties"), keys(bundle + "_zh_CN.properties"), bundle);
        }
    }

    private static java.util.Set<String> keys(String resource) throws java.io.IOException {
        try (java.io.InputStream in = I18nTest.class.getClassLoader().getResourceAsStream(resource)) {
            java.util.Properties texts = new java.util.Properties();
            texts.load(new java.io.InputStreamReader(java.util.Objects.requireNonNull(in, resource),
                    java.nio.charset.StandardCharsets.UTF_8));
            return new java.util.TreeSet<>(texts.stringPropertyNames());
        }
    }

    @Test
    void aMissingKeyIsVisibleInsteadOfFatal() {
        assertEquals("!no.such.key!", I18n.text(BUNDLE, "no.such.key"));
    }
}
