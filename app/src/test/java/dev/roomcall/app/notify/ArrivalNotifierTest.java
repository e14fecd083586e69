package dev.roomcall.app.notify;

import static dev.roomcall.app.notify.ArrivalNotifier.Change.ARRIVED;
import static dev.roomcall.app.notify.ArrivalNotifier.Change.LEFT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.roomcall.app.notify.ArrivalNotifier.Change;
import dev.roomcall.app.notify.ArrivalNotifier.Reaction;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArrivalNotifierTest {

    private static final Reaction NONE = Reaction.NONE;
    private static final Reaction CHIME_ONLY = new Reaction(true, false, false);
    private static final Reaction EVERYTHING = new Reaction(true, true, true);

    record Step(Change change, boolean focused, Reaction expected) {}

    record Case(String name, List<Step> steps) {}

    private static final List<Case> CASES = List.of(
            new Case("arrival while looking elsewhere: chime, notification, attention",
                    List.of(new Step(ARRIVED, false, EVERYTHING))),
            new Case("arrival while the window is focused: only the chime",
                    List.of(new Step(ARRIVED, true, CHIME_ONLY))),
            new Case("the same arrival reported twice: one notification",
                    List.of(new Step(ARRIVED, false, EVERYTHING), new Step(ARRIVED, false, NONE))),
            new Case("leaving while looking elsewhere is news too",
                    List.of(new Step(ARRIVED, true, CHIME_ONLY), new Step(LEFT, false, EVERYTHING))),
            new Case("a leave with nobody there changes nothing",
                    List.of(new Step(LEFT, false, NONE))),
            new Case("arrive, leave, arrive again: each arrival notifies once",
                    List.of(new Step(ARRIVED, false, EVERYTHING), new Step(LEFT, true, CHIME_ONLY),
                            new Step(ARRIVED, false, EVERYTHING), new Step(ARRIVED, false, NONE))),
            new Case("focus during the call does not matter for the next arrival",
                    List.of(new Step(ARRIVED, true, CHIME_ONLY), new Step(LEFT, true, CHIME_ONLY),
                            new Step(ARRIVED, false, EVERYTHING))));

    @Test
    void inAGroupEachPersonsArrivalAndLeaveIsNewsOfItsOwn() {
        ArrivalNotifier notifier = new ArrivalNotifier();
        assertEquals(EVERYTHING, notifier.on(ARRIVED, "ana", false));
        assertEquals(EVERYTHING, notifier.on(ARRIVED, "bo", false), "a second person is news too");
        assertEquals(NONE, notifier.on(ARRIVED, "ana", false), "but not the first one again");
        assertEquals(CHIME_ONLY, notifier.on(LEFT, "bo", true));
        assertEquals(NONE, notifier.on(LEFT, "bo", true));
        assertEquals(CHIME_ONLY, notifier.on(LEFT, "ana", true));
    }

    @Test
    void someoneWhoWasThereBeforeIsNoNewsButTheirLeavingIs() {
        ArrivalNotifier notifier = new ArrivalNotifier();
        notifier.wasThere("ana");
        assertEquals(NONE, notifier.on(ARRIVED, "ana", false));
        assertEquals(EVERYTHING, notifier.on(LEFT, "ana", false));
    }

    @Test
    void reactsOnceToEachArrivalAndLeaveAndNotifiesOnlyWhenUnfocused() {
        for (Case c : CASES) {
            ArrivalNotifier notifier = new ArrivalNotifier();
            int i = 0;
            for (Step step : c.steps()) {
                assertEquals(step.expected(), notifier.on(step.change(), step.focused()), c.name() + ", step " + i++);
            }
        }
    }
}
