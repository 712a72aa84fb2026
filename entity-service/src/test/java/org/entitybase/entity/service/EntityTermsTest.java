package org.entitybase.entity.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.entitybase.model.entity.Entity;
import org.entitybase.model.entity.Fingerprint;
import org.entitybase.model.entity.Item;
import org.entitybase.model.id.EntityId;
import org.entitybase.model.term.Term;
import org.entitybase.runtime.rest.ApiException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EntityTermsTest {

    private static final EntityId Q1 = EntityId.parse("Q1");

    @Test
    void changesKeepTheOtherTerms() {
        Entity item = item(Map.of("en", "label"), Map.of("en", "description"), List.of("a"));
        Entity changed =
                EntityTerms.set(EntityTerms.Kind.LABEL, "de", "Etikett").apply(item);
        changed = EntityTerms.addAlias("en", "b").apply(changed);
        changed = EntityTerms.addAlias("en", "b").apply(changed);
        Fingerprint f = EntityTerms.of(changed);
        assertThat(f.labels()).containsOnlyKeys("en", "de");
        assertThat(f.descriptions()).containsOnlyKeys("en");
        assertThat(f.aliases().get("en")).extracting(Term::value).containsExactly("a", "b");
        assertThat(EntityTerms.of(EntityTerms.removeAliases("en").apply(changed))
                        .aliases())
                .isEmpty();
        assertThatThrownBy(() ->
                        EntityTerms.remove(EntityTerms.Kind.DESCRIPTION, "fr").apply(item))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo("description-not-found"));
    }

    @Test
    void rulesJudgeOnlyWhatChanged() {
        Entity legacy = item(Map.of("en", "same"), Map.of("en", "same"), List.of("x".repeat(300)));
        // imported content that breaks the rules does not block an edit of something else
        Entity edited = EntityTerms.set(EntityTerms.Kind.LABEL, "de", "anders").apply(legacy);
        assertThatCode(() -> EntityTerms.check(legacy, edited)).doesNotThrowAnyException();
        assertThatThrownBy(() -> EntityTerms.check(null, legacy))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status()).isEqualTo(422));

        Entity equal =
                EntityTerms.set(EntityTerms.Kind.DESCRIPTION, "de", "anders").apply(edited);
        assertThatThrownBy(() -> EntityTerms.check(edited, equal))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo("label-equals-description"));
        // 250 characters counted as code points: 250 emoji fit
        Entity emoji =
                EntityTerms.set(EntityTerms.Kind.LABEL, "fr", "😀".repeat(250)).apply(edited);
        assertThatCode(() -> EntityTerms.check(edited, emoji)).doesNotThrowAnyException();
        Entity tooLong =
                EntityTerms.set(EntityTerms.Kind.LABEL, "fr", "😀".repeat(251)).apply(edited);
        assertThatThrownBy(() -> EntityTerms.check(edited, tooLong))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.code()).isEqualTo("term-too-long"));
    }

    @Test
    void languageCodesAreCheckedAsEntityJsonChecksThem() {
        assertThat(EntityTerms.language("be-tarask")).isEqualTo("be-tarask");
        for (String bad : new String[] {"EN", "e", "en_gb", ""}) {
            assertThatThrownBy(() -> EntityTerms.language(bad))
                    .as(bad)
                    .isInstanceOfSatisfying(
                            ApiException.class, e -> assertThat(e.code()).isEqualTo("invalid-value"));
        }
    }

    private static Entity item(Map<String, String> labels, Map<String, String> descriptions, List<String> aliases) {
        return new Item(
                Q1,
                new Fingerprint(
                        terms(labels),
                        terms(descriptions),
                        Map.of(
                                "en",
                                aliases.stream().map(a -> new Term("en", a)).toList())),
                Map.of(),
                Map.of(),
                null);
    }

    private static Map<String, Term> terms(Map<String, String> values) {
        LinkedHashMap<String, Term> out = new LinkedHashMap<>();
        values.forEach((language, value) -> out.put(language, new Term(language, value)));
        return out;
    }
}
