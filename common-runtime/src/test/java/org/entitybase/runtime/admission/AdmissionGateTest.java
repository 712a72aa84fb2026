package org.entitybase.runtime.admission;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entitybase.runtime.admission.AdmissionGate.Outcome.GRANTED;
import static org.entitybase.runtime.admission.AdmissionGate.Outcome.QUEUED;
import static org.entitybase.runtime.admission.AdmissionGate.Outcome.REJECTED;

class AdmissionGateTest {
    private final List<String> granted = new ArrayList<>();

    private AdmissionGate.Ticket ticket(AdmissionGate gate, String name, long weight) {
        return gate.ticket(weight, () -> granted.add(name));
    }

    @Test
    void letsInWhatFitsAndQueuesTheRestInOrder() {
        AdmissionGate gate = new AdmissionGate(100, 10);
        AdmissionGate.Ticket a = ticket(gate, "a", 60);
        AdmissionGate.Ticket b = ticket(gate, "b", 50);
        AdmissionGate.Ticket c = ticket(gate, "c", 10);
        assertThat(gate.acquire(a)).isEqualTo(GRANTED);
        assertThat(gate.acquire(b)).isEqualTo(QUEUED);
        // c would fit, but b is first in line: a large request is not overtaken by small ones
        assertThat(gate.acquire(c)).isEqualTo(QUEUED);
        assertThat(gate.inUse()).isEqualTo(60);
        gate.release(a);
        assertThat(granted).containsExactly("b", "c");
        assertThat(gate.inUse()).isEqualTo(60);
        assertThat(gate.queued()).isZero();
    }

    @Test
    void aWeightAboveTheCapacityRunsAlone() {
        AdmissionGate gate = new AdmissionGate(100, 10);
        AdmissionGate.Ticket small = ticket(gate, "small", 10);
        AdmissionGate.Ticket huge = ticket(gate, "huge", 1_000);
        assertThat(huge.weight()).isEqualTo(100);
        assertThat(gate.acquire(small)).isEqualTo(GRANTED);
        assertThat(gate.acquire(huge)).isEqualTo(QUEUED);
        gate.release(small);
        assertThat(granted).containsExactly("huge");
        assertThat(gate.inUse()).isEqualTo(100);
    }

    @Test
    void aFullLineRejects() {
        AdmissionGate gate = new AdmissionGate(10, 1);
        assertThat(gate.acquire(ticket(gate, "a", 10))).isEqualTo(GRANTED);
        assertThat(gate.acquire(ticket(gate, "b", 1))).isEqualTo(QUEUED);
        assertThat(gate.acquire(ticket(gate, "c", 1))).isEqualTo(REJECTED);
    }

    @Test
    void aCancelledTicketLeavesTheLineAndLetsInThoseBehindIt() {
        AdmissionGate gate = new AdmissionGate(100, 10);
        AdmissionGate.Ticket a = ticket(gate, "a", 50);
        AdmissionGate.Ticket big = ticket(gate, "big", 100);
        AdmissionGate.Ticket small = ticket(gate, "small", 20);
        gate.acquire(a);
        gate.acquire(big);
        gate.acquire(small);
        assertThat(gate.cancel(big)).isTrue();
        assertThat(granted).containsExactly("small");
        assertThat(gate.cancel(small)).as("already let in").isFalse();
        gate.release(a);
        gate.release(small);
        assertThat(gate.inUse()).isZero();
    }

    @Test
    void theBudgetRefusesCachesAndAdmissionAboveTheHeap() {
        MemoryBudget budget = new MemoryBudget(400, -1, -1);
        assertThat(budget.cacheBytes()).isEqualTo(100);
        assertThat(budget.admissionBytes()).isEqualTo(120);
        assertThat(budget.cacheShare(0.5)).isEqualTo(50);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new MemoryBudget(100, 60, 50))
                .isInstanceOf(IllegalStateException.class);
    }
}
