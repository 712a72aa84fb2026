package org.entitybase.gateway.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/** An RSA key pair of the test's own, its public key as a PEM file for the gateway, and tokens signed with it. */
final class SignedTokens {
    static final String ISSUER = "entitybase-test";

    private final KeyPair keys = newKeyPair();
    private final KeyPair strangerKeys = newKeyPair();

    /** The public key as PEM in a temporary file: the gateway's GATEWAY_JWT_KEYS. */
    Path publicKeyFile() throws IOException {
        Path file = Files.createTempFile("entitybase-jwt", ".pem");
        file.toFile().deleteOnExit();
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes())
                        .encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        Files.writeString(file, pem);
        return file;
    }

    String token(long user, String... roles) {
        return sign(keys, user, Duration.ofMinutes(10), roles);
    }

    String expired(long user, String... roles) {
        return sign(keys, user, Duration.ofMinutes(-5), roles);
    }

    /** Signed by a key the gateway does not know. */
    String foreign(long user, String... roles) {
        return sign(strangerKeys, user, Duration.ofMinutes(10), roles);
    }

    /** A valid token whose payload was changed afterwards (user and roles swapped in, signature kept). */
    String tampered(long user, String... roles) {
        String[] parts = token(user, "reader").split("\\.");
        String[] forged = sign(keys, user, Duration.ofMinutes(10), roles).split("\\.");
        return parts[0] + "." + forged[1] + "." + parts[2];
    }

    private static String sign(KeyPair keys, long user, Duration validFor, String... roles) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject(Long.toString(user));
        claims.setStringListClaim("groups", List.of(roles));
        claims.setJwtId(UUID.randomUUID().toString());
        Instant now = Instant.now();
        claims.setIssuedAtToNow();
        claims.setExpirationTime(
                org.jose4j.jwt.NumericDate.fromSeconds(now.plus(validFor).getEpochSecond()));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(keys.getPrivate());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
