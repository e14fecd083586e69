package dev.roomcall.app.presentation.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.app.call.PeerId;
import dev.roomcall.app.i18n.I18n;
import dev.roomcall.app.presentation.NetworkQuality;
import dev.roomcall.media.stats.CallStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ParticipantsTest {

    private static final PeerId ANA = new PeerId("ana");
    private static final PeerId BO = new PeerId("bo");
    private static final PeerId CY = new PeerId("cy");

    private final AtomicLong clock = new AtomicLong();
    private final Participants people = new Participants(clock::get);
    private final List<Presence> said = new ArrayList<>();

    @BeforeEach
    void english() {
        I18n.setLocale(Locale.ENGLISH);
        people.onPresence(said::add);
    }

    private List<String> names() {
        return people.tiles().get().stream().map(Tile::name).toList();
    }

    @Test
    void peopleAppearInOrderOfArrivalAndTheirArrivalsAndDeparturesAreTold() {
        people.wasThere(ANA, "Ana");
        people.joined(BO, "Bo");
        people.joined(CY, "Cy");
        assertEquals(List.of("Ana", "Bo", "Cy"), names());
        assertEquals(GridLayout.Kind.GRID, people.layout().get().kind());

        people.left(BO);
        assertEquals(List.of("Ana", "Cy"), names());
        assertEquals(GridLayout.Kind.SIDE_BY_SIDE, people.layout().get().kind());
        assertEquals(List.of(new Presence(Presence.Change.WAS_THERE, ANA, "Ana"),
                new Presence(Presence.Change.ARRIVED, BO, "Bo"), new Presence(Presence.Change.ARRIVED, CY, "Cy"),
                new Presence(Presence.Change.LEFT, BO, "Bo")), said);
    }

    @Test
    void aSecondJoinOfTheSamePersonRenamesThemWithoutAnotherAnnouncement() {
        people.joined(ANA, "");
        people.joined(ANA, "Ana");
        assertEquals(List.of("Ana"), names());
        assertEquals(1, said.size());
        assertEquals("Guest", said.get(0).name(), "no name yet: a guest");
    }

    @Test
    void namesAreBoundedAndCleanedAsDisplayNames() {
        people.joined(ANA, "  Ana\u202E\nLee  ");
        people.joined(BO, "x".repeat(500));
        assertEquals("Ana Lee", people.tile(ANA).orElseThrow().name());
        assertEquals(64, people.tile(BO).orElseThrow().name().length());
        people.renamed(BO, "\u200B ");
        assertEquals("Guest", people.tile(BO).orElseThrow().name());
    }

    @Test
    void newsOfSomeoneNotHereIsIgnoredSoALateEventCannotBringATileBack() {
        people.joined(ANA, "Ana");
        people.left(ANA);
        people.video(ANA, null);
        people.mediaState(ANA, false, false);
        people.audioLevel(ANA, 0.5);
        people.quality(ANA, NetworkQuality.POOR);
        people.pin(ANA);
        people.left(ANA);
        assertEquals(List.of(), people.tiles().get());
        assertEquals(GridLayout.WAITING, people.layout().get());
        assertEquals(2, said.size(), "one arrival, one departure");
    }

    @Test
    void onePinAtATimeAndAClickOnThePinnedPersonUnpins() {
        people.joined(ANA, "Ana");
        people.joined(BO, "Bo");
        people.togglePin(ANA);
        people.togglePin(BO);
        assertFalse(people.tile(ANA).orElseThrow().pinned());
        assertTrue(people.tile(BO).orElseThrow().pinned());
        assertEquals(Slot.camera(BO), people.layout().get().focused().orElseThrow());
        people.togglePin(BO);
        assertEquals(GridLayout.Kind.SIDE_BY_SIDE, people.layout().get().kind());
    }

    @Test
    void whenThePinnedPersonLeavesTheGridComesBack() {
        people.joined(ANA, "Ana");
        people.joined(BO, "Bo");
        people.joined(CY, "Cy");
        people.pin(BO);
        people.left(BO);
        assertEquals(GridLayout.Kind.SIDE_BY_SIDE, people.layout().get().kind());
    }

    @Test
    void speakingLightsFromAudioLevelsAndGoesOutWhenTheyStopOrTheMicrophoneIsOff() {
        people.joined(ANA, "Ana");
        people.joined(BO, "Bo");
        people.audioLevel(ANA, 0.4);
        clock.set(300);
        people.audioLevel(ANA, 0.4);
        assertTrue(people.tile(ANA).orElseThrow().speaking());
        assertFalse(people.tile(BO).orElseThrow().speaking());

        clock.set(300 + SpeakerDetector.HOLD_MS);
        people.tick();
        assertFalse(people.tile(ANA).orElseThrow().speaking(), "silent for the hold: out");

        people.audioLevel(ANA, 0.4);
        clock.addAndGet(300);
        people.audioLevel(ANA, 0.4);
        assertTrue(people.tile(ANA).orElseThrow().speaking());
        people.mediaState(ANA, false, true);
        assertFalse(people.tile(ANA).orElseThrow().speaking(), "muted: not speaking");
        people.audioLevel(ANA, 0.4);
        clock.addAndGet(300);
        people.audioLevel(ANA, 0.4);
        assertFalse(people.tile(ANA).orElseThrow().speaking(), "levels of a muted person are ignored");
    }

    @Test
    void mediaStateAndQualityShowOnTheTile() {
        people.joined(ANA, "Ana");
        people.mediaState(ANA, false, false);
        people.quality(ANA, NetworkQuality.FAIR);
        Tile tile = people.tile(ANA).orElseThrow();
        assertFalse(tile.microphoneOn());
        assertFalse(tile.cameraOn());
        assertEquals(NetworkQuality.FAIR, tile.quality());
    }

    @Test
    void eachPersonHasTheirOwnStatisticsAndTheOverlaysChoiceMovesOnWhenTheyLeave() {
        people.joined(ANA, "Ana");
        people.joined(BO, "Bo");
        assertEquals(ANA, people.statsPeer().get(), "the first person by default");
        people.stats(BO, stats(1_000, 500));
        clock.set(1000);
        people.stats(BO, stats(2_000, 500));
        assertEquals(NetworkQuality.POOR, people.tile(BO).orElseThrow().quality());
        assertEquals(2, people.statsOf(BO).history().size());
        assertEquals(0, people.statsOf(ANA).history().size());

        people.chooseStats(BO);
        assertEquals(BO, people.statsPeer().get());
        people.left(BO);
        assertEquals(ANA, people.statsPeer().get());
        assertEquals(0, people.statsOf(BO).history().size(), "nobody's statistics for someone gone");
        people.left(ANA);
        assertNull(people.statsPeer().get());
    }

    @Test
    void theEndOfTheCallClearsEveryoneWithoutAWordForEach() {
        people.joined(ANA, "Ana");
        people.joined(BO, "Bo");
        said.clear();
        people.clear();
        assertEquals(List.of(), people.tiles().get());
        assertEquals(List.of(), said);
    }

    @Test
    void aScreenShareGoesLargeAndNamesItsPresenter() {
        people.joined(ANA, "Ana");
        people.joined(BO, "Bo");
        people.screen(BO, FakeSource.INSTANCE);
        assertSame(FakeSource.INSTANCE, people.tile(BO).orElseThrow().screen());
        assertEquals(Slot.screen(BO), people.layout().get().focused().orElseThrow());
        assertEquals(BO, people.layout().get().presenter().orElseThrow());
        people.screen(BO, null);
        assertEquals(GridLayout.Kind.SIDE_BY_SIDE, people.layout().get().kind());
    }

    /** {@code bytes} received and sent so far, at a round trip of {@code rttMs}. */
    private static CallStats stats(long bytes, double rttMs) {
        return new CallStats(0, 0, bytes, bytes, 0, 0, 0, 0, rttMs, "", 0, "", 0, 0, 0);
    }
}
