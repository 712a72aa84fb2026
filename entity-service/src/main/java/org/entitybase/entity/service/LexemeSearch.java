package org.entitybase.entity.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import org.entitybase.entity.repository.LexemeTermRepository;
import org.entitybase.entity.repository.LexemeTermRepository.Page;
import org.entitybase.entity.repository.LexemeTermRepository.Query;

/** Lemma and representation lookups over {@code lexeme_terms} (kept by every lexeme edit's commit). */
@ApplicationScoped
public class LexemeSearch {

    private final Pool pool;
    private final LexemeTermRepository terms;

    LexemeSearch(Pool pool, LexemeTermRepository terms) {
        this.pool = pool;
        this.terms = terms;
    }

    public Uni<Page> find(Query query) {
        return terms.search(pool, query);
    }
}
