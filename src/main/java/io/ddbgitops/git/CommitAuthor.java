package io.ddbgitops.git;

import java.util.Objects;

/** Which author the report commits carry. */
public record CommitAuthor(String name, String email) {

    public CommitAuthor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
        if (name.isBlank()) {
            throw new IllegalArgumentException("Commit author name must not be blank");
        }
        if (email.isBlank()) {
            throw new IllegalArgumentException("Commit author email must not be blank");
        }
    }

    public static CommitAuthor defaults() {
        return new CommitAuthor("ddb-gitops", "ddb-gitops@localhost");
    }
}
