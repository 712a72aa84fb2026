package org.entitybase.statement.service;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.entitybase.statement.repository.StatementRow;
import org.entitybase.statement.service.StatementRebuild.Actual;
import org.entitybase.statement.service.StatementRebuild.Diff;
import org.entitybase.statement.service.StatementRebuild.Expected;

import static org.assertj.core.api.Assertions.assertThat;

class StatementRebuildDiffTest {

    private static final Backlink Q2_TO_Q1 = new Backlink("Q1", "Q2", "P31");
    private static final Backlink Q3_TO_Q1 = new Backlink("Q1", "Q3", "P31");

    private static Expected expected() {
        return new Expected(
                3,
                Map.of("a", new StatementRow("a", "P31", 2, 1), "b", new StatementRow("b", "P279", 1, 1)),
                Map.of("Q2", 2L, "Q3", 1L),
                Map.of("Q2", Map.of("a", 1), "Q3", Map.of("b", 1)),
                Set.of(Q2_TO_Q1));
    }

    @Test
    void equalStateHasNoDifferences() {
        Actual actual = new Actual(
                List.of(new StatementRow("a", "P31", 2, 1), new StatementRow("b", "P279", 1, 1)),
                List.of(Q2_TO_Q1),
                Map.of("Q2", 2L, "Q3", 1L),
                Map.of("Q2", Map.of("a", 1), "Q3", Map.of("b", 1)));
        Diff diff = StatementRebuild.diff(expected(), actual);
        assertThat(diff.differences()).isEmpty();
        assertThat(diff.fixRows()).isEmpty();
        assertThat(diff.fixHeads()).isEmpty();
        assertThat(diff.statementsChecked()).isEqualTo(2);
        assertThat(diff.entitiesChecked()).isEqualTo(2);
    }

    @Test
    void everyKindOfDifferenceIsReportedWithItsRepair() {
        Actual actual = new Actual(
                // a under-counted, b missing, c left over
                List.of(new StatementRow("a", "P31", 1, 1), new StatementRow("c", "P17", 1, 0)),
                List.of(Q3_TO_Q1),
                Map.of("Q2", 1L, "Q3", 1L),
                Map.of("Q2", Map.of("a", 1), "Q3", Map.of()));
        Diff diff = StatementRebuild.diff(expected(), actual);

        assertThat(diff.fixRows())
                .containsExactly(
                        new StatementRow("a", "P31", 2, 1),
                        new StatementRow("b", "P279", 1, 1),
                        new StatementRow("c", "P17", 0, 0));
        assertThat(diff.missingLinks()).containsExactly(Q2_TO_Q1);
        assertThat(diff.extraLinks()).containsExactly(Q3_TO_Q1);
        assertThat(diff.fixHeads()).containsExactly("Q2", "Q3");
        assertThat(diff.differences()).hasSize(3 + 2 + 2);
        assertThat(diff.differences().get(0).get("kind").asText()).isEqualTo("statement");
        assertThat(diff.differences().get(0).get("actual_ref_count").asLong()).isEqualTo(1);
        assertThat(diff.differences().get(3).get("kind").asText()).isEqualTo("backlink-missing");
        assertThat(diff.differences().get(4).get("kind").asText()).isEqualTo("backlink-extra");
        assertThat(diff.differences().get(5).get("entity_id").asText()).isEqualTo("Q2");
        // as the report always counted: the larger of the two sides, not their union
        assertThat(diff.statementsChecked()).isEqualTo(2);
    }
}
