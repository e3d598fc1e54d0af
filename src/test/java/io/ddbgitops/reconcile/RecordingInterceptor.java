package io.ddbgitops.reconcile;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records the name of every DynamoDB operation the SDK sends, so tests can prove a run wrote nothing to the tables
 * it manages; calls on the run lease's lock table are left out (RunLeaseIT covers those).
 */
final class RecordingInterceptor implements ExecutionInterceptor {
    private final List<String> operations = new CopyOnWriteArrayList<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (!context.request().getValueForField("TableName", String.class).orElse("").equals(RunLeases.DEFAULT_TABLE)) {
            operations.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        }
    }

    List<String> operations() {
        return List.copyOf(operations);
    }

    /** Operations that may change something: anything that does not only describe or list. */
    List<String> writes() {
        return operations.stream().filter(op -> !op.startsWith("Describe") && !op.startsWith("List")).toList();
    }

    void clear() {
        operations.clear();
    }
}
