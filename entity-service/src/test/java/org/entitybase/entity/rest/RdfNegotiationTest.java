package org.entitybase.entity.rest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RdfNegotiationTest {

    @Test
    void rdfTypesPreferredOverJsonRedirect() {
        assertThat(RdfNegotiation.rdfExtension("text/turtle")).isEqualTo("ttl");
        assertThat(RdfNegotiation.rdfExtension("application/n-triples")).isEqualTo("nt");
        assertThat(RdfNegotiation.rdfExtension("application/rdf+xml")).isEqualTo("rdf");
        assertThat(RdfNegotiation.rdfExtension("application/json;q=0.5, text/turtle;q=0.9"))
                .isEqualTo("ttl");
        assertThat(RdfNegotiation.rdfExtension("Text/Turtle; charset=utf-8")).isEqualTo("ttl");
    }

    @Test
    void jsonWinsTiesWildcardsAndTheUnknown() {
        assertThat(RdfNegotiation.rdfExtension(null)).isNull();
        assertThat(RdfNegotiation.rdfExtension("*/*")).isNull();
        assertThat(RdfNegotiation.rdfExtension("application/json, text/turtle")).isNull();
        assertThat(RdfNegotiation.rdfExtension("text/html")).isNull();
        assertThat(RdfNegotiation.rdfExtension("text/*")).isEqualTo("ttl");
        assertThat(RdfNegotiation.rdfExtension("text/turtle;q=0, */*")).isNull();
        assertThat(RdfNegotiation.rdfExtension("garbage;;q=x,")).isNull();
    }
}
