package dev.roomcall.app.notify;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

/** A notification server for tests: owns org.freedesktop.Notifications on a bus, records, and can "click". */
final class TestNotificationServer implements FdoNotifications, AutoCloseable {

    record Shown(int id, String appName, String summary, String body, List<String> actions) {}

    private final DBusConnection bus;
    private final List<Shown> shown = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();

    TestNotificationServer(String address) throws DBusException {
        bus = DBusConnectionBuilder.forAddress(address).withShared(false).build();
        bus.requestBusName(NAME);
        bus.exportObject(PATH, this);
    }

    @Override
    public UInt32 Notify(String appName, UInt32 replacesId, String appIcon, String summary, String body,
                         String[] actions, Map<String, Variant<?>> hints, int expireTimeout) {
        int id = ids.incrementAndGet();
        shown.add(new Shown(id, appName, summary, body, List.of(actions)));
        return new UInt32(id);
    }

    List<Shown> shown() {
        return List.copyOf(shown);
    }

    /** What a notification daemon sends when the person clicks the notification's body. */
    void click(int id) throws DBusException {
        bus.sendMessage(new ActionInvoked(PATH, new UInt32(id), DEFAULT_ACTION));
    }

    @Override
    public String getObjectPath() {
        return PATH;
    }

    @Override
    public void close() throws Exception {
        bus.close();
    }
}
