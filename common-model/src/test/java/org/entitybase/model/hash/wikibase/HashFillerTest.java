package org.entitybase.model.hash.wikibase;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.entitybase.model.entity.Item;
import org.entitybase.model.entity.Lexeme;
import org.entitybase.model.id.EntityId;
import org.entitybase.model.lexeme.Form;
import org.entitybase.model.snak.Snak;
import org.entitybase.model.snak.SomeValueSnak;
import org.entitybase.model.statement.Rank;
import org.entitybase.model.statement.Reference;
import org.entitybase.model.statement.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entitybase.model.hash.wikibase.ReferenceHasherTest.P248;
import static org.entitybase.model.hash.wikibase.ReferenceHasherTest.P268;
import static org.entitybase.model.hash.wikibase.ReferenceHasherTest.P813;
import static org.entitybase.model.hash.wikibase.SnakHasherTest.id;
import static org.entitybase.model.hash.wikibase.SnakHasherTest.value;

class HashFillerTest {
    private static Statement statement(String guid, Snak mainsnak) {
        Reference reference = new Reference(
                "stale", Map.of("P248", List.of(P248), "P268", List.of(P268), "P813", List.of(P813)), List.of());
        return new Statement(
                guid,
                mainsnak,
                Rank.NORMAL,
                Map.of("P1419", List.of(new SomeValueSnak("P1419", null, "wrong"))),
                List.of("P1419"),
                List.of(reference));
    }

    @Test
    void fillsEverySnakAndReferenceHashOfAnItem() {
        Item item = new Item(
                EntityId.parse("Q42"),
                null,
                Map.of("P5237", List.of(statement("Q42$1", value("P5237", id("Q7976"))))),
                Map.of(),
                null);
        Item filled = (Item) HashFiller.withHashes(item);
        Statement s = filled.claims().get("P5237").get(0);
        assertThat(s.mainsnak().hash()).isEqualTo("6c54ff643a290ae5f9b384b3d255bf3708481de3");
        assertThat(s.qualifiers().get("P1419").get(0).hash()).isEqualTo("d832ab2bf840bfe4b88090721978d092f38b17da");
        Reference r = s.references().get(0);
        assertThat(r.hash()).isEqualTo("f67142030dd221e1441a10a7438323ad44f35be8");
        assertThat(r.snaks().get("P248").get(0).hash()).isEqualTo("52af760ff9ceb914251924abe88e53af182b0f92");
        assertThat(s.id()).isEqualTo("Q42$1");
        assertThat(HashFiller.withHashes(filled)).isEqualTo(filled);
    }

    @Test
    void coversStatementsOfForms() {
        Form form = new Form(
                EntityId.parse("L42-F1"),
                Map.of(),
                List.of(),
                Map.of("P5237", List.of(statement("L42-F1$1", value("P5237", id("Q7976"))))));
        Lexeme lexeme = new Lexeme(
                EntityId.parse("L42"), Map.of(), "Q1084", "Q1860", Map.of(), List.of(form), List.of(), 2, 1, null);
        Lexeme filled = (Lexeme) HashFiller.withHashes(lexeme);
        assertThat(filled.forms().get(0).claims().get("P5237").get(0).mainsnak().hash())
                .isEqualTo("6c54ff643a290ae5f9b384b3d255bf3708481de3");
        assertThat(filled.nextFormId()).isEqualTo(2);
    }
}
