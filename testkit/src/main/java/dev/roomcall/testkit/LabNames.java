package dev.roomcall.testkit;

import java.util.List;
import java.util.function.LongPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of one lab's namespaces: {@code roomcall-lab-<pid>-<role>}, the pid being the test JVM's, so that two
 * builds on one machine never collide and a lab outliving its JVM can be recognised.
 */
record LabNames(long pid) {

    private static final Pattern OURS = Pattern.compile("^roomcall-lab-(\\d+)-[a-z]+\\b");

    static LabNames forThisProcess() {
        return new LabNames(ProcessHandle.current().pid());
    }

    String of(String role) {
        return "roomcall-lab-" + pid + "-" + role;
    }

    /**
     * The lab namespaces in {@code ip netns list}'s output whose JVM is no longer alive.
     *
     * @param alive whether a process id is a running process
     */
    static List<String> abandoned(String netnsList, LongPredicate alive) {
        return netnsList.lines()
                .map(OURS::matcher)
                .filter(Matcher::find)
                .filter(m -> !alive.test(Long.parseLong(m.group(1))))
                .map(Matcher::group)
                .toList();
    }
}
