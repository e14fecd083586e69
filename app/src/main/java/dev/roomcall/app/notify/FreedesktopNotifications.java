package dev.roomcall.app.notify;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusSigHandler;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Desktop notifications through the freedesktop Notifications service on a D-Bus session bus (Linux, BSD). */
public final class FreedesktopNotifications implements DesktopNotifications {

    private static final Logger LOG = LoggerFactory.getLogger(FreedesktopNotifications.class);
    private static final String APP_NAME = "Roomcall";
    private static final String ICON = "call-start";

    private final DBusConnection bus;
    private final FdoNotifications service;
    private final Map<Long, Runnable> clicks = new ConcurrentHashMap<>();
    private final DBusSigHandler<FdoNotifications.ActionInvoked> onAction = this::actionInvoked;

    private FreedesktopNotifications(DBusConnection bus) throws DBusException {
        this.bus = bus;
        this.service = bus.getRemoteObject(FdoNotifications.NAME, FdoNotifications.PATH, FdoNotifications.class);
        bus.addSigHandler(FdoNotifications.ActionInvoked.class, onAction);
    }

    /** On the bus at {@code address} (a D-Bus address such as {@code unix:path=/run/user/1000/bus}). */
    public static FreedesktopNotifications at(String address) throws DBusException {
        return new FreedesktopNotifications(DBusConnectionBuilder.forAddress(address).withShared(false).build());
    }

    /** On this login session's bus ({@code DBUS_SESSION_BUS_ADDRESS}). */
    public static FreedesktopNotifications onSessionBus() throws DBusException {
        return new FreedesktopNotifications(DBusConnectionBuilder.forSessionBus().withShared(false).build());
    }

    @Override
    public void show(String summary, String body, Runnable onClick) {
        try {
            Map<String, Variant<?>> hints = Map.of(
                    "category", new Variant<>("im.received"),
                    "desktop-entry", new Variant<>("roomcall"),
                    "urgency", new Variant<>((byte) 1));
            UInt32 id = service.Notify(APP_NAME, new UInt32(0), ICON, summary, body,
                    new String[] {FdoNotifications.DEFAULT_ACTION, summary}, hints, -1);
            clicks.put(id.longValue(), onClick);
        } catch (RuntimeException e) {
            // The service may be missing or refuse; a notification is a courtesy, the call goes on.
            LOG.warn("Desktop notification not shown: {}", e.toString());
        }
    }

    private void actionInvoked(FdoNotifications.ActionInvoked signal) {
        if (!FdoNotifications.DEFAULT_ACTION.equals(signal.actionKey())) {
            return;
        }
        Runnable click = clicks.remove(signal.id().longValue());
        if (click != null) {
            click.run();
        }
    }

    @Override
    public void close() {
        try {
            bus.removeSigHandler(FdoNotifications.ActionInvoked.class, onAction);
        } catch (DBusException e) {
            LOG.debug("Removing the notification click handler: {}", e.toString());
        }
        try {
            bus.close();
        } catch (IOException e) {
            LOG.debug("Closing the session bus: {}", e.toString());
        }
    }
}
