package io.ddbgitops.git;

import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.jgit.transport.URIish;

/**
 * An http(s) URL split into the URL without user-info and the user and password it carried, plus the values of
 * its query string: some hosts take a token there ({@code ?private_token=...}), so they are masked like secrets.
 */
record UrlCredentials(String url, Optional<String> user, Optional<String> password, List<String> queryValues) {
    private static final Pattern HTTP = Pattern.compile("^(?i)https?://.*");

    UrlCredentials {
        queryValues = List.copyOf(queryValues);
    }

    static UrlCredentials split(String repo) throws GitException {
        String trimmed = repo.strip();
        List<String> query = queryValues(trimmed);
        if (!HTTP.matcher(trimmed).matches() || !trimmed.contains("@")) {
            return new UrlCredentials(trimmed, Optional.empty(), Optional.empty(), query);
        }
        try {
            URIish uri = new URIish(trimmed);
            return new UrlCredentials(uri.setUser(null).setPass(null).toString(),
                    Optional.ofNullable(uri.getUser()), Optional.ofNullable(uri.getPass()), query);
        } catch (URISyntaxException e) {
            throw new GitException("Not a valid repository URL: " + Redaction.stripCredentials(trimmed));
        }
    }

    /** Each value of the query string and fragment, as written and decoded. */
    private static List<String> queryValues(String url) {
        int start = url.contains("://") ? url.indexOf('?') : -1;
        if (start < 0) {
            return List.of();
        }
        Set<String> values = new LinkedHashSet<>();
        for (String segment : url.substring(start + 1).split("[&;#?]")) {
            String value = segment.substring(segment.indexOf('=') + 1);
            if (value.length() >= 8) {
                values.add(value);
                try {
                    values.add(URLDecoder.decode(value, StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    // not valid percent-encoding: the raw value is masked
                }
            }
        }
        return List.copyOf(values);
    }

    @Override
    public String toString() {
        return "UrlCredentials[" + Redaction.stripCredentials(url) + "]";
    }
}
