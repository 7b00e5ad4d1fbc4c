package dev.ferry.compliance.senderid;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which countries need an alphanumeric sender ID registered before Ferry sends from it, and which do not take one at
 * all, read from {@code compliance/sender-id-countries.csv}. Each entry carries its source; countries not listed are
 * {@link Policy#DYNAMIC}.
 */
@ApplicationScoped
public class SenderIdCountries {

    static final String RESOURCE = "compliance/sender-id-countries.csv";

    public enum Policy {
        /** An alphanumeric sender may be used without registration. */
        DYNAMIC,
        /** An APPROVED registration of the sender for the country is needed before sending. */
        REGISTRATION_REQUIRED,
        /** Alphanumeric senders are not delivered; a number must be used. */
        NOT_SUPPORTED
    }

    /** One country's rule and where it comes from. */
    public record Rule(String country, Policy policy, String source) {}

    private final Map<String, Rule> rules = load();

    public Policy policy(String country) {
        Rule rule = rules.get(country);
        return rule == null ? Policy.DYNAMIC : rule.policy();
    }

    /** The listed countries, by country code. */
    public List<Rule> rules() {
        return List.copyOf(rules.values());
    }

    static Map<String, Rule> load() {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException(RESOURCE + " is missing from the class path");
        }
        Map<String, Rule> rules = new TreeMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            boolean header = true;
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                List<String> cells = cells(line);
                if (cells.size() != 3 || cells.get(2).isBlank()) {
                    throw new IllegalStateException(RESOURCE + ": every row needs country, policy and source: " + line);
                }
                Rule rule = new Rule(
                        cells.get(0).strip(),
                        Policy.valueOf(cells.get(1).strip()),
                        cells.get(2).strip());
                rules.put(rule.country(), rule);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(rules);
    }

    /** Comma-separated cells; a cell in double quotes may hold commas. */
    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
