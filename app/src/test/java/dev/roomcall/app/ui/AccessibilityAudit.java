package dev.roomcall.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import javafx.geometry.Bounds;
import javafx.scene.AccessibleAttribute;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What a screen-reader or keyboard-only person meets on a screen: every control Tab can reach has a name a screen
 * reader can say, and Tab walks all of them, each once, in reading order (never back up and to the left).
 */
public final class AccessibilityAudit {

    private AccessibilityAudit() {}

    /** The name a screen reader says: the accessible text, else a labelled control's own text. */
    public static String name(Node node) {
        String text = node.getAccessibleText();
        if (text != null && !text.isBlank()) {
            return text;
        }
        if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isBlank()) {
            return labeled.getText();
        }
        return "";
    }

    /** What a screen reader gets for {@code attribute}, as text ("" for nothing). */
    public static String text(Node node, AccessibleAttribute attribute) {
        Object value = node.queryAccessibleAttribute(attribute);
        return value == null ? "" : value.toString();
    }

    /** Controls Tab can reach, in the scene graph's order: showing, enabled and focus-traversable. */
    public static List<Node> focusable(Parent root) {
        List<Node> found = new ArrayList<>();
        collect(root, found);
        return found;
    }

    private static void collect(Node node, List<Node> found) {
        if (!node.isVisible() || node.isDisabled() || node.getScene() == null) {
            return;
        }
        if (node.isFocusTraversable()) {
            found.add(node);
        }
        if (node instanceof Parent parent && !(node instanceof javafx.scene.control.Control control && isLeaf(control))) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, found);
            }
        }
    }

    /** Controls whose skin's insides (a combo box's button, a text field's caret) are not separate stops. */
    private static boolean isLeaf(javafx.scene.control.Control control) {
        return !(control instanceof javafx.scene.control.ScrollPane);
    }

    /** Asserts every control Tab can reach on {@code root} has a name; returns them. */
    public static List<Node> assertAllNamed(FxRobot robot, Parent root) throws Exception {
        List<Node> nodes = fx(() -> focusable(root));
        assertFalse(nodes.isEmpty(), "nothing focusable on " + root);
        List<String> unnamed = fx(() -> nodes.stream().filter(n -> name(n).isBlank()).map(AccessibilityAudit::describe)
                .collect(Collectors.toList()));
        assertEquals(List.of(), unnamed, "controls a screen reader cannot name");
        List<String> withoutHelp = fx(() -> nodes.stream().filter(n -> text(n, AccessibleAttribute.HELP).isBlank())
                .map(AccessibilityAudit::describe).collect(Collectors.toList()));
        assertEquals(List.of(), withoutHelp, "controls without help text (their tooltip or accessible help)");
        List<String> withoutRole = fx(() -> nodes.stream()
                .filter(n -> n.queryAccessibleAttribute(AccessibleAttribute.ROLE) == null
                        || n.queryAccessibleAttribute(AccessibleAttribute.ROLE) == AccessibleRole.NODE
                        || n.queryAccessibleAttribute(AccessibleAttribute.ROLE) == AccessibleRole.PARENT)
                .map(AccessibilityAudit::describe).collect(Collectors.toList()));
        assertEquals(List.of(), withoutRole, "controls without a role a screen reader can say");
        return nodes;
    }

    /**
     * Focuses the first control and presses Tab until the focus comes back: the walk must meet every focusable
     * control exactly once, in reading order. Returns the names in the order Tab met them.
     */
    public static List<String> assertTabWalksInReadingOrder(FxRobot robot, Parent root) throws Exception {
        List<Node> nodes = assertAllNamed(robot, root);
        Scene scene = fx(root::getScene);
        robot.interact(() -> nodes.get(0).requestFocus());
        WaitForAsyncUtils.waitForFxEvents();
        List<Node> walk = new ArrayList<>();
        walk.add(fx(scene::getFocusOwner));
        for (int i = 0; i < nodes.size() * 2 + 2; i++) {
            robot.type(KeyCode.TAB);
            WaitForAsyncUtils.waitForFxEvents();
            Node now = fx(scene::getFocusOwner);
            if (now == walk.get(0)) {
                break;
            }
            walk.add(now);
        }
        List<String> walked = fx(() -> walk.stream().map(AccessibilityAudit::describe).toList());
        List<String> expected = fx(() -> nodes.stream().map(AccessibilityAudit::describe).toList());
        assertEquals(expected, walked, "Tab meets every control once, in order");
        for (int i = 1; i < walk.size(); i++) {
            Node a = walk.get(i - 1);
            Node b = walk.get(i);
            assertTrue(fx(() -> readsAfter(a, b)), "Tab goes back up: " + fx(() -> describe(a) + " at "
                    + a.localToScene(a.getBoundsInLocal())) + " -> " + fx(() -> describe(b) + " at "
                    + b.localToScene(b.getBoundsInLocal())));
        }
        return fx(() -> walk.stream().map(AccessibilityAudit::name).toList());
    }

    /** {@code b} is below {@code a}, or in a column to its right. */
    private static boolean readsAfter(Node a, Node b) {
        Bounds pa = a.localToScene(a.getBoundsInLocal());
        Bounds pb = b.localToScene(b.getBoundsInLocal());
        return pb.getMinY() >= pa.getMinY() - 4 || pb.getMinX() >= pa.getMaxX() - 4;
    }

    private static String describe(Node node) {
        return node.getClass().getSimpleName() + (node.getId() != null ? "#" + node.getId() : "") + " \"" + name(node)
                + "\"";
    }

    private static <T> T fx(Callable<T> body) throws Exception {
        return WaitForAsyncUtils.asyncFx(body).get(10, java.util.concurrent.TimeUnit.SECONDS);
    }
}
