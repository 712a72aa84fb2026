package org.entitybase.rdf.mapping;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UrlEncodingTest {

    @Test
    void rawUrlEncodeIsPhpsForCommonsFileNames() {
        assertThat(UrlEncoding.rawUrlEncode("LL-Q1860 (eng)-Wodencafe-answer's.wav"))
                .isEqualTo("LL-Q1860%20%28eng%29-Wodencafe-answer%27s.wav");
        assertThat(UrlEncoding.rawUrlEncode("a~b")).isEqualTo("a~b");
    }

    @Test
    void wfUrlEncodeKeepsMediaWikisSafeCharacters() {
        assertThat(UrlEncoding.wfUrlEncode("Data:Berlin map (1).map")).isEqualTo("Data:Berlin+map+(1).map");
        assertThat(UrlEncoding.wfUrlEncode("Вселена_—_Космос"))
                .isEqualTo("%D0%92%D1%81%D0%B5%D0%BB%D0%B5%D0%BD%D0%B0_%E2%80%94_%D0%9A%D0%BE%D1%81%D0%BC%D0%BE%D1%81");
        assertThat(UrlEncoding.wfUrlEncode("a;b@c$d!e*f,g/h~i:j&k=l?m#n"))
                .isEqualTo("a;b@c$d!e*f,g/h~i:j%26k%3Dl%3Fm%23n");
    }

    @Test
    void escapeIriEncodesOnlyWhatAnIriCannotHold() {
        assertThat(UrlEncoding.escapeIri("http://url.acme.test\\badurl?chars=\\привет< >\""))
                .isEqualTo("http://url.acme.test%5Cbadurl?chars=%5Cпривет%3C%20%3E%22");
        String fine = "https://example.org/a?b=c&d=%20#e";
        assertThat(UrlEncoding.escapeIri(fine)).isSameAs(fine);
    }
}
