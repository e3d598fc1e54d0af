package io.ddbgitops.git;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps credentials out of anything we print: the user-info and the query string of URLs (tokens travel in both,
 * {@code https://x-access-token:TOKEN@host} and {@code https://host/repo.git?private_token=TOKEN}), and known
 * secret values.
 */
public final class Redaction {
    private static final Pattern URL = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*://[^\\s'\"<>]*[^\\s'\"<>:,.;)]");
    private static final Pattern URL_USER_INFO = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*)://([^/@\\s]+)@");

    private Redaction() {}

    /**
     * Masks the user-info and every query and fragment value of the URLs in {@code text}. An SSH user name alone
     * ({@code ssh://git@host}) is kept: it is not a secret and tells the reader which account was used; anything
     * on http(s) is masked, because tokens are often passed as the user name there.
     */
    public static String stripCredentials(String text) {
        return URL.matcher(text).replaceAll(match -> Matcher.quoteReplacement(maskQuery(stripUserInfo(match.group()))));
    }

    /** {@code ?token=abc&ref=main#x} becomes {@code ?token=***&ref=***#***}: parameter names stay, values go. */
    private static String maskQuery(String url) {
        int start = indexOfAny(url, '?', '#');
        if (start < 0) {
            return url;
        }
        StringBuilder masked = new StringBuilder(url.substring(0, start));
        Matcher segments = Pattern.compile("([?#&;])([^?#&;]*)").matcher(url.substring(start));
        while (segments.find()) {
            String segment = segments.group(2);
            int equals = segment.indexOf('=');
            masked.append(segments.group(1)).append(equals >= 0 ? segment.substring(0, equals + 1) + "***"
                    : segment.isEmpty() ? "" : "***");
        }
        return masked.toString();
    }

    private static int indexOfAny(String text, char a, char b) {
        int i = text.indexOf(a);
        int j = text.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }

    private static String stripUserInfo(String text) {
        return URL_USER_INFO.matcher(text).replaceAll(match -> {
            String scheme = match.group(1);
            boolean plainSshUser = !scheme.toLowerCase(java.util.Locale.ROOT).startsWith("http") && !match.group(2).contains(":");
            return Matcher.quoteReplacement(scheme + "://" + (plainSshUser ? match.group(2) : "***") + "@");
        });
    }

    static String mask(String text, Collection<String> secrets) {
        String result = stripCredentials(text);
        for (String secret : secrets) {
            if (!secret.isEmpty()) {
                result = result.replace(secret, "***");
            }
        }
        return result;
    }

    /** The messages of a JGit exception and its causes, joined, without repeating what a cause already said. */
    static String describe(Throwable failure, Collection<String> secrets) {
        Set<String> parts = new LinkedHashSet<>();
        for (Throwable t = failure; t != null && parts.size() < 5; t = t.getCause()) {
            String raw = t.getMessage();
            String message = raw == null || raw.isBlank() ? t.getClass().getSimpleName() : raw;
            boolean repeated = parts.stream().anyMatch(message::contains) || parts.stream().anyMatch(p -> p.contains(message));
            if (!repeated) {
                parts.add(message.strip());
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return mask(String.join(": ", parts), secrets).replaceAll("\\s*\\R\\s*", "; ");
    }
}
