package io.ddbgitops.aws;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ControlPlaneSlotsTest {
    private static final Placement EAST = new Placement(Placement.DEFAULT_ACCOUNT, "us-east-1");
    private static final Placement WEST = new Placement(Placement.DEFAULT_ACCOUNT, "us-west-2");

    @Test
    void awsQuotasAreTheDefaults() {
        assertThat(ControlPlaneSlots.TABLE_OPERATIONS).isEqualTo(500);
        assertThat(ControlPlaneSlots.CREATES_WITH_INDEXES).isEqualTo(250);
        assertThat(Concurrency.MAX_PARALLELISM).isLessThan(ControlPlaneSlots.CREATES_WITH_INDEXES);
    }

    @Test
    void aWaitedOperationHoldsItsSlotUntilClosed() {
        ControlPlaneSlots slots = new ControlPlaneSlots(3, 1, 1);

        try (ControlPlaneSlots.Slot slot = slots.acquire(EAST, false)) {
            assertThat(slots.inFlight(EAST)).isEqualTo(1);
            assertThat(slots.inFlight(WEST)).as("each region counts on its own").isZero();
        }
        assertThat(slots.inFlight(EAST)).isZero();
    }

    @Test
    void aThirdOperationWaitsUntilOneOfTwoIsDone() throws Exception {
        ControlPlaneSlots slots = new ControlPlaneSlots(2, 2, 0);
        ControlPlaneSlots.Slot first = slots.acquire(EAST, false);
        ControlPlaneSlots.Slot second = slots.acquire(EAST, false);
        AtomicBoolean third = new AtomicBoolean();
        CountDownLatch acquired = new CountDownLatch(1);
        Thread waiter = new Thread(() -> {
            try (ControlPlaneSlots.Slot slot = slots.acquire(EAST, false)) {
                third.set(true);
                acquired.countDown();
            }
        });
        waiter.start();

        assertThat(acquired.await(200, TimeUnit.MILLISECONDS)).as("no third slot while two are held").isFalse();
        first.close();
        assertThat(acquired.await(10, TimeUnit.SECONDS)).isTrue();
        waiter.join();
        second.close();
        assertThat(third).isTrue();
        assertThat(slots.inFlight(EAST)).isZero();
    }

    @Test
    void creatingWithIndexesAlsoTakesFromItsOwnSmallerQuota() {
        ControlPlaneSlots slots = new ControlPlaneSlots(10, 1, 0);
        ControlPlaneSlots.Slot withIndexes = slots.acquire(EAST, true);
        ControlPlaneSlots.Slot plain = slots.acquire(EAST, false);

        assertThat(slots.inFlight(EAST)).isEqualTo(2);
        withIndexes.close();
        plain.close();
        assertThat(slots.inFlight(EAST)).isZero();
    }

    @Test
    void workLeftRunningNeverTakesTheSlotsReservedForTableTasks() {
        ControlPlaneSlots slots = new ControlPlaneSlots(5, 5, 2);

        assertThat(slots.tryAcquireLeftRunning(EAST)).isTrue();
        assertThat(slots.tryAcquireLeftRunning(EAST)).isTrue();
        assertThat(slots.tryAcquireLeftRunning(EAST)).isTrue();
        assertThat(slots.tryAcquireLeftRunning(EAST)).as("two stay for operations that are waited out").isFalse();
        assertThat(slots.inFlight(EAST)).isEqualTo(3);
        try (ControlPlaneSlots.Slot a = slots.acquire(EAST, false); ControlPlaneSlots.Slot b = slots.acquire(EAST, false)) {
            assertThat(slots.inFlight(EAST)).isEqualTo(5);
        }
        slots.releaseLeftRunning(EAST);
        assertThat(slots.tryAcquireLeftRunning(EAST)).isTrue();
    }

    @Test
    void parallelismOutsideItsRangeIsRefusedWithTheRange() {
        assertThat(Concurrency.check(1)).isEqualTo(1);
        assertThat(Concurrency.check(64)).isEqualTo(64);
        assertThatThrownBy(() -> Concurrency.check(0)).hasMessage("--parallelism must be between 1 and 64, not 0");
        assertThatThrownBy(() -> Concurrency.check(65)).hasMessage("--parallelism must be between 1 and 64, not 65");
    }
}
