package dev.roomcall.app.presentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.roomcall.app.i18n.I18n;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CallActionTest {

    @AfterEach
    void english() {
        I18n.setLocale(Locale.ENGLISH);
    }

    @Test
    void theDocumentedKeysMapToTheirActions() {
        assertEquals(CallAction.TOGGLE_MICROPHONE, CallAction.forKey("M", false));
        assertEquals(CallAction.TOGGLE_CAMERA, CallAction.forKey("v", false));
        assertEquals(CallAction.TOGGLE_FULLSCREEN, CallAction.forKey("F", false));
        assertEquals(CallAction.TOGGLE_STATS, CallAction.forKey("I", false));
        assertEquals(CallAction.TOGGLE_CHAT, CallAction.forKey("C", false));
        assertEquals(CallAction.TOGGLE_HELP, CallAction.forKey("H", false));
        assertEquals(CallAction.TOGGLE_HELP, CallAction.forKey("?", false));
        assertEquals(CallAction.HANG_UP, CallAction.forKey("Esc", false));
        assertEquals(CallAction.HANG_UP, CallAction.forKey("W", true));
    }

    @Test
    void otherKeysAndOtherControlCombinationsDoNothing() {
        assertNull(CallAction.forKey("W", false));
        assertNull(CallAction.forKey("M", true));
        assertNull(CallAction.forKey("Q", false));
        assertNull(CallAction.forKey(null, false));
    }

    @Test
    void everyActionIsDescribedInBothLanguages() {
        for (Locale locale : I18n.SUPPORTED) {
            I18n.setLocale(locale);
            for (CallAction action : CallAction.values()) {
                assertFalse(action.description().startsWith("!"), locale + " " + action);
            }
        }
        I18n.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertEquals("挂断（Esc 会先关闭已打开的面板）", CallAction.HANG_UP.description());
    }
}
