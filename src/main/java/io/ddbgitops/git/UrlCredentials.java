package io.ddbgitops.git;

import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.jgit.transport.URIish;

/** An http(s) URL split into the URL without user-info and the user and password it carried. */
record UrlCredentials(String url, Optional<String> user, Optional<String> password) {
    private static final Pattern HTTP = Pattern.compile("^(?i)https?://.*");

    static UrlCredentials split(String repo) throws GitException {
        String trimmed = repo.strip();
        if (!HTTP.matcher(trimmed).matches() || !trimmed.contains("@")) {
            return new UrlCredentials(trimmed, Optional.empty(), Optional.empty());
        }
        try {
            URIish uri = new URIish(trimmed);
            return new UrlCredentials(uri.setUser(null).setPass(null).toString(),
                    Optional.ofNullable(uri.getUser()), Optional.ofNullable(uri.getPass()));
        } catch (URISyntaxException e) {
            throw new GitException("Not a valid repository URL: " + Redaction.stripUserInfo(trimmed));
        }
    }

    @Override
    public String toString() {
        return "UrlCredentials[" + url + "]";
    }
}
