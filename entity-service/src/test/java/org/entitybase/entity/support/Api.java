package org.entitybase.entity.support;

import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** RestAssured requests under the API prefix, with the edit headers of a given user. */
public final class Api {

    private Api() {}

    /** The route prefix, {@code /v1/entitybase} by default. */
    public static String prefix() {
        return ConfigProvider.getConfig().getValue("entitybase.api-prefix", String.class);
    }

    public static String path(String relative) {
        return prefix() + relative;
    }

    public static RequestSpecification reader() {
        return RestAssured.given().redirects().follow(false);
    }

    public static RequestSpecification writer(long userId) {
        return reader().header("X-User-ID", userId).contentType(ContentType.JSON);
    }
}
