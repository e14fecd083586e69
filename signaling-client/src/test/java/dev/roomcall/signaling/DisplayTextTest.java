package dev.roomcall.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The one rule for text from the other side, against the shared hostile-text corpus. */
class DisplayTextTest {

    static List<HostileTextCorpus> corpus() throws IOException {
        return HostileTextCorpus.load();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void theCorpusComesOutAsSpecified(HostileTextCorpus entry) {
        DisplayText.Bounded shown = DisplayText.bound(entry.input(), entry.kind());

        assertEquals(entry.expected(), shown.text(), entry.name());
        assertEquals(entry.shortened(), shown.shortened(), entry.name() + ": shortened");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void whatComesOutIsWithinTheLimitsAndStable(HostileTextCorpus entry) {
        DisplayText.Bounded shown = DisplayText.bound(entry.input(), entry.kind());

        assertTrue(shown.text().length() <= entry.kind().maxChars(), entry.name());
        assertEquals(shown.text(), DisplayText.bound(shown.text(), entry.kind()).text(), "applying the rule twice changes nothing");
        shown.text().codePoints().forEach(c -> {
            assertTrue(c >= 0x20 || c == '\n' || c == '\t', entry.name() + ": control U+" + Integer.toHexString(c));
            assertTrue(!DisplayText.hidden(c), entry.name() + ": hidden U+" + Integer.toHexString(c));
            assertTrue(!Character.isSurrogate((char) c) || Character.charCount(c) == 2, entry.name() + ": lone surrogate");
        });
    }

    @Test
    void nothingGivesEmptyText() {
        assertEquals(new DisplayText.Bounded("", false), DisplayText.bound(null, DisplayText.Kind.NAME));
    }

    @Test
    void everyKindOfHiddenCharacterIsInTheCorpus() throws IOException {
        String all = String.join("", corpus().stream().map(HostileTextCorpus::input).toList());
        for (int c : new int[] {0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200B,
                0x200D, 0xD800, 0xDC00, 0x0000, 0x0085}) {
            assertTrue(all.indexOf(c) >= 0, "corpus covers U+" + Integer.toHexString(c));
        }
        assertTrue(corpus().stream().anyMatch(e -> e.input().length() >= 1 << 20), "a 1 MB string");
    }
}
