package io.ddbgitops.cli;

import java.io.Console;
import java.nio.charset.Charset;
import java.util.Map;
import java.util.Optional;

/**
 * How the process's terminal wants its text: the charset standard output encodes with (so that symbols it cannot
 * show fall back to ASCII) and whether ANSI colour is welcome (a console, and no {@code NO_COLOR} in the environment,
 * see https://no-color.org).
 */
record Terminal(boolean color) {
    static final Terminal PLAIN = new Terminal(false);

    private static final String RESET = "\u001b[0m";

    enum Style {
        GREEN("\u001b[32m"), YELLOW("\u001b[33m"), RED("\u001b[31m"), RED_BOLD("\u001b[1;31m");

        private final String code;

        Style(String code) {
            this.code = code;
        }
    }

    /** Colour on a console unless NO_COLOR is set or {@code --no-color} was given. */
    static Terminal detect(Map<String, String> env, boolean noColor) {
        return new Terminal(!noColor && System.console() != null && !env.containsKey("NO_COLOR"));
    }

    String paint(String text, Style style) {
        return color ? style.code + text + RESET : text;
    }

    /**
     * The charset standard output encodes with: {@code stdout.encoding} (Java 19+, or given), {@code
     * sun.stdout.encoding} (Java 17 sets it for a console), the console's, else the default charset (the locale's).
     */
    static Charset stdoutCharset() {
        for (String property : new String[] {"stdout.encoding", "sun.stdout.encoding"}) {
            Optional<Charset> named = Optional.ofNullable(System.getProperty(property)).flatMap(Terminal::charset);
            if (named.isPresent()) {
                return named.get();
            }
        }
        Console console = System.console();
        return console != null ? console.charset() : Charset.defaultCharset();
    }

    private static Optional<Charset> charset(String name) {
        try {
            return Optional.of(Charset.forName(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
