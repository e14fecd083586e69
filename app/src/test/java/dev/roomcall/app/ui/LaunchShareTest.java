package dev.roomcall.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.roomcall.app.call.ShareOnConnect;
import dev.roomcall.app.call.ShareRequest;
import dev.roomcall.app.i18n.I18n;
import dev.roomcall.media.screen.ScreenListing;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the home screen says when the command line's {@code --share} cannot be had, in both languages. */
class LaunchShareTest {

    @AfterEach
    void english() {
        I18n.setLocale(Locale.ENGLISH);
    }

    @ParameterizedTest(name = "{0} {1}, notice ''{2}''")
    @CsvSource(delimiter = '|', value = {
        "en    | screen        |                  | No call was started: --share screen asked for a screen, but there is no screen that can be shared.",
        "en    | window:Report  |                  | No call was started: --share asked for the window \"Report\", but no open window has that in its title.",
        "en    | screen        | A Wayland session. | No call was started: --share screen asked for a screen, but there is no screen that can be shared. A Wayland session.",
        "zh-CN | screen        |                  | 未开始通话：--share screen 要求共享屏幕，但没有可以共享的屏幕。",
        "zh-CN | window:Report | 这是 Wayland 会话。 | 未开始通话：--share 要求共享窗口“Report”，但没有标题中含有它的已打开窗口。这是 Wayland 会话。",
    })
    void saysWhatWasAskedAndWhyItIsNotThere(String language, String asked, String notice, String expected) {
        I18n.setLocale(Locale.forLanguageTag(language));
        ScreenListing nothing = new ScreenListing(List.of(), Optional.ofNullable(notice));
        ShareOnConnect.Unavailable unavailable = assertThrows(ShareOnConnect.Unavailable.class,
                () -> ShareOnConnect.resolve(ShareRequest.parse(asked), nothing));

        assertEquals(expected, LaunchShare.problem(unavailable));
    }
}
