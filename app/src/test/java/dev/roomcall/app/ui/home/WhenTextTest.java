package dev.roomcall.app.ui.home;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.roomcall.app.i18n.I18n;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WhenTextTest {

    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

    @AfterEach
    void english() {
        I18n.setLocale(Locale.ENGLISH);
    }

    private static String ago(long seconds) {
        return WhenText.of(NOW.minusSeconds(seconds), NOW, ZoneOffset.UTC);
    }

    @Test
    void recentTimesAreSaidTheWayPeopleSayThem() {
        I18n.setLocale(Locale.ENGLISH);
        assertEquals("just now", ago(20));
        assertEquals("5 min ago", ago(5 * 60 + 10));
        assertEquals("3 h ago", ago(3 * 3600));
        assertEquals("yesterday", ago(26 * 3600));
        assertEquals("4 days ago", ago(4 * 86400));
        assertEquals("Feb 20, 2026", ago(18 * 86400));
    }

    @Test
    void andInChinese() {
        I18n.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertEquals("刚刚", ago(20));
        assertEquals("5 分钟前", ago(5 * 60 + 10));
        assertEquals("昨天", ago(26 * 3600));
        assertEquals("2026年2月20日", ago(18 * 86400));
    }
}
