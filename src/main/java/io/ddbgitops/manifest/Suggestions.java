package io.ddbgitops.manifest;

import java.util.List;
import java.util.Optional;

/** "Did you mean": the allowed name closest to a misspelt one, by edit distance, when it is close enough. */
public final class Suggestions {
    private Suggestions() {
    }

    public static Optional<String> closest(String written, List<String> allowed) {
        if (written.length() > Values.LONGEST) {
            return Optional.empty();
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : allowed) {
            int distance = distance(written.toLowerCase(), candidate.toLowerCase());
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        // a third of the name may be wrong (at least 2 edits): "biling_mode", "tabelname", "readcapacity"
        int allowedEdits = Math.max(2, written.length() / 3);
        return best != null && bestDistance <= allowedEdits ? Optional.of(best) : Optional.empty();
    }

    /** Optimal string alignment distance: Levenshtein plus the swap of two neighbours as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
