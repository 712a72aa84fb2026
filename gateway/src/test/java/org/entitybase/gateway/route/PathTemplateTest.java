package org.entitybase.gateway.route;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PathTemplateTest {
    @Test
    void compilesPlaceholdersSuffixesAndSubtrees() {
        assertThat(PathTemplate.toRegex("/entities/{id}")).isEqualTo("/entities/[^/]+");
        assertThat(PathTemplate.toRegex("/entities/{id}.{format:ttl|nt|rdf}"))
                .isEqualTo("/entities/[^/]+\\.(?:ttl|nt|rdf)");
        assertThat(PathTemplate.toRegex("/statements/**")).isEqualTo("/statements(?:/.*)?");
        assertThat(PathTemplate.toRegex("/a+b/(c)")).isEqualTo("/a\\+b/\\(c\\)");
    }

    @Test
    void placeholderTakesOneSegmentAndBacktracksBeforeTheSuffix() {
        Pattern rdf = Pattern.compile(PathTemplate.toRegex("/entities/{id}.{format:ttl|nt|rdf}"));
        assertThat(rdf.matcher("/entities/Q42.ttl").matches()).isTrue();
        assertThat(rdf.matcher("/entities/Q4.2.nt").matches()).isTrue();
        assertThat(rdf.matcher("/entities/Q42").matches()).isFalse();
        assertThat(rdf.matcher("/entities/Q42/x.ttl").matches()).isFalse();
        assertThat(rdf.matcher("/entities/.ttl").matches()).isFalse();
    }

    @Test
    void subtreeMatchesItselfAndBelowButNotSiblingsWithTheSamePrefix() {
        Pattern stats = Pattern.compile(PathTemplate.toRegex("/stats/**"));
        assertThat(stats.matcher("/stats").matches()).isTrue();
        assertThat(stats.matcher("/stats/").matches()).isTrue();
        assertThat(stats.matcher("/stats/users/1").matches()).isTrue();
        assertThat(stats.matcher("/statsx").matches()).isFalse();
    }

    @Test
    void rejectsMalformedTemplates() {
        assertThatThrownBy(() -> PathTemplate.toRegex("entities")).hasMessageContaining("start with '/'");
        assertThatThrownBy(() -> PathTemplate.toRegex("/a/**/b")).hasMessageContaining("final '/**'");
        assertThatThrownBy(() -> PathTemplate.toRegex("/a/{id")).hasMessageContaining("unclosed");
        assertThatThrownBy(() -> PathTemplate.toRegex("/a/id}")).hasMessageContaining("unmatched");
        assertThatThrownBy(() -> PathTemplate.toRegex("/a/{1d}")).hasMessageContaining("bad placeholder name");
        assertThatThrownBy(() -> PathTemplate.toRegex("/a/{f:t.x}")).hasMessageContaining("literal words");
    }
}
