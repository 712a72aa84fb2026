package org.entitybase.runtime.storage;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

class SigV4Test {

    private static final String ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE";
    private static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    /** The GET Object example of AWS's Signature Version 4 documentation for S3, with its published signature. */
    @Test
    void signsAwssDocumentedGetObjectExample() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", "examplebucket.s3.amazonaws.com");
        headers.put("Range", "bytes=0-9");
        headers.put("x-amz-content-sha256", SigV4.sha256Hex(new byte[0]));
        headers.put("x-amz-date", "20130524T000000Z");

        String authorization = new SigV4("us-east-1", "s3")
                .authorization(
                        "GET",
                        "/test.txt",
                        headers,
                        SigV4.sha256Hex(new byte[0]),
                        Instant.parse("2013-05-24T00:00:00Z"),
                        ACCESS_KEY,
                        SECRET_KEY);

        assertThat(authorization)
                .isEqualTo("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,"
                        + " SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,"
                        + " Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
    }

    /** A PUT as PackStore sends it (content type, metadata, signed payload) signs as the SDK's own signer does. */
    @Test
    void signsAPutWithMetadataAsTheSdkDoes() {
        byte[] body = "{\"pack\":1} é".getBytes(StandardCharsets.UTF_8);
        Instant at = Instant.parse("2026-12-07T19:45:12Z");
        String path = "/entitybase-revisions/packs/ab/ab12 x+y";
        String payloadHash = SigV4.sha256Hex(body);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("host", "127.0.0.1:9000");
        headers.put("x-amz-date", SigV4.AMZ_DATE.format(at));
        headers.put("x-amz-content-sha256", payloadHash);
        headers.put("content-type", "application/gzip");
        headers.put("x-amz-meta-checkpoint", "ab12");

        String ours = new SigV4("us-east-1", "s3")
                .authorization(
                        "PUT", SigV4.canonicalPath(path), headers, payloadHash, at, "entitybase", "entitybase-secret");

        SdkHttpRequest.Builder request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.PUT)
                .uri(URI.create("http://127.0.0.1:9000" + SigV4.canonicalPath(path)))
                .putHeader("Content-Type", "application/gzip")
                .putHeader("x-amz-meta-checkpoint", "ab12")
                .putHeader("x-amz-content-sha256", payloadHash);
        SignedRequest signed = AwsV4HttpSigner.create()
                .sign(r -> r.identity(AwsCredentialsIdentity.create("entitybase", "entitybase-secret"))
                        .request(request.build())
                        .payload(ContentStreamProvider.fromByteArray(body))
                        .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "s3")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                        .putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, false)
                        .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, false)
                        .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC)));

        assertThat(ours)
                .isEqualTo(signed.request().firstMatchingHeader("Authorization").orElseThrow());
    }

    @Test
    void encodesEverythingButUnreservedCharactersAndSlashes() {
        assertThat(SigV4.canonicalPath("/b/statement/ab/x y+z~é.json"))
                .isEqualTo("/b/statement/ab/x%20y%2Bz~%C3%A9.json");
    }
}
