package org.entitybase.stats.service;

import org.junit.jupiter.api.Test;

import org.entitybase.model.event.ChangeType;
import org.entitybase.stats.service.EntityFigures.Status;
import org.entitybase.stats.service.EntityFigures.TotalsDelta;

import static org.assertj.core.api.Assertions.assertThat;

class EntityFiguresTest {

    private static final EntityFigures LIVE_3_2 = new EntityFigures(Status.LIVE, 3, 2);

    @Test
    void aNewLiveEntityAddsItselfItsStatementsAndSitelinks() {
        assertThat(EntityFigures.change(null, LIVE_3_2)).isEqualTo(new TotalsDelta(1, 3, 2, 0, 0));
    }

    @Test
    void anEditMovesOnlyWhatChanged() {
        assertThat(EntityFigures.change(LIVE_3_2, new EntityFigures(Status.LIVE, 5, 1)))
                .isEqualTo(new TotalsDelta(0, 2, -1, 0, 0));
    }

    @Test
    void deletingTakesTheEntityAndItsContentOutAndCountsOneDeleted() {
        assertThat(EntityFigures.change(LIVE_3_2, EntityFigures.DELETED)).isEqualTo(new TotalsDelta(-1, -3, -2, 0, 1));
        assertThat(EntityFigures.change(EntityFigures.DELETED, LIVE_3_2)).isEqualTo(new TotalsDelta(1, 3, 2, 0, -1));
    }

    @Test
    void aRedirectCountsAsARedirectNotAnEntity() {
        assertThat(EntityFigures.change(LIVE_3_2, EntityFigures.REDIRECT)).isEqualTo(new TotalsDelta(-1, -3, -2, 1, 0));
        assertThat(EntityFigures.change(EntityFigures.REDIRECT, EntityFigures.DELETED))
                .isEqualTo(new TotalsDelta(0, 0, 0, -1, 1));
    }

    @Test
    void deleteAndRedirectRevisionsAreNotRead() {
        assertThat(EntityFigures.needsContent(ChangeType.DELETE)).isFalse();
        assertThat(EntityFigures.needsContent(ChangeType.REDIRECT)).isFalse();
        assertThat(EntityFigures.needsContent(ChangeType.PROTECT)).isTrue();
        assertThat(EntityFigures.of(ChangeType.DELETE, null)).isEqualTo(EntityFigures.DELETED);
    }

    @Test
    void editsAreTheChangesThatSetContent() {
        assertThat(ChangeKinds.isEdit(ChangeType.CREATE)).isTrue();
        assertThat(ChangeKinds.isEdit(ChangeType.REVERT)).isTrue();
        assertThat(ChangeKinds.isEdit(ChangeType.PROTECT)).isFalse();
        assertThat(ChangeKinds.isEdit(ChangeType.DELETE)).isFalse();
        assertThat(ChangeKinds.editTypesSql()).isEqualTo("'create', 'edit', 'undelete', 'unredirect', 'revert'");
    }
}
