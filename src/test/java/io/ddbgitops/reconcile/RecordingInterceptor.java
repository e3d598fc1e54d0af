package io.ddbgitops.reconcile;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records the name of every DynamoDB operation the SDK sends, so tests can prove a run wrote nothing; with the table
 * each call is about and the thread that sent it, in the order they were sent, so tests can check a table's order.
 * Calls on the run lease's lock table are left out (RunLeaseIT covers those).
 */
final class RecordingInterceptor implements ExecutionInterceptor {
    private final List<String> operations = new CopyOnWriteArrayList<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    /** One call: its operation, the table it names (empty for region-wide calls), the sending thread, the request. */
    record Call(String operation, String table, String thread, software.amazon.awssdk.core.SdkRequest request) {}

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (context.request().getValueForField("TableName", String.class).orElse("").equals(RunLeases.DEFAULT_TABLE)) {
            return;
        }
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        calls.add(new Call(operation, table(context.request()), Thread.currentThread().getName(), context.request()));
        operations.add(operation);
    }

    /** The table a request is about: its TableName, or the table in its ARN or scaling resource id. */
    private static String table(software.amazon.awssdk.core.SdkRequest request) {
        return request.getValueForField("TableName", String.class)
                .or(() -> request.getValueForField("ResourceArn", String.class).map(a -> a.replaceAll(".*:table/", "")))
                .or(() -> request.getValueForField("ResourceId", String.class).map(r -> r.replaceAll("^table/", "")))
                .map(t -> t.replaceAll("/.*", ""))
                .orElse("");
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The operations sent about one table, in order. */
    List<String> operationsOn(String table) {
        return calls.stream().filter(c -> c.table().equals(table)).map(Call::operation).toList();
    }

    List<String> operations() {
        return List.copyOf(operations);
    }

    /** Operations that may change something: anything that does not only describe, list or get (a policy). */
    List<String> writes() {
        return operations.stream().filter(op -> !op.startsWith("Describe") && !op.startsWith("List")
                && !op.startsWith("Get")).toList();
    }

    void clear() {
        operations.clear();
        calls.clear();
    }
}
