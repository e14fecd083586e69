package dev.roomcall.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LabNamesTest {

    @Test
    void namesCarryTheJvmsProcessId() {
        assertEquals("roomcall-lab-4242-inet", new LabNames(4242).of("inet"));
    }

    @Test
    void onlyLabsWhoseJvmIsGoneAreAbandoned() {
        String listing = """
                roomcall-lab-100-inet (id: 3)
                roomcall-lab-100-b (id: 7)
                roomcall-lab-200-inet (id: 4)
                someone-elses-namespace
                roomcall-lab-x-inet
                """;
        Set<Long> running = Set.of(200L);

        assertEquals(List.of("roomcall-lab-100-inet", "roomcall-lab-100-b"),
                LabNames.abandoned(listing, running::contains));
    }
}
