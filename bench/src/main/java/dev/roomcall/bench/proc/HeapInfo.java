package dev.roomcall.bench.proc;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Heap in use from the output of {@code jcmd <pid> GC.heap_info}. Every collector prints it its own way: G1 one
 * "garbage-first heap total …, used …" line, Serial and Parallel one such line per generation, ZGC a "ZHeap used …"
 * line. Metaspace lines also say "used" but are not heap and are left out.
 */
public final class HeapInfo {

    private static final Pattern GENERATION = Pattern.compile("(?m)^\\s*(?!Metaspace|class space)[^\\n]*?total\\s+\\d+[KMG],\\s+used\\s+(\\d+)([KMG])");
    private static final Pattern ZGC = Pattern.compile("(?m)^\\s*ZHeap\\s+used\\s+(\\d+)([KMG])");

    private HeapInfo() {}

    /**
     * @return heap used in bytes
     * @throws IllegalArgumentException if the output names no heap figure this parser knows
     */
    public static long usedBytes(String heapInfo) {
        long used = 0;
        boolean found = false;
        Matcher generations = GENERATION.matcher(heapInfo);
        while (generations.find()) {
            used += bytes(generations.group(1), generations.group(2));
            found = true;
        }
        Matcher z = ZGC.matcher(heapInfo);
        while (z.find()) {
            used += bytes(z.group(1), z.group(2));
            found = true;
        }
        if (!found) {
            throw new IllegalArgumentException("no heap usage found in GC.heap_info output: " + heapInfo.strip());
        }
        return used;
    }

    private static long bytes(String number, String unit) {
        long value = Long.parseLong(number);
        return switch (unit) {
            case "K" -> value << 10;
            case "M" -> value << 20;
            case "G" -> value << 30;
            default -> throw new IllegalArgumentException("unknown unit " + unit);
        };
    }
}
