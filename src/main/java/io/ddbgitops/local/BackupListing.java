package io.ddbgitops.local;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** ListBackups: the region's backups, oldest first, filtered and paged as AWS does. */
final class BackupListing {
    private static final Set<String> BACKUP_TYPES = Set.of("USER", "SYSTEM", "AWS_BACKUP", "ALL");

    private final FrontState state;

    BackupListing(FrontState state) {
        this.state = state;
    }

    WireResponse list(String region, ObjectNode request) {
        String type = Json.text(request, "BackupType").orElse("USER");
        if (!BACKUP_TYPES.contains(type)) {
            throw AwsException.validation("Invalid BackupType '" + type + "', expected one of " + BACKUP_TYPES);
        }
        int limit = request.path("Limit").asInt(100);
        if (limit < 1 || limit > 100) {
            throw AwsException.validation("Limit must be between 1 and 100, got " + limit);
        }
        List<Backup> matching = state.backups().stream()
                .filter(b -> b.region().equals(region))
                .filter(b -> type.equals("ALL") || type.equals(b.type()))
                .filter(b -> Json.text(request, "TableName").map(t -> t.equals(b.table())).orElse(true))
                .filter(b -> !request.has("TimeRangeLowerBound")
                        || b.createdAt() >= request.get("TimeRangeLowerBound").asDouble())
                .filter(b -> !request.has("TimeRangeUpperBound")
                        || b.createdAt() < request.get("TimeRangeUpperBound").asDouble())
                .sorted(Comparator.comparingDouble(Backup::createdAt).thenComparing(Backup::arn))
                .toList();
        int start = startIndex(matching, Json.text(request, "ExclusiveStartBackupArn").orElse(""));
        List<Backup> page = matching.subList(start, Math.min(matching.size(), start + limit));
        ArrayNode summaries = Json.array();
        page.forEach(b -> summaries.add(BackupDescriptions.summary(b)));
        ObjectNode response = Json.object().set("BackupSummaries", summaries);
        if (start + page.size() < matching.size()) {
            response.put("LastEvaluatedBackupArn", page.get(page.size() - 1).arn());
        }
        return WireResponse.ok(response);
    }

    private static int startIndex(List<Backup> backups, String exclusiveStartArn) {
        if (exclusiveStartArn.isEmpty()) {
            return 0;
        }
        for (int i = 0; i < backups.size(); i++) {
            if (backups.get(i).arn().equals(exclusiveStartArn)) {
                return i + 1;
            }
        }
        // a deleted start backup: continue after the time it named, which the ARN carries
        Matcher m = Pattern.compile("/backup/(\\d{13})-").matcher(exclusiveStartArn);
        if (!m.find()) {
            throw AwsException.validation("Invalid ExclusiveStartBackupArn: " + exclusiveStartArn);
        }
        long millis = Long.parseLong(m.group(1));
        int i = 0;
        while (i < backups.size() && backups.get(i).createdAt() * 1000 <= millis) {
            i++;
        }
        return i;
    }
}
