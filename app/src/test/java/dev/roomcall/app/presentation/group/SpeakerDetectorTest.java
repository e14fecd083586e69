package dev.roomcall.app.presentation.group;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.roomcall.app.call.PeerId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SpeakerDetectorTest {

    private static final PeerId ANA = new PeerId("ana");
    private static final PeerId BO = new PeerId("bo");

    /** At {@code ms}, {@code peer}'s level (or, with a null peer, only a look at the clock), then who speaks. */
    record Step(long ms, PeerId peer, double level, Set<PeerId> speaking) {}

    record Case(String name, List<Step> steps) {}

    private static Step at(long ms, PeerId peer, double level, PeerId... speaking) {
        return new Step(ms, peer, level, Set.of(speaking));
    }

    private static Step look(long ms, PeerId... speaking) {
        return new Step(ms, null, 0, Set.of(speaking));
    }

    private static final List<Case> CASES = List.of(
            new Case("silence is nobody speaking",
                    List.of(at(0, ANA, 0.0), at(100, ANA, 0.01), at(200, ANA, 0.02))),
            new Case("speech that lasts past the onset lights the tile",
                    List.of(at(0, ANA, 0.3), at(100, ANA, 0.3), at(200, ANA, 0.3, ANA))),
            new Case("a single loud click does not",
                    List.of(at(0, ANA, 0.9), at(100, ANA, 0.0), at(200, ANA, 0.0), at(300, ANA, 0.9),
                            at(400, ANA, 0.0))),
            new Case("pauses between words keep it lit; only a long silence puts it out",
                    List.of(at(0, ANA, 0.3), at(200, ANA, 0.3, ANA), at(400, ANA, 0.0, ANA), at(900, ANA, 0.0, ANA),
                            at(1000, ANA, 0.3, ANA), at(1500, ANA, 0.0, ANA), at(2199, ANA, 0.0, ANA),
                            at(2200, ANA, 0.0))),
            new Case("soft speech between the two thresholds keeps a speaker lit but does not start one",
                    List.of(at(0, ANA, 0.05), at(300, ANA, 0.05), at(600, ANA, 0.3), at(800, ANA, 0.3, ANA),
                            at(1500, ANA, 0.05, ANA), at(2500, ANA, 0.05, ANA), at(3700, ANA, 0.0))),
            new Case("two people speak at once: both lit, each on their own",
                    List.of(at(0, ANA, 0.3), at(0, BO, 0.4), at(250, ANA, 0.3, ANA), at(250, BO, 0.4, ANA, BO),
                            at(1000, ANA, 0.3, ANA, BO), at(1000, BO, 0.0, ANA, BO), at(1500, ANA, 0.3, ANA))),
            new Case("when levels stop coming, the speaker falls silent after the hold",
                    List.of(at(0, ANA, 0.3), at(300, ANA, 0.3, ANA), look(1000, ANA), look(1500))),
            new Case("samples a second apart (statistics only) still find a speaker",
                    List.of(at(0, ANA, 0.3), at(1000, ANA, 0.3, ANA), at(2000, ANA, 0.3, ANA))),
            new Case("a loud sample long ago is no onset for one much later",
                    List.of(at(0, ANA, 0.3), at(5000, ANA, 0.3), at(5100, ANA, 0.0))),
            new Case("levels out of range are clamped, NaN is silence",
                    List.of(at(0, ANA, 7.0), at(300, ANA, 7.0, ANA), at(600, ANA, Double.NaN, ANA), at(1600, ANA, -3.0))));

    @Test
    void speakingStartsAfterTheOnsetAndEndsOnlyAfterTheHold() {
        for (Case c : CASES) {
            SpeakerDetector detector = new SpeakerDetector();
            int i = 0;
            for (Step step : c.steps()) {
                if (step.peer() != null) {
                    detector.level(step.peer(), step.level(), step.ms());
                }
                assertEquals(step.speaking(), detector.speaking(step.ms()), c.name() + ", step " + i++);
            }
        }
    }

    @Test
    void aForgottenPersonStartsFromSilence() {
        SpeakerDetector detector = new SpeakerDetector();
        detector.level(ANA, 0.3, 0);
        detector.level(ANA, 0.3, 300);
        detector.forget(ANA);
        assertEquals(Set.of(), detector.speaking(300));
        detector.level(ANA, 0.3, 400);
        assertEquals(Set.of(), detector.speaking(400), "a new onset is needed");
    }
}
