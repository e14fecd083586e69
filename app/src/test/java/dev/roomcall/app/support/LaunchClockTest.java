package dev.roomcall.app.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LaunchClockTest {

    /** /proc/PID/stat up to field 22 (start time, in ticks of 1/100 s); '|' stands for the fields in between. */
    private static String stat(String name, long startTicks) {
        return "4242 (" + name + ") S 1 4242 4242 0 -1 4194560 100 0 0 0 5 2 0 0 20 0 30 0 " + startTicks
                + " 3500000000 30000 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";
    }

    @ParameterizedTest(name = "{0}, started at tick {1}, uptime ''{2}'' → {3} ms")
    @CsvSource(delimiter = ';', value = {
            "java;                  1067851;  '10690.02 21000.00';    11510",
            "java;                  1067851;  '10678.51 21000.00';    0",
            "Roomcall launcher;     100;      '2.5 1.0';              1500",
            "a) b (c;               250;      '3.25 0';               750",
    })
    void timeSinceLaunchIsUptimeMinusTheProcessStartTime(String name, long startTicks, String uptime, long millis) {
        assertEquals(OptionalLong.of(millis), LaunchClock.sinceLaunch(stat(name, startTicks), uptime));
    }

    @ParameterizedTest(name = "stat ''{0}'', uptime ''{1}'' → nothing")
    @CsvSource(delimiter = ';', value = {
            "no parenthesis here;                 '10.0 1.0'",
            "1 (java) S 1 2 3;                    '10.0 1.0'",
            "'';                                  '10.0 1.0'",
    })
    void textThatIsNotWhatLinuxWritesGivesNothing(String stat, String uptime) {
        assertTrue(LaunchClock.sinceLaunch(stat, uptime).isEmpty());
    }

    @org.junit.jupiter.api.Test
    void badUptimeOrAStartInTheFutureGiveNothing() {
        assertTrue(LaunchClock.sinceLaunch(stat("java", 100), "soon 1.0").isEmpty());
        assertTrue(LaunchClock.sinceLaunch(stat("java", 5000), "10.0 1.0").isEmpty());
    }

    @org.junit.jupiter.api.Test
    void thisProcessWasLaunchedInThePast() {
        assertTrue(LaunchClock.millisSinceLaunch() > 0);
    }
}
