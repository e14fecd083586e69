package dev.roomcall.media.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VideoCodecOrderTest {

    @ParameterizedTest(name = "{0} preferring {1} -> {2}")
    @CsvSource(delimiter = ';', textBlock = """
            # libwebrtc's order;                          preferred; result
            VP8 rtx H264 H264 rtx AV1 red ulpfec;        H264;      H264 H264 VP8 rtx rtx AV1 red ulpfec
            VP8 rtx H264 H264 rtx AV1 red ulpfec;        h264;      H264 H264 VP8 rtx rtx AV1 red ulpfec
            H264 VP8 rtx;                                H264;      H264 VP8 rtx
            VP8 VP9 rtx;                                 H264;      VP8 VP9 rtx
            VP8 VP9 VP9 AV1;                             VP9;       VP9 VP9 VP8 AV1
            '';                                          H264;      ''
            """)
    void thePreferredCodecGoesFirstAndNothingIsDropped(String codecs, String preferred, String expected) {
        assertEquals(names(expected), VideoCodecOrder.preferring(names(codecs), Function.identity(), preferred));
    }

    @ParameterizedTest(name = "entries keep their own order: {0}")
    @CsvSource(delimiter = ';', textBlock = """
            VP8 H264/1 rtx H264/0 AV1;   H264/1 H264/0 VP8 rtx AV1
            H264/0 VP8 H264/1;           H264/0 H264/1 VP8
            """)
    void severalEntriesOfTheCodecKeepTheirOrder(String codecs, String expected) {
        Function<String, String> name = entry -> entry.split("/")[0];
        assertEquals(names(expected), VideoCodecOrder.preferring(names(codecs), name, "H264"));
    }

    private static List<String> names(String text) {
        return text.isBlank() ? List.of() : Arrays.asList(text.trim().split(" +"));
    }
}
