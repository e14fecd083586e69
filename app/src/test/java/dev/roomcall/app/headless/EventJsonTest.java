package dev.roomcall.app.headless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonArray;
import org.junit.jupiter.api.Test;

class EventJsonTest {

    @Test
    void theEventNameComesFirstThenTheFieldsInTheOrderGiven() {
        JsonArray members = new JsonArray();
        members.add("m1");

        assertEquals("{\"event\":\"joined\",\"room\":\"r\",\"peers\":1,\"full\":false,\"members\":[\"m1\"],\"name\":null}",
                EventJson.of("joined", "room", "r", "peers", 1, "full", false, "members", members, "name", null)
                        .toString());
    }

    @Test
    void aKeyWithoutAValueOrAValueJsonCannotHoldIsTheCallersMistake() {
        assertThrows(IllegalArgumentException.class, () -> EventJson.of("x", "alone"));
        assertThrows(IllegalArgumentException.class, () -> EventJson.of("x", "when", new Object()));
    }
}
