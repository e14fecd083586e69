package dev.roomcall.app.ui.home;

import dev.roomcall.app.i18n.I18n;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** "just now", "5 min ago", "yesterday", a date: when a recent room was used, in words. */
final class WhenText {

    private static final I18n.Bundle TEXTS = I18n.bundle(HomeScreen.BUNDLE);

    private WhenText() {}

    static String of(Instant then, Instant now, ZoneId zone) {
        Duration ago = Duration.between(then, now);
        if (ago.toMinutes() < 1) {
            return TEXTS.text("when.now");
        }
        if (ago.toHours() < 1) {
            return TEXTS.text("when.minutes", ago.toMinutes());
        }
        if (ago.toDays() < 1) {
            return TEXTS.text("when.hours", ago.toHours());
        }
        if (ago.toDays() < 7) {
            return TEXTS.text("when.days", ago.toDays());
        }
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(I18n.locale()).withZone(zone)
                .format(then);
    }
}
