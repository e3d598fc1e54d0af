package io.ddbgitops.reconcile;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the name of every DynamoDB operation the SDK sends, so tests can prove a run wrote nothing. */
final class RecordingInterceptor implements ExecutionInterceptor {
    private final List<String> operations = new CopyOnWriteArrayList<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        operations.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
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
    }
}
