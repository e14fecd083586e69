package dev.roomcall.app.e2e;

import java.awt.Robot;
import java.awt.event.KeyEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Presses keys on a virtual display, as a person at the keyboard would. The test JVM itself cannot talk to that
 * display (AWT binds to $DISPLAY at start), so each call runs this class's {@link #main} in a small JVM started
 * with the display in its environment, using java.awt.Robot (the X server's XTEST extension).
 *
 * <p>Commands: {@code move:X,Y} moves the pointer (without a window manager, keys go to the window under it),
 * {@code key:NAME} presses one key ({@code I}, {@code ESCAPE}, {@code ENTER}...), {@code type:TEXT} types
 * lower-case letters, digits and spaces, {@code wait:MS} pauses.
 */
final class X11Keyboard {

    private X11Keyboard() {}

    static void send(String display, String... commands) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), X11Keyboard.class.getName()));
        command.addAll(List.of(commands));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(E2eDirs.logs().resolve("x11-keyboard.log").toFile()));
        builder.environment().put("DISPLAY", display);
        Process process = builder.start();
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("pressing " + List.of(commands) + " on " + display + " failed; see x11-keyboard.log");
        }
    }

    public static void main(String[] args) throws Exception {
        Robot robot = new Robot();
        robot.setAutoDelay(30);
        for (String arg : args) {
            int colon = arg.indexOf(':');
            String verb = arg.substring(0, colon);
            String value = arg.substring(colon + 1);
            switch (verb) {
                case "move" -> {
                    String[] xy = value.split(",");
                    robot.mouseMove(Integer.parseInt(xy[0]), Integer.parseInt(xy[1]));
                }
                case "key" -> tap(robot, (int) KeyEvent.class.getField("VK_" + value).get(null));
                case "type" -> {
                    for (char c : value.toCharArray()) {
                        tap(robot, KeyEvent.getExtendedKeyCodeForChar(c));
                    }
                }
                case "wait" -> robot.delay(Integer.parseInt(value));
                default -> throw new IllegalArgumentException("unknown command " + arg);
            }
        }
        robot.waitForIdle();
    }

    private static void tap(Robot robot, int code) {
        robot.keyPress(code);
        robot.keyRelease(code);
    }
}
