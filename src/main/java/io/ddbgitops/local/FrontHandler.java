package io.ddbgitops.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The front: answers the operations DynamoDB Local lacks, forwards everything else, and makes DynamoDB Local's
 * table descriptions look like AWS's on the way back.
 */
final class FrontHandler implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(FrontHandler.class);
    private static final String TARGET_PREFIX = "DynamoDB_20120810.";
    private static final Set<String> DESCRIBING_TABLES =
            Set.of("CreateTable", "DescribeTable", "UpdateTable", "DeleteTable");

    private final AccountFronts fronts;
    private final StsOperations sts;

    FrontHandler(AccountFronts fronts, StsOperations sts) {
        this.fronts = fronts;
        this.sts = sts;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            WireResponse response;
            try {
                response = answer(exchange);
            } catch (AwsException e) {
                LOG.debug("{} answered {}: {}", target(exchange), e.code(), e.getMessage());
                response = WireResponse.error(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                response = WireResponse.internalError("Interrupted");
            } catch (RuntimeException e) {
                LOG.debug("{} failed", target(exchange), e);
                response = WireResponse.internalError(String.valueOf(e.getMessage()));
            }
            send(exchange, response);
        }
    }

    /**
     * Picks the caller's account ({@link SigV4Authorization#account}) and answers in its front; STS answers for
     * all. Outside the default account, ARNs are mapped on the way in and out ({@link AccountArns}).
     */
    private WireResponse answer(HttpExchange exchange) throws IOException, InterruptedException {
        byte[] body = readBody(exchange);
        String target = target(exchange);
        Optional<String> authorization = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization"));
        if (StsOperations.handles(Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type")), target)) {
            return sts.answer(body, authorization,
                    Optional.ofNullable(exchange.getRequestHeaders().getFirst("X-Amz-Security-Token")));
        }
        if (exchange.getRequestURI().getPath().equals(StsOperations.ADMIN_ROLES)) {
            return sts.trust(exchange.getRequestMethod(), body);
        }
        AccountFronts.Front front = fronts.of(SigV4Authorization.account(authorization));
        if (LocalAdmin.handles(exchange.getRequestURI().getPath())) {
            WireResponse answer = front.operations().admin().answer(exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(), body);
            fronts.setDelays(front.operations().slowWork().delays());
            return answer;
        }
        String operation = target.startsWith(TARGET_PREFIX) ? target.substring(TARGET_PREFIX.length())
                : target.substring(target.indexOf('.') + 1);
        if (!AccountArns.maps(front.account(), operation)) {
            return answer(exchange, front, target, authorization, body);
        }
        WireResponse response;
        try {
            response = answer(exchange, front, target, authorization, AccountArns.fromAccount(body, front.account()));
        } catch (AwsException e) {
            // an error's message names ARNs too
            LOG.debug("{} answered {}: {}", target, e.code(), e.getMessage());
            response = AutoScalingOperations.handles(target) ? WireResponse.errorJson11(e) : WireResponse.error(e);
        }
        return response.withBytes(AccountArns.toAccount(response.body(), front.account()));
    }

    private WireResponse answer(HttpExchange exchange, AccountFronts.Front front, String target,
                                Optional<String> authorization, byte[] body) throws IOException, InterruptedException {
        Engine engine = front.engine();
        FrontOperations operations = front.operations();
        String region = SigV4Authorization.region(authorization);
        if (AutoScalingOperations.handles(target)) {
            return operations.autoScaling().answer(target, region, body);
        }
        String path = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        if (StreamOperations.handles(target)) {
            return EngineErrors.asAws(new StreamOperations(engine)
                    .answer(region, exchange.getRequestMethod(), path, exchange.getRequestHeaders(), body), target, body);
        }
        String operation = target.startsWith(TARGET_PREFIX) ? target.substring(TARGET_PREFIX.length()) : "";
        if (!operation.isEmpty()) {
            // DynamoDB Local answers a body that is not JSON with a 500; AWS with a 400 SerializationException
            Json.parseRequest(body);
        }
        if (operations.handles(operation)) {
            LOG.debug("{} in {} answered by the front", operation, region);
            return operations.answer(operation, region, Json.parseRequest(body));
        }
        UpdateTableOperation.Forwarder forwarder = forwarded -> engine.forward(exchange.getRequestMethod(), path,
                exchange.getRequestHeaders(), forwarded);
        WireResponse response;
        Optional<ObjectNode> pitrBeforeDelete = Optional.empty();
        if (operation.equals("UpdateTable")) {
            response = operations.updateTable().update(region, Json.parseRequest(body), forwarder);
        } else if (operation.equals("CreateTable")) {
            response = operations.createTable().create(region, Json.parseRequest(body), forwarder);
        } else {
            if (operation.equals("DeleteTable")) {
                TableKey deleting = TableArns.nameOrArn(Json.requiredText(Json.parseRequest(body), "TableName"),
                        region);
                operations.slowWork().checkDelete(deleting);
                pitrBeforeDelete = operations.beforeDelete(deleting);
            }
            Optional<TableKey> ttlTable = Optional.empty();
            if (operation.equals("UpdateTimeToLive")) {
                ObjectNode request = Json.parseRequest(body);
                ttlTable = Optional.of(TableArns.nameOrArn(Json.requiredText(request, "TableName"), region));
                operations.timeToLive().checkChangeAllowed(ttlTable.get(), request);
            }
            response = forwarder.forward(body);
            if (operation.equals("DescribeTable")) {
                response = describeAgainWhileIndexJobRuns(forwarder, body, response);
            }
            if (response.isSuccess()) {
                ttlTable.ifPresent(operations.timeToLive()::changed);
                if (WriteRecorder.WRITES.contains(operation)) {
                    operations.writes().recordWrite(operation, region, body);
                }
            }
        }
        LOG.debug("{} in {} forwarded: HTTP {}", operation.isEmpty() ? target : operation, region,
                response.status());
        response = EngineErrors.asAws(response, operation, body);
        if (!response.isSuccess() || !DESCRIBING_TABLES.contains(operation)) {
            return response;
        }
        JsonNode answer = Json.parseRequest(response.body());
        JsonNode description = answer.has("Table") ? answer.get("Table") : answer.path("TableDescription");
        Optional<TableKey> table = Json.text(description, "TableName").map(name -> new TableKey(region, name));
        if (operation.equals("DeleteTable")) {
            Optional<ObjectNode> lastState = pitrBeforeDelete;
            table.ifPresent(t -> operations.deleted(t, lastState));
        } else if (description instanceof ObjectNode described && table.isPresent()) {
            operations.describeFeatures(table.get(), described);
        }
        TableDescriptions.fix(answer, region);
        return response.withBody(answer);
    }

    private static String target(HttpExchange exchange) {
        return Optional.ofNullable(exchange.getRequestHeaders().getFirst("X-Amz-Target")).orElse("");
    }

    /**
     * DynamoDB Local's DescribeTable fails with InternalFailure ("no such column: indexKey_N") when it runs while
     * DynamoDB Local's own background job is still adding a new index's column (seen under load, from a client
     * describing the table while another adds an index). AWS never answers a describe so; the read is idempotent,
     * so it is asked again for a bounded time (about a second) before the failure is passed on.
     */
    private static WireResponse describeAgainWhileIndexJobRuns(UpdateTableOperation.Forwarder forwarder, byte[] body,
                                                             WireResponse response)
            throws IOException, InterruptedException {
        for (int attempt = 0; attempt < 50 && isEngineInternalFailure(response); attempt++) {
            Thread.sleep(20);
            response = forwarder.forward(body);
        }
        return response;
    }

    private static boolean isEngineInternalFailure(WireResponse response) {
        return response.status() >= 500
                && new String(response.body(), java.nio.charset.StandardCharsets.UTF_8).contains("InternalFailure");
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return in.readAllBytes();
        }
    }

    /**
     * Every answer of the endpoint goes out here (front, faults, admin). DynamoDB names itself {@code Server: Server}
     * (seen in boto3 response metadata captured from DynamoDB, e.g. 'HTTPHeaders': {'server': 'Server', ...}, in
     * public code checked 2026-12-01); the JDK server sends no Server header of its own.
     */
    static void send(HttpExchange exchange, WireResponse response) throws IOException {
        response.headers().forEach((name, values) -> exchange.getResponseHeaders().put(name, List.copyOf(values)));
        exchange.getResponseHeaders().set("Server", "Server");
        byte[] body = response.body();
        boolean noBody = body.length == 0 || exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
