package io.ddbgitops.manifest;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Numbers and booleans as the user wrote them. Jackson follows YAML 1.1 for plain scalars, so {@code 010} is
 * octal 8, {@code 0x10} is 16 and {@code yes}/{@code on} are true; people who write those mean something else
 * just as often. Anything but a plain decimal number, or a boolean other than true/false, is an error with a
 * hint, and a number too large for a double is refused before anything computes with it.
 */
final class YamlScalars {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern PLAIN_INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");
    private static final Pattern LEADING_ZERO = Pattern.compile("[-+]?0[0-9_]+");
    private static final Pattern HEX = Pattern.compile("[-+]?0[xX][0-9a-fA-F_]+");
    private static final Set<String> BOOLEANS = Set.of("true", "false", "True", "False", "TRUE", "FALSE");
    private static final BigDecimal LARGEST = new BigDecimal(Double.MAX_VALUE);
    // decimal exponents far outside a double's range: refused without building a billion-digit number
    private static final int MAX_EXPONENT = 400;

    private YamlScalars() {
    }

    static JsonNode read(YAMLParser parser, JsonToken token, String pointer, List<Finding> problems)
            throws IOException {
        String raw = parser.getText();
        return switch (token) {
            case VALUE_NUMBER_INT -> integer(parser, raw, pointer, problems);
            case VALUE_NUMBER_FLOAT -> decimal(raw, pointer, problems);
            default -> bool(token == JsonToken.VALUE_TRUE, raw, pointer, problems);
        };
    }

    private static JsonNode integer(YAMLParser parser, String raw, String pointer, List<Finding> problems)
            throws IOException {
        BigInteger value = parser.getBigIntegerValue();
        if (!PLAIN_INTEGER.matcher(raw).matches() || raw.equals("-0")) {
            problems.add(new Finding(pointer, Values.shorten(raw) + " is not a plain decimal number: " + hint(raw, value)));
        }
        return NODES.numberNode(value);
    }

    private static String hint(String raw, BigInteger value) {
        if (LEADING_ZERO.matcher(raw).matches()) {
            return "YAML 1.1 reads a leading zero as octal (" + value + "), YAML 1.2 as decimal; write "
                    + new BigInteger(raw.replace("_", "").replace("+", "")) + " (or quote it if it is text)";
        }
        if (HEX.matcher(raw).matches()) {
            return "it is hexadecimal (" + value + "); write " + value + " (or quote it if it is text)";
        }
        return "write " + value + (raw.contains("_") ? " without underscores" : "");
    }

    private static JsonNode decimal(String raw, String pointer, List<Finding> problems) {
        String shown = Values.shorten(raw);
        BigDecimal value;
        try {
            value = new BigDecimal(raw.replace("_", ""));
        } catch (NumberFormatException e) {
            problems.add(new Finding(pointer, shown + " is not a finite number (.inf and .nan are not accepted)"));
            return NODES.textNode(raw);
        }
        int magnitude = value.precision() - value.scale();
        if (magnitude > MAX_EXPONENT || value.abs().compareTo(LARGEST) > 0) {
            problems.add(new Finding(pointer, shown + " is too large to be a number (more than "
                    + Double.MAX_VALUE + ")"));
            return NODES.textNode(raw);
        }
        if (value.signum() != 0 && magnitude < -MAX_EXPONENT) {
            problems.add(new Finding(pointer, shown + " is too small to be a number"));
            return NODES.textNode(raw);
        }
        return NODES.numberNode(value);
    }

    private static JsonNode bool(boolean value, String raw, String pointer, List<Finding> problems) {
        if (!BOOLEANS.contains(raw)) {
            problems.add(new Finding(pointer, Values.shorten(raw) + " is a YAML 1.1 boolean (" + value
                    + "); write " + value + " where a boolean is meant, or \"" + Values.shorten(raw)
                    + "\" in quotes for text"));
        }
        return NODES.booleanNode(value);
    }
}
