package fr.somme.ent.bench;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * The entry point of scripts/bench.sh (Surefire runs only this class, and only with -Dbench.skip=false). Fails on a
 * wrong answer or an error in any row; a missed speed target fails only with -Dbench.strict=true.
 */
class BenchRun {

    @Test
    void everyFigureOfThePerformanceTableIsMeasuredAndEveryAnswerIsRight() throws Exception {
        Size size = Size.of(System.getProperty("bench.size", "smoke"));
        Path root = Path.of(System.getProperty("ent.services.dir", "../..")).toAbsolutePath().normalize();
        Report report = new Bench(root, size, System.getProperty("bench.rows", "all")).run();
        System.out.println();
        System.out.println("Benchmark (" + size.name() + "), " + report.rows().size() + " rows:");
        System.out.println(report.table());
        Path json = report.write(root.resolve("target/bench"));
        System.out.println("[bench] results: " + json);
        if (report.anyWrong()) {
            throw new AssertionError("a row gave a wrong answer or failed: see the table above");
        }
        if (report.anyMissed() && Boolean.getBoolean("bench.strict")) {
            throw new AssertionError("TARGET MISSED (bench.strict): see the table above");
        }
    }
}
