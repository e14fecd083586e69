package dev.roomcall.app.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.app.call.CallEvent;
import dev.roomcall.app.i18n.I18n;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The arrival notification end to end on Linux's real mechanism: a private session bus (dbus-daemon) with a test
 * notification server on org.freedesktop.Notifications, Roomcall's client talking to it through dbus-java.
 */
class PresenceAlertsOverDBusTest {

    private static final String ROOM = "abcd-efgh-jkmnp";

    private PrivateSessionBus bus;
    private TestNotificationServer server;
    private FreedesktopNotifications notifications;
    private final FakeWindow window = new FakeWindow();

    @BeforeEach
    void startBus() throws Exception {
        I18n.setLocale(Locale.ENGLISH);
        bus = new PrivateSessionBus();
        server = new TestNotificationServer(bus.address());
        notifications = FreedesktopNotifications.at(bus.address());
    }

    @AfterEach
    void stopBus() throws Exception {
        notifications.close();
        server.close();
        bus.close();
    }

    @Test
    void thePeerJoiningWhileTheWindowIsNotFocusedShowsExactlyOneNotificationNamingTheRoomAndThePerson() {
        PresenceAlerts alerts = new PresenceAlerts(ROOM, window, notifications, new Chime(0));
        window.focused = false;

        alerts.accept(new CallEvent.PeerJoined());
        alerts.accept(new CallEvent.Connected(120));
        alerts.accept(new CallEvent.PeerJoined());

        List<TestNotificationServer.Shown> shown = server.shown();
        assertEquals(1, shown.size(), shown.toString());
        TestNotificationServer.Shown one = shown.get(0);
        assertEquals("Roomcall", one.appName());
        assertEquals("Someone joined your call", one.summary());
        assertTrue(one.body().contains(ROOM) && one.body().contains("The other person"), one.body());
        assertTrue(one.actions().contains(FdoNotifications.DEFAULT_ACTION), "clickable: " + one.actions());
    }

    @Test
    void whileTheWindowIsFocusedThereIsNoNotification() {
        PresenceAlerts alerts = new PresenceAlerts(ROOM, window, notifications, new Chime(0));
        window.focused = true;

        alerts.accept(new CallEvent.PeerJoined());
        alerts.accept(new CallEvent.PeerLeft("bye"));

        assertEquals(List.of(), server.shown());
        assertEquals(1, window.raised.getCount(), "a focused window is not raised");
    }

    @Test
    void clickingTheNotificationBringsTheCallForward() throws Exception {
        PresenceAlerts alerts = new PresenceAlerts(ROOM, window, notifications, new Chime(0));
        window.focused = false;
        alerts.accept(new CallEvent.PeerJoined());
        window.raised = new CountDownLatch(1);

        server.click(server.shown().get(0).id());

        assertTrue(window.raised.await(10, TimeUnit.SECONDS), "the click raised the window");
    }

    @Test
    void chineseTextsWhenThePersonReadsChinese() {
        I18n.setLocale(Locale.SIMPLIFIED_CHINESE);
        PresenceAlerts alerts = new PresenceAlerts(ROOM, window, notifications, new Chime(0));
        window.focused = false;

        alerts.accept(new CallEvent.PeerJoined());

        assertEquals("有人加入了你的通话", server.shown().get(0).summary());
        assertTrue(server.shown().get(0).body().contains(ROOM));
    }

    private static final class FakeWindow implements PresenceAlerts.Window {
        volatile boolean focused;
        volatile CountDownLatch raised = new CountDownLatch(1);

        @Override
        public boolean focused() {
            return focused;
        }

        @Override
        public void bringForward() {
            raised.countDown();
        }
    }
}
