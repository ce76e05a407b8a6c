package fr.somme.ent.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.SerializationFeature;

/** The table of a run (printed) and its JSON (written under target/bench/). */
final class Report {

    /** One line of the table; {@code met} null when the line has no target of its own. */
    static final class Row {
        final String id;
        String figure;
        String measured = "";
        String limit = "—";
        String ratio = "—";
        String target = "—";
        Boolean met;
        String failure;
        final Map<String, Object> numbers = new LinkedHashMap<>();

        Row(String id, String figure) {
            this.id = id;
            this.figure = figure;
        }

        Row put(String name, Object value) {
            numbers.put(name, value);
            return this;
        }

        String verdict() {
            if (failure != null) {
                return "WRONG ANSWER / ERROR: " + failure;
            }
            if (met == null) {
                return "";
            }
            return met ? "ok" : "TARGET MISSED";
        }
    }

    private final List<Row> rows = new ArrayList<>();
    private final Map<String, Object> run = new LinkedHashMap<>();

    Report(String size) {
        run.put("size", size);
        run.put("startedAt", Instant.now().toString());
        run.put("nproc", Runtime.getRuntime().availableProcessors());
        run.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        run.put("memTotalMb", memTotalMb());
    }

    Report with(String name, Object value) {
        run.put(name, value);
        return this;
    }

    Row row(String id, String figure) {
        Row r = new Row(id, figure);
        rows.add(r);
        return r;
    }

    List<Row> rows() {
        return rows;
    }

    boolean anyWrong() {
        return rows.stream().anyMatch(r -> r.failure != null);
    }

    boolean anyMissed() {
        return rows.stream().anyMatch(r -> Boolean.FALSE.equals(r.met));
    }

    String table() {
        StringBuilder b = new StringBuilder();
        b.append("| | figure | measured | limit measured in the same run | ratio | target | verdict |\n");
        b.append("|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            b.append("| ").append(r.id).append(" | ").append(r.figure).append(" | ").append(r.measured).append(" | ")
                    .append(r.limit).append(" | ").append(r.ratio).append(" | ").append(r.target).append(" | ")
                    .append(r.verdict()).append(" |\n");
        }
        return b.toString();
    }

    Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        run.put("finishedAt", Instant.now().toString());
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.id);
            m.put("figure", r.figure);
            m.put("measured", r.measured);
            m.put("limit", r.limit);
            m.put("ratio", r.ratio);
            m.put("target", r.target);
            m.put("targetMet", r.met);
            m.put("failure", r.failure);
            m.put("numbers", r.numbers);
            lines.add(m);
        }
        Map<String, Object> doc = new LinkedHashMap<>(run);
        doc.put("rows", lines);
        Path file = dir.resolve("bench-" + run.get("size") + ".json");
        Files.writeString(file, Http.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
        return file;
    }

    static String ms(Duration d) {
        return ms(d.toNanos());
    }

    static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.0f ms", nanos / 1e6);
    }

    static String secs(long nanos) {
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }

    static String perSecond(double rate, String unit) {
        return String.format(Locale.ROOT, "%,.0f %s/s", rate, unit);
    }

    static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.0f %%", ratio * 100);
    }

    /** The value at quantile q of sorted nanoseconds (nearest rank). */
    static long quantile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
    }

    static long[] sorted(long[] values) {
        long[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }

    private static long memTotalMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
