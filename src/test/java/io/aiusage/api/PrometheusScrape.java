package io.aiusage.api;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the samples of a Prometheus text scrape: name, labels and value (exemplars are not needed). */
public final class PrometheusScrape {

    /** One line of the scrape. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*?)})?\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private PrometheusScrape() {
    }

    /** The samples of the running application's {@code /q/metrics}. */
    public static List<Sample> scrape() {
        return samples(given().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    public static List<Sample> samples(String scrape) {
        List<Sample> samples = new ArrayList<>();
        for (String line : scrape.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (line.startsWith("#") || !sample.find()) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            Matcher label = LABEL.matcher(sample.group(2) == null ? "" : sample.group(2));
            while (label.find()) {
                labels.put(label.group(1), label.group(2));
            }
            samples.add(new Sample(sample.group(1), labels, value(sample.group(3))));
        }
        return samples;
    }

    private static double value(String text) {
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(text);
        };
    }

    /** Whether a sample of {@code name} has at least these labels. */
    public static boolean has(List<Sample> samples, String name, Map<String, String> labels) {
        return samples.stream().anyMatch(s -> matches(s, name, labels));
    }

    /** The sum of the samples of {@code name} that have at least these labels (0 when there is none). */
    public static double value(List<Sample> samples, String name, Map<String, String> labels) {
        return samples.stream().filter(s -> matches(s, name, labels)).mapToDouble(Sample::value).sum();
    }

    /** How much the samples of {@code name} with these labels grew from {@code before} to {@code after}. */
    public static double increase(List<Sample> before, List<Sample> after, String name, Map<String, String> labels) {
        return value(after, name, labels) - value(before, name, labels);
    }

    /** {@code labels} and one more. */
    public static Map<String, String> with(Map<String, String> labels, String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(labels);
        more.put(name, value);
        return more;
    }

    private static boolean matches(Sample sample, String name, Map<String, String> labels) {
        return sample.name().equals(name)
                && labels.entrySet().stream().allMatch(l -> l.getValue().equals(sample.labels().get(l.getKey())));
    }
}
