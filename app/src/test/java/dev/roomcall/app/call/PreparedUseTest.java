package dev.roomcall.app.call;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Whether a new peer session takes the one the call prepared while its socket connected. */
class PreparedUseTest {

    @ParameterizedTest(name = "prepared={0} alive={1} fits={2} -> {3}")
    @CsvSource({
            // prepared, alive, fits, what the new session does
            "false, false, false, OPEN",
            "false, true,  true,  OPEN",
            "true,  true,  true,  USE",
            "true,  true,  false, OPEN",
            "true,  false, true,  DROP_AND_OPEN",
            "true,  false, false, DROP_AND_OPEN",
    })
    void decides(boolean prepared, boolean alive, boolean fits, PreparedUse expected) {
        assertEquals(expected, PreparedUse.decide(prepared, alive, fits));
    }
}
