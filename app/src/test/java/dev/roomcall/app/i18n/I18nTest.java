package dev.roomcall.app.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

    @Test
    void aMissingKeyIsVisibleInsteadOfFatal() {
        assertEquals("!no.such.key!", I18n.text(BUNDLE, "no.such.key"));
    }
}
