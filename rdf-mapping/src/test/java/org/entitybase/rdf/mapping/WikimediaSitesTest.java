package org.entitybase.rdf.mapping;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WikimediaSitesTest {
    private final WikimediaSites sites = WikimediaSites.INSTANCE;

    @Test
    void languageWikisFollowTheirId() {
        assertThat(sites.site("dewiki"))
                .isEqualTo(new Site("dewiki", "de", "wikipedia", "https://de.wikipedia.org/wiki/$1"));
        assertThat(sites.site("zh_min_nanwikisource"))
                .isEqualTo(new Site(
                        "zh_min_nanwikisource",
                        "zh-min-nan",
                        "wikisource",
                        "https://zh-min-nan.wikisource.org/wiki/$1"));
    }

    @Test
    void exceptionsAndProjectWikis() {
        assertThat(sites.site("be_x_oldwiki").linkPath()).isEqualTo("https://be-tarask.wikipedia.org/wiki/$1");
        assertThat(sites.site("commonswiki"))
                .isEqualTo(new Site("commonswiki", "en", "commons", "https://commons.wikimedia.org/wiki/$1"));
        assertThat(sites.site("nonsense")).isNull();
        assertThat(sites.site("WIKI")).isNull();
    }
}
