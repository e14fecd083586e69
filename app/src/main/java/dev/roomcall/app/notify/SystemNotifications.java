package dev.roomcall.app.notify;

import dev.roomcall.app.support.OperatingSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop's notification service for this process, opened on first use (most runs never notify, and the
 * session bus costs a connection) and closed when the process ends.
 */
public final class SystemNotifications {

    private static final Logger LOG = LoggerFactory.getLogger(SystemNotifications.class);
    private static DesktopNotifications shared;

    private SystemNotifications() {}

    /** This desktop's notifications, or {@link DesktopNotifications#NONE} when it has no service. */
    public static synchronized DesktopNotifications get() {
        if (shared == null) {
            shared = open();
            DesktopNotifications opened = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(opened::close, "roomcall-notifications-close"));
        }
        return shared;
    }

    private static DesktopNotifications open() {
        if (OperatingSystem.current() == OperatingSystem.LINUX) {
            if (System.getenv("DBUS_SESSION_BUS_ADDRESS") == null) {
                LOG.info("No D-Bus session bus: no desktop notifications");
                return DesktopNotifications.NONE;
            }
            try {
                return FreedesktopNotifications.onSessionBus();
            } catch (Exception e) {
                LOG.info("No desktop notifications: {}", e.toString());
                return DesktopNotifications.NONE;
            }
        }
        return TrayNotifications.supported() ? new TrayNotifications() : DesktopNotifications.NONE;
    }
}
