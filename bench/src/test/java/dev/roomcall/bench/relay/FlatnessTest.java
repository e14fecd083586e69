package dev.roomcall.bench.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FlatnessTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                // samples,                           tolerance, growth of the fitted line / mean, flat
                Arguments.of("100 100 100 100",              0.05, 0.0, true),
                Arguments.of("90 110 90 110 90 110 90 110 90 110 90 110 90 110 90 110", 0.05, 0.0353, true), // a saw-tooth, no trend
                Arguments.of("100 110 120 130 140",          0.05, 0.3333, false), // steady growth
                Arguments.of("100 101 102 103 104",          0.05, 0.0392, true),  // growth within the tolerance
                Arguments.of("140 130 120 110 100",          0.05, -0.3333, true), // shrinking is not growing
                Arguments.of("100 NaN 100 NaN 100",          0.05, 0.0, true),     // a failed reading is left out
                Arguments.of("0 0 0",                        0.05, 0.0, true));
    }

    @ParameterizedTest(name = "[{0}] within {1}")
    @MethodSource("cases")
    void aQuantityIsFlatUnlessItsTrendRisesMoreThanTheTolerance(String samples, double tolerance, double growth, boolean flat) {
        Flatness f = Flatness.of(values(samples), tolerance);
        assertEquals(growth, f.growth(), 1e-4);
        assertEquals(flat, f.flat());
    }

    @ParameterizedTest(name = "[{0}]")
    @MethodSource("tooFew")
    void fewerThanThreeReadingsAreNoVerdict(String samples) {
        assertThrows(IllegalArgumentException.class, () -> Flatness.of(values(samples), 0.05));
    }

    static Stream<String> tooFew() {
        return Stream.of("", "100", "100 200", "100 NaN NaN 200");
    }

    private static List<Double> values(String samples) {
        return samples.isBlank() ? List.of() : Arrays.stream(samples.split(" ")).map(Double::valueOf).toList();
    }
}
