package dev.roomcall.media.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ChatTextTest {

    @Test
    void ordinaryTextPassesUnchangedIncludingLineBreaksAndOtherScripts() {
        PeerMessage.Chat chat = ChatText.bound("Hello 你好 👋\nsecond line");
        assertEquals("Hello 你好 👋\nsecond line", chat.text());
        assertFalse(chat.shortened());
    }

    @Test
    void textLongerThanTheLimitIsCutAndMarkedShortened() {
        PeerMessage.Chat chat = ChatText.bound("x".repeat(ChatText.MAX_CHARS + 500));
        assertEquals(ChatText.MAX_CHARS, chat.text().length());
        assertTrue(chat.shortened(), "the reader must be told the text was cut");
    }

    @Test
    void theCutNeverSplitsACharacterMadeOfTwoUtf16Units() {
        String text = "a".repeat(ChatText.MAX_CHARS - 1) + "😀tail";
        PeerMessage.Chat chat = ChatText.bound(text);
        assertEquals("a".repeat(ChatText.MAX_CHARS - 1), chat.text(), "the emoji does not fit whole, so it goes");
        assertTrue(chat.shortened());
    }

    @Test
    void controlCharactersAndDirectionOverridesAreDropped() {
        PeerMessage.Chat chat = ChatText.bound("ok\u0000\u0007 \u202Etxt.exe\u202C\r done");
        assertEquals("ok txt.exe done", chat.text());
    }

    @Test
    void markupStaysLiteralText() {
        assertEquals("<b>hi</b> &amp;", ChatText.bound("<b>hi</b> &amp;").text());
    }

    @Test
    void blankOrMissingTextIsEmpty() {
        assertEquals("", ChatText.bound("  \n\t ").text());
        assertEquals("", ChatText.bound(null).text());
    }
}
