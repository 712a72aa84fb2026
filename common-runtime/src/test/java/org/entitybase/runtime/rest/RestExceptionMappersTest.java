package org.entitybase.runtime.rest;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.MDC;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;

import org.entitybase.model.error.ErrorBody;

import static org.assertj.core.api.Assertions.assertThat;

class RestExceptionMappersTest {

    private final RestExceptionMappers mappers = new RestExceptionMappers();
    private static ValidatorFactory validatorFactory;

    @BeforeAll
    static void createValidator() {
        validatorFactory = Validation.buildDefaultValidatorFactory();
    }

    @AfterAll
    static void closeValidator() {
        validatorFactory.close();
    }

    @AfterEach
    void clearMdc() {
        MDC.remove(RequestIds.MDC_KEY);
    }

    private static ErrorBody body(Response response) {
        assertThat(response.getMediaType()).hasToString("application/json");
        return (ErrorBody) response.getEntity();
    }

    @Test
    void apiExceptionKeepsItsStatusCodeAndContext() {
        Response response = mappers.apiException(
                new ApiException(409, "edit-conflict", "head moved", Map.of("head_revision_id", 7)));

        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(body(response))
                .isEqualTo(new ErrorBody("edit-conflict", "head moved", Map.of("head_revision_id", 7)));
    }

    @Test
    void apiExceptionWithRetryAfterSetsTheHeaderAndA5xxCarriesTheRequestId() {
        MDC.put(RequestIds.MDC_KEY, "req-503");
        Response response = mappers.apiException(
                new ApiException(503, "dependency-unavailable", "S3 is down", Map.of(), Duration.ofSeconds(30)));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("30");
        assertThat(body(response).context()).containsEntry(ErrorResponses.REQUEST_ID, "req-503");
    }

    @Test
    void notFoundBecomesNotFoundCodeWithoutRequestId() {
        MDC.put(RequestIds.MDC_KEY, "req-404");
        Response response = mappers.webApplicationException(new NotFoundException());

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(body(response).code()).isEqualTo("not-found");
        assertThat(body(response).context()).isEmpty();
    }

    @Test
    void methodNotAllowedKeepsTheAllowHeader() {
        Response response = mappers.webApplicationException(new NotAllowedException(
                Response.status(405).allow("GET", "HEAD").build()));

        assertThat(response.getStatus()).isEqualTo(405);
        assertThat(body(response).code()).isEqualTo("method-not-allowed");
        assertThat(response.getHeaderString("Allow")).contains("GET").contains("HEAD");
    }

    @Test
    void aResponseWithItsOwnBodyIsLeftAlone() {
        Response own = Response.status(409).entity("custom").build();

        assertThat(mappers.webApplicationException(new WebApplicationException(own)))
                .isSameAs(own);
    }

    @Test
    void unknownStatusesGetAGenericCode() {
        assertThat(ErrorResponses.codeFor(418)).isEqualTo("client-error");
        assertThat(ErrorResponses.codeFor(502)).isEqualTo("server-error");
        assertThat(ErrorResponses.codeFor(423)).isEqualTo("locked");
    }

    @Test
    void malformedJsonIs400WithItsLocation() throws Exception {
        JsonProcessingException parseError = parse("{\"id\": \n  oops}");

        Response response = mappers.jsonProcessingException(parseError);

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(body(response).code()).isEqualTo("invalid-json");
        assertThat(body(response).message()).startsWith("malformed JSON: ").doesNotContain("Source:");
        assertThat(body(response).context()).containsEntry("line", 2).containsKey("column");
    }

    @Test
    void malformedJsonWrappedByTheJaxRsReaderIsStill400InvalidJson() throws Exception {
        WebApplicationException wrapped = new WebApplicationException(parse("[1,"), 400);

        Response response = mappers.webApplicationException(wrapped);

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(body(response).code()).isEqualTo("invalid-json");
    }

    record Label(@NotBlank String language, @Size(max = 5) String value) {}

    @Test
    void constraintViolationsAre400WithOneEntryPerField() {
        Validator validator = validatorFactory.getValidator();
        Set<ConstraintViolation<Label>> violations = validator.validate(new Label("", "much too long"));

        Response response = mappers.validationException(new ConstraintViolationException(violations));

        assertThat(response.getStatus()).isEqualTo(400);
        ErrorBody body = body(response);
        assertThat(body.code()).isEqualTo("validation-failed");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> details =
                (List<Map<String, Object>>) body.context().get("violations");
        assertThat(details).extracting(d -> d.get("field")).containsExactlyInAnyOrder("language", "value");
    }

    static class Labels {
        @NotBlank
        public String label() {
            return "";
        }
    }

    @Test
    void anInvalidReturnValueIsTheServersFault() throws Exception {
        Set<ConstraintViolation<Labels>> violations = validatorFactory
                .getValidator()
                .forExecutables()
                .validateReturnValue(new Labels(), Labels.class.getMethod("label"), "");

        Response response = mappers.validationException(new ConstraintViolationException(violations));

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(body(response).code()).isEqualTo("internal-error");
    }

    @Test
    void anythingElseIs500InternalErrorWithTheRequestIdAndNoDetails() {
        MDC.put(RequestIds.MDC_KEY, "req-500");

        Response response = mappers.unexpected(new IllegalStateException("secret internals"));

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(body(response))
                .isEqualTo(new ErrorBody(
                        "internal-error", "internal error", Map.of(ErrorResponses.REQUEST_ID, "req-500")));
    }

    private static JsonProcessingException parse(String json) throws Exception {
        try (JsonParser parser = new JsonFactory().createParser(json)) {
            while (parser.nextToken() != null) {
                // read to the error
            }
        } catch (JsonProcessingException e) {
            return e;
        }
        throw new AssertionError("expected a parse error for " + json);
    }
}
