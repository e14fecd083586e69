package dev.roomcall.app.notify;

import dev.roomcall.app.support.OperatingSystem;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This desktop's notification service, shared by the whole process: opened on the first notification (most runs
 * never notify, and the session bus costs a connection), talked to on a thread of its own so that a slow bus
 * never stalls the window, and closed when the process ends.
 */
public final class SystemNotifications implements DesktopNotifications {

    private static final Logger LOG = LoggerFactory.getLogger(SystemNotifications.class);
    private static final SystemNotifications SHARED = new SystemNotifications();

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "roomcall-notifications");
        t.setDaemon(true);
        return t;
    });
    private DesktopNotifications opened;

    private SystemNotifications() {}

    /** The process's notifications. */
    public static DesktopNotifications shared() {
        return SHARED;
    }

    @Override
    public void show(String summary, String body, Runnable onClick) {
        thread.execute(() -> service().show(summary, body, onClick));
    }

    @Override
    public void close() {
        thread.execute(() -> {
            if (opened != null) {
                opened.close();
            }
        });
    }

    private DesktopNotifications service() {
        if (opened == null) {
            opened = open();
            Runtime.getRuntime().addShutdownHook(new Thread(opened::close, "roomcall-notifications-close"));
        }
        return opened;
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
