package io.ddbgitops.git;

import java.util.regex.Pattern;

/**
 * A repository's name as runs share it (the run lease is keyed by it): its URL without user-info, so a token in
 * the URL never reaches a lock table and two runs with different tokens still see one repository; a local path is
 * made absolute. A trailing {@code /} or {@code .git} is dropped, as git itself treats them as the same remote.
 */
public final class RepoIdentity {
    private static final Pattern USER_INFO = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@\\s]+@");

    private RepoIdentity() {}

    public static String of(String repo) throws GitException {
        String uri = USER_INFO.matcher(RepoLocation.parse(repo).uri()).replaceFirst("$1");
        while (uri.endsWith("/") && uri.length() > 1) {
            uri = uri.substring(0, uri.length() - 1);
        }
        return uri.endsWith(".git") ? uri.substring(0, uri.length() - 4) : uri;
    }
}
