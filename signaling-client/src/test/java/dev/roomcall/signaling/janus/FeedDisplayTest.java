package dev.roomcall.signaling.janus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class FeedDisplayTest {

    @ParameterizedTest(name = "{0} is member {1}, screen {2}")
    @CsvSource(delimiter = '|', value = {
            "p3                                  | p3                       | false",
            "{\"member\":\"p3\",\"screen\":true}   | p3                       | true",
            "{\"screen\":true,\"member\":\"p12\"}  | p12                      | true",
            "{\"member\":\"p3\",\"screen\":false}  | p3                       | false",
            "{\"member\":\"p3\"}                   | p3                       | false",
            "{\"member\":\"p3\",\"screen\":\"yes\"}| p3                       | false",
            "{\"screen\":true}                     | {\"screen\":true}        | false",
            "{not json                             | {not json                | false",
            "{\"member\":7,\"screen\":true}        | {\"member\":7,\"screen\":true} | false",
    })
    void readsWhoseFeedADisplayNames(String display, String member, boolean screen) {
        assertEquals(new FeedDisplay(member, screen), FeedDisplay.parse(display));
    }

    @Test
    void anEmptyOrMissingDisplayIsACameraOfNobodyNamed() {
        assertEquals(FeedDisplay.camera(""), FeedDisplay.parse(null));
        assertEquals(FeedDisplay.camera(""), FeedDisplay.parse(""));
    }

    @Test
    void whatIsPublishedReadsBackTheSame() {
        assertEquals("p3", FeedDisplay.camera("p3").text());
        assertEquals("{\"member\":\"p3\",\"screen\":true}", FeedDisplay.screenOf("p3").text());
        assertEquals(FeedDisplay.screenOf("p3"), FeedDisplay.parse(FeedDisplay.screenOf("p3").text()));
        assertEquals(FeedDisplay.camera("p3"), FeedDisplay.parse(FeedDisplay.camera("p3").text()));
    }
}
