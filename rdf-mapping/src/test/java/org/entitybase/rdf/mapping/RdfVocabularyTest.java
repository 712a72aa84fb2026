package org.entitybase.rdf.mapping;

import org.junit.jupiter.api.Test;

import org.entitybase.model.id.EntityId;

import static org.assertj.core.api.Assertions.assertThat;

class RdfVocabularyTest {
    private final RdfVocabulary wikidata = RdfVocabulary.wikidata();

    @Test
    void wikidataNamespacesFollowTheConceptBase() {
        PropertyIris p31 = wikidata.property("P31");

        assertThat(p31.entity().stringValue()).isEqualTo("http://www.wikidata.org/entity/P31");
        assertThat(p31.direct.stringValue()).isEqualTo("http://www.wikidata.org/prop/direct/P31");
        assertThat(p31.statementValueNormalized.stringValue())
                .isEqualTo("http://www.wikidata.org/prop/statement/value-normalized/P31");
        assertThat(p31.novalue.stringValue()).isEqualTo("http://www.wikidata.org/prop/novalue/P31");
        assertThat(wikidata.property("P31")).isSameAs(p31);
        assertThat(wikidata.dataIri(EntityId.parse("L42-F1")).stringValue())
                .isEqualTo("https://www.wikidata.org/wiki/Special:EntityData/L42-F1");
        assertThat(wikidata.prefixes()).containsEntry("wdref", "http://www.wikidata.org/reference/");
    }

    @Test
    void propertiesOfAnotherRepositoryUseItsBases() {
        RdfVocabulary federated = RdfVocabulary.builder("http://acme.test/", "http://data.acme.test/")
                .propertySource("foreign", "http://foreign.test/", "http://data.foreign.test/", "foreign")
                .build();

        assertThat(federated.entityIri(EntityId.parse("P2")).stringValue()).isEqualTo("http://foreign.test/P2");
        assertThat(federated.property("P2").claim.stringValue()).isEqualTo("http://foreign.test/prop/P2");
        assertThat(federated.entityIri(EntityId.parse("Q2")).stringValue()).isEqualTo("http://acme.test/Q2");
    }

    @Test
    void datatypeIrisUseWikibasesGenericNames() {
        assertThat(wikidata.datatypeIri("wikibase-item").getLocalName()).isEqualTo("WikibaseItem");
        assertThat(wikidata.datatypeIri("commonsMedia").getLocalName()).isEqualTo("CommonsMedia");
        assertThat(wikidata.datatypeIri("monolingualtext").getLocalName()).isEqualTo("Monolingualtext");
        assertThat(wikidata.datatypeIri("external-id").getLocalName()).isEqualTo("ExternalId");
    }

    @Test
    void sitelinkLanguagesAreCanonicalBcp47() {
        assertThat(wikidata.canonicalLanguageCode("nds-nl")).isEqualTo("nds-NL");
        assertThat(wikidata.canonicalLanguageCode("zh-min-nan")).isEqualTo("nan");
        assertThat(wikidata.canonicalLanguageCode("simple")).isEqualTo("en-simple");
        assertThat(wikidata.canonicalLanguageCode("nrm")).isEqualTo("fr-x-nrm");
        assertThat(wikidata.canonicalLanguageCode("no")).isEqualTo("nb");
        assertThat(wikidata.canonicalLanguageCode("sr-latn")).isEqualTo("sr-Latn");
    }
}
