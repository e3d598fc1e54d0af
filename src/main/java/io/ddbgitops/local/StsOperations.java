package io.ddbgitops.local;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * STS's {@code AssumeRole} and {@code GetCallerIdentity}, in the query protocol (form-encoded {@code Action=...}
 * requests, XML answers in the {@code https://sts.amazonaws.com/doc/2011-06-15/} namespace), enough for the SDK's
 * {@code StsAssumeRoleCredentialsProvider} and the AWS CLI. Shapes and errors as in the STS API reference
 * (https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html, API_GetCallerIdentity.html and
 * CommonErrors.html, checked 2026-12-01).
 *
 * <p>The temporary credentials of a role in account A have the access key id {@code A} (12 digits), so every later
 * call signed with them lands in account A ({@link SigV4Authorization#account}). The session token carries the role
 * and session name, so GetCallerIdentity can say who the caller is. Which roles may be assumed is {@link StsRoles}.
 */
final class StsOperations {
    static final String NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";
    /** {@code POST {"RoleArn": ..., "ExternalId": ...}}: registers a role as {@link StsRoles#trust} does. */
    static final String ADMIN_ROLES = LocalAdmin.PREFIX + "sts/roles";
    private static final Pattern ROLE_ARN =
            Pattern.compile("arn:(aws[a-z-]*):iam::([0-9]{12}):role/(?:[\\w+=,.@-]+/)*([\\w+=,.@-]{1,64})");
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");
    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,1224}");
    private static final String TOKEN_PREFIX = "ddbgitops-local-session:";

    private final StsRoles roles;
    private final Clock clock;

    StsOperations(StsRoles roles, Clock clock) {
        this.roles = roles;
        this.clock = clock;
    }

    /** A query-protocol request: form-encoded body and no JSON target. */
    static boolean handles(Optional<String> contentType, String target) {
        return target.isEmpty() && contentType.map(c -> c.startsWith("application/x-www-form-urlencoded"))
                .orElse(false);
    }

    /** {@code authorization} and {@code sessionToken} identify the caller. */
    WireResponse answer(byte[] body, Optional<String> authorization, Optional<String> sessionToken) {
        Map<String, String> form = form(new String(body, StandardCharsets.UTF_8));
        String action = form.getOrDefault("Action", "");
        Caller caller = Caller.of(authorization, sessionToken);
        return switch (action) {
            case "AssumeRole" -> assumeRole(form, caller);
            case "GetCallerIdentity" -> ok(action, "<Arn>" + xml(caller.arn()) + "</Arn><UserId>" + xml(caller.userId())
                    + "</UserId><Account>" + caller.account() + "</Account>");
            default -> error(400, "Sender", "InvalidAction",
                    "Could not find operation " + action + " for version 2011-06-15");
        };
    }

    /** The admin route for clients outside the JVM. */
    WireResponse trust(String method, byte[] body) {
        if (!method.equals("POST")) {
            return WireResponse.error(AwsException.validation("Admin routes take POST, got " + method));
        }
        com.fasterxml.jackson.databind.node.ObjectNode request = Json.parseRequest(body);
        String roleArn = Json.requiredText(request, "RoleArn");
        if (!ROLE_ARN.matcher(roleArn).matches()) {
            return WireResponse.error(AwsException.validation("Not a role ARN: " + roleArn));
        }
        roles.trust(roleArn, Json.text(request, "ExternalId"));
        return WireResponse.ok(Json.object().put("RoleArn", roleArn));
    }

    private WireResponse assumeRole(Map<String, String> form, Caller caller) {
        String roleArn = form.getOrDefault("RoleArn", "");
        String session = form.getOrDefault("RoleSessionName", "");
        Optional<String> externalId = Optional.ofNullable(form.get("ExternalId"));
        Matcher role = ROLE_ARN.matcher(roleArn);
        if (roleArn.length() < 20) {
            return validation(roleArn, "roleArn", "Member must have length greater than or equal to 20");
        }
        if (!role.matches()) {
            return validation(roleArn, "roleArn", "Member must satisfy regular expression pattern: "
                    + "[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u0085\\u00A0-\\uD7FF\\uE000-\\uFFFD\\u10000-\\u10FFFF]+");
        }
        if (!SESSION_NAME.matcher(session).matches()) {
            return validation(session, "roleSessionName", "Member must satisfy regular expression pattern: "
                    + "[\\w+=,.@-]*");
        }
        if (externalId.isPresent() && !EXTERNAL_ID.matcher(externalId.get()).matches()) {
            return validation("***", "externalId", "Member must satisfy regular expression pattern: [\\w+=,.@:/-]*");
        }
        long duration = Long.parseLong(form.getOrDefault("DurationSeconds", "3600"));
        if (duration < 900 || duration > 43_200) {
            return validation(Long.toString(duration), "durationSeconds", duration < 900
                    ? "Member must have value greater than or equal to 900"
                    : "Member must have value less than or equal to 43200");
        }
        if (!roles.mayAssume(roleArn, externalId)) {
            return error(403, "Sender", "AccessDenied", "User: " + caller.arn()
                    + " is not authorized to perform: sts:AssumeRole on resource: " + roleArn);
        }
        String account = role.group(2);
        String assumedArn = "arn:" + role.group(1) + ":sts::" + account + ":assumed-role/" + role.group(3) + "/"
                + session;
        String roleId = roleId(roleArn);
        Instant expiration = clock.instant().plusSeconds(duration).truncatedTo(ChronoUnit.SECONDS);
        String token = Base64.getEncoder().encodeToString((TOKEN_PREFIX + assumedArn + "\n" + roleId + ":" + session)
                .getBytes(StandardCharsets.UTF_8));
        return ok("AssumeRole", "<AssumedRoleUser><Arn>" + xml(assumedArn) + "</Arn><AssumedRoleId>" + roleId + ":"
                + xml(session) + "</AssumedRoleId></AssumedRoleUser><Credentials><AccessKeyId>" + account
                + "</AccessKeyId><SecretAccessKey>" + UUID.randomUUID().toString().replace("-", "")
                + "</SecretAccessKey><SessionToken>" + token + "</SessionToken><Expiration>" + expiration
                + "</Expiration></Credentials>");
    }

    /** Who signed: an assumed role when the session token is one of ours, else the account's root user. */
    record Caller(String account, String arn, String userId) {
        static Caller of(Optional<String> authorization, Optional<String> sessionToken) {
            String account = SigV4Authorization.account(authorization);
            Optional<String[]> session = sessionToken.flatMap(StsOperations::session)
                    .filter(s -> s[0].split(":")[4].equals(account));
            return session.map(s -> new Caller(account, s[0], s[1]))
                    .orElseGet(() -> new Caller(account, "arn:aws:iam::" + account + ":root", account));
        }
    }

    private static Optional<String[]> session(String token) {
        try {
            String text = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
            return text.startsWith(TOKEN_PREFIX) && text.contains("\n")
                    ? Optional.of(text.substring(TOKEN_PREFIX.length()).split("\n", 2)) : Optional.empty();
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }

    /** A stable role id of AWS's shape (AROA + 17 upper-case letters and digits) for the same ARN. */
    static String roleId(String roleArn) {
        String hex = UUID.nameUUIDFromBytes(roleArn.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
        return "AROA" + hex.substring(0, 17).toUpperCase(java.util.Locale.ROOT);
    }

    private static WireResponse ok(String action, String result) {
        return WireResponse.xml(200, "<" + action + "Response xmlns=\"" + NAMESPACE + "\">\n  <" + action + "Result>"
                + result + "</" + action + "Result>\n  <ResponseMetadata>\n    <RequestId>" + UUID.randomUUID()
                + "</RequestId>\n  </ResponseMetadata>\n</" + action + "Response>\n");
    }

    private static WireResponse validation(String value, String member, String constraint) {
        return error(400, "Sender", "ValidationError", "1 validation error detected: Value '" + value + "' at '"
                + member + "' failed to satisfy constraint: " + constraint);
    }

    static WireResponse error(int status, String type, String code, String message) {
        return WireResponse.xml(status, "<ErrorResponse xmlns=\"" + NAMESPACE + "\">\n  <Error>\n    <Type>" + type
                + "</Type>\n    <Code>" + code + "</Code>\n    <Message>" + xml(message) + "</Message>\n  </Error>\n"
                + "  <RequestId>" + UUID.randomUUID() + "</RequestId>\n</ErrorResponse>\n");
    }

    static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.putIfAbsent(name, value);
        }
        return form;
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
