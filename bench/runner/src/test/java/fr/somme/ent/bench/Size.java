package fr.somme.ent.bench;

/**
 * How big a run is. {@code full}: the figures of docs/performance.md (issue #15); {@code smoke}: tiny, a few seconds per
 * row, run by scripts/test.sh so that the command keeps working (correctness is still checked).
 */
record Size(String name, int communes, int classes, int decisionTries, int loadSeconds, int warmupSeconds,
        int billingMembers, int billingClasses, int expenseLines, int simulationTries) {

    static Size of(String name) {
        return switch (name) {
            case "full" -> new Size("full", 60, 2_900, 20, 10, 5, 35_000, 260_000, 20_000, 3);
            case "smoke" -> new Size("smoke", 4, 20, 5, 1, 1, 50, 200, 20, 1);
            default -> throw new IllegalArgumentException("size is smoke or full, not " + name);
        };
    }

    boolean full() {
        return "full".equals(name);
    }
}
