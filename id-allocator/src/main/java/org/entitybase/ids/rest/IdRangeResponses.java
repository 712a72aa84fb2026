package org.entitybase.ids.rest;

import java.time.ZoneOffset;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

import org.entitybase.ids.repository.IdRangeRow;
import org.entitybase.ids.service.IdRangeAllocator;

/** The JSON bodies of {@link IdRangeResource}'s responses (snake_case, as every Entitybase API). */
final class IdRangeResponses {

    private IdRangeResponses() {}

    /** {@code 201} of a claim: ids {@code range_start..range_end}, both inclusive, are the caller's alone. */
    @RegisterForReflection
    record ClaimedRange(
            @JsonProperty("entity_type") String entityType,
            @JsonProperty("range_start") long rangeStart,
            @JsonProperty("range_end") long rangeEnd) {

        static ClaimedRange of(IdRangeRow row) {
            return new ClaimedRange(row.entityType(), row.rangeStart(), row.rangeEnd());
        }
    }

    /** No claim hands out an id up to {@code up_to}; the next claim starts at {@code next_id}. */
    @RegisterForReflection
    record Reservation(
            @JsonProperty("entity_type") String entityType,
            @JsonProperty("up_to") long upTo,
            @JsonProperty("next_id") long nextId) {}

    @RegisterForReflection
    record RangeListing(
            @JsonProperty("entity_type") String entityType,
            @JsonProperty("next_id") long nextId,
            @JsonProperty("ranges") List<Range> ranges) {

        static RangeListing of(IdRangeAllocator.Listing listing) {
            return new RangeListing(
                    listing.type().jsonName(),
                    listing.nextId(),
                    listing.ranges().stream().map(Range::of).toList());
        }
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Range(
            @JsonProperty("range_start") long rangeStart,
            @JsonProperty("range_end") long rangeEnd,
            @JsonProperty("owner") String owner,
            @JsonProperty("state") String state,
            @JsonProperty("claimed_at") String claimedAt) {

        static Range of(IdRangeRow row) {
            return new Range(
                    row.rangeStart(),
                    row.rangeEnd(),
                    row.owner(),
                    row.state(),
                    row.claimedAt().atOffset(ZoneOffset.UTC).toInstant().toString());
        }
    }
}
