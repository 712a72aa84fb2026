package org.entitybase.entity.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import org.entitybase.entity.config.EntityServiceConfig;
import org.entitybase.entity.repository.ImportJobRepository;
import org.entitybase.entity.repository.ImportJobRepository.Job;
import org.entitybase.entity.repository.ImportJobRepository.LineError;
import org.entitybase.entity.repository.ImportJobRepository.Progress;
import org.entitybase.entity.service.DumpLines.Line;
import org.entitybase.model.entity.Entity;
import org.entitybase.model.id.EntityId;
import org.entitybase.model.id.EntityType;
import org.entitybase.runtime.rest.ApiException;

/**
 * Bulk import jobs (issue 14; docs/DECISIONS.md "Bulk import jobs"). A client sends a dump to a job in parts of whole
 * lines; each line goes the way of {@code POST /import} ({@link EntityWriteService#importEntity(Entity,
 * EditContext)}: the same revisions, events, statement counts and RDF), a few at a time, with one id reservation per
 * entity type and part instead of one per entity. A line that fails with a 4xx (bad JSON, no id, an unknown property,
 * a mass-edit-protected entity, an id twice in one part) is reported with its line number and the part goes on; any
 * other failure fails the part, and the job's cursor stays where it was for the client to send the part again.
 */
@ApplicationScoped
public class ImportJobs {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EntityWriteService writes;
    private final ImportJobRepository jobs;
    private final int concurrency;
    private final int maxErrors;

    ImportJobs(EntityWriteService writes, ImportJobRepository jobs, EntityServiceConfig config) {
        this.writes = writes;
        this.jobs = jobs;
        this.concurrency = Math.max(1, config.imports().concurrency());
        this.maxErrors = Math.max(0, config.imports().maxErrors());
    }

    /** What a part did: its lines and its counts; {@code errors} are its bad lines. */
    public record PartResult(Job job, long firstLine, long lastLine, Progress progress) {}

    public Uni<Job> create(EditContext context, Long totalLines) {
        String summary = context.summary() == null ? "" : context.summary();
        return jobs.insert(context.userId(), summary, totalLines, RevisionTimestamps.now())
                .flatMap(id -> find(id));
    }

    /** The job; 404 if there is none. */
    public Uni<Job> find(long id) {
        return jobs.find(id).map(job -> {
            if (job == null) {
                throw new ApiException(
                        404, "import-job-not-found", "there is no import job " + id, Map.of("job_id", id));
            }
            return job;
        });
    }

    /**
     * Lines {@code firstLine}… of the dump ({@code part}, whole lines); lines the job has committed already are
     * skipped (a client sending a part again after a kill). {@code last}: the dump ends with this part.
     */
    public Uni<PartResult> importPart(long jobId, long firstLine, byte[] part, boolean last) {
        if (firstLine < 1) {
            throw new ApiException(
                    400, "invalid-parameter", "from is a line number, 1 or more", Map.of("from", firstLine));
        }
        return find(jobId).flatMap(job -> {
            if (ImportJobRepository.DONE.equals(job.state())) {
                throw new ApiException(
                        409,
                        "import-job-done",
                        "import job " + jobId + " has had its last part",
                        Map.of("job_id", jobId));
            }
            if (firstLine > job.committedLine() + 1) {
                throw new ApiException(
                        409,
                        "import-line-gap",
                        "import job " + jobId + " has committed up to line " + job.committedLine() + "; send line "
                                + (job.committedLine() + 1) + " next",
                        Map.of("job_id", jobId, "next_line", job.committedLine() + 1, "from", firstLine));
            }
            long lastLine = firstLine + DumpLines.count(part) - 1;
            List<Line> lines = DumpLines.of(part, firstLine).stream()
                    .filter(line -> line.number() > job.committedLine())
                    .toList();
            EditContext context =
                    new EditContext(job.userId(), job.summary(), null, EditContext.ExpectationSource.NONE, true);
            return importLines(lines, context).flatMap(progress -> {
                long to = Math.max(job.committedLine(), lastLine);
                return jobs.advance(job, to, progress, last, maxErrors, RevisionTimestamps.now())
                        .flatMap(advanced -> {
                            if (!advanced) {
                                throw new ApiException(
                                        409,
                                        "import-job-moved",
                                        "another part of import job " + jobId + " committed meanwhile; ask for the"
                                                + " job's committed_line and go on from there",
                                        Map.of("job_id", jobId));
                            }
                            return find(jobId);
                        })
                        .map(after -> new PartResult(after, firstLine, lastLine, progress));
            });
        });
    }

    /** The job's state as JSON: counts, rate, ETA (when the client gave the dump's line count) and bad lines. */
    public Uni<ObjectNode> describe(Job job, int errorLimit) {
        return jobs.errors(job.id(), errorLimit).map(errors -> {
            ObjectNode node = progress(job);
            node.set("errors", errors(errors));
            return node;
        });
    }

    /** A part's answer: the job's progress and the part's own lines, counts and bad lines. */
    public static ObjectNode describe(PartResult result) {
        ObjectNode node = progress(result.job());
        ObjectNode part = node.putObject("part");
        part.put("first_line", result.firstLine());
        part.put("last_line", result.lastLine());
        Progress p = result.progress();
        part.put("created", p.created());
        part.put("updated", p.updated());
        part.put("unchanged", p.unchanged());
        part.put("failed", p.errors().size());
        part.set("errors", errors(p.errors()));
        return node;
    }

    // ---------------------------------------------------------------- the lines

    private record Parsed(Line line, Entity entity, LineError error) {}

    private Uni<Progress> importLines(List<Line> lines, EditContext context) {
        return Multi.createFrom()
                .iterable(lines)
                .onItem()
                .transformToUni(line -> Uni.createFrom()
                        .deferred(() -> writes.parseImport(line.json()))
                        .map(entity -> new Parsed(line, entity, null))
                        .onFailure(ImportJobs::isLineError)
                        .recoverWithItem(failure -> new Parsed(line, null, lineError(line.number(), failure))))
                .merge(concurrency)
                .collect()
                .asList()
                .flatMap(parsed -> {
                    parsed.sort(Comparator.comparingLong(p -> p.line().number()));
                    List<LineError> errors = new ArrayList<>();
                    List<Parsed> valid = new ArrayList<>();
                    Map<EntityId, Long> firstLines = new HashMap<>();
                    Map<EntityType, EntityId> highest = new EnumMap<>(EntityType.class);
                    for (Parsed p : parsed) {
                        if (p.error() != null) {
                            errors.add(p.error());
                            continue;
                        }
                        EntityId id = p.entity().id();
                        Long first = firstLines.putIfAbsent(id, p.line().number());
                        if (first != null) {
                            errors.add(lineError(p.line().number(), duplicate(id, first)));
                            continue;
                        }
                        highest.merge(id.type(), id, (a, b) -> a.numericId() >= b.numericId() ? a : b);
                        valid.add(p);
                    }
                    return reserve(highest.values()).flatMap(reserved -> importAll(valid, context, errors));
                });
    }

    /** The id source moves past the highest id of each type, once per part. */
    private Uni<Void> reserve(Iterable<EntityId> ids) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (EntityId id : ids) {
            chain = chain.flatMap(ignored -> writes.reserveUpTo(id));
        }
        return chain;
    }

    private Uni<Progress> importAll(List<Parsed> valid, EditContext context, List<LineError> errors) {
        long[] counts = new long[3]; // created, updated, unchanged
        return Multi.createFrom()
                .iterable(valid)
                .onItem()
                .transformToUni(p -> Uni.createFrom()
                        .deferred(() -> writes.importEntity(p.entity(), context))
                        .map(result -> {
                            synchronized (counts) {
                                counts[result.created() ? 0 : result.nullEdit() ? 2 : 1]++;
                            }
                            return Optional.<LineError>empty();
                        })
                        .onFailure(ImportJobs::isLineError)
                        .recoverWithItem(
                                failure -> Optional.of(lineError(p.line().number(), failure))))
                .merge(concurrency)
                .collect()
                .asList()
                .map(outcomes -> {
                    List<LineError> all = new ArrayList<>(errors);
                    outcomes.forEach(outcome -> outcome.ifPresent(all::add));
                    all.sort(Comparator.comparingLong(LineError::line));
                    synchronized (counts) {
                        return new Progress(counts[0], counts[1], counts[2], all);
                    }
                });
    }

    /** A client error belongs to its line; anything else (the database, S3) fails the part. */
    private static boolean isLineError(Throwable failure) {
        return failure instanceof ApiException api && api.status() >= 400 && api.status() < 500;
    }

    private static ApiException duplicate(EntityId id, long firstLine) {
        return new ApiException(
                409,
                "duplicate-id",
                "entity " + id + " is on line " + firstLine + " of this part already",
                Map.of("id", id.value(), "first_line", firstLine));
    }

    private static LineError lineError(long line, Throwable failure) {
        ApiException api = (ApiException) failure;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", api.code());
        body.put("message", api.getMessage());
        body.put("context", api.context());
        try {
            return new LineError(line, api.status(), JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an error body that is no JSON: " + body, e);
        }
    }

    // ---------------------------------------------------------------- JSON

    private static ObjectNode progress(Job job) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", job.id());
        node.put("state", job.state());
        node.put("committed_line", job.committedLine());
        if (job.totalLines() == null) {
            node.putNull("total_lines");
        } else {
            node.put("total_lines", job.totalLines());
        }
        long done = job.created() + job.updated() + job.unchanged();
        node.put("entities_done", done);
        node.put("created", job.created());
        node.put("updated", job.updated());
        node.put("unchanged", job.unchanged());
        node.put("failed", job.failed());
        node.put("started_at", RevisionTimestamps.iso(job.startedAt()));
        node.put("updated_at", RevisionTimestamps.iso(job.updatedAt()));
        Instant end = ImportJobRepository.DONE.equals(job.state()) ? job.updatedAt() : Instant.now();
        double seconds = Math.max(0.001, Duration.between(job.startedAt(), end).toMillis() / 1000.0);
        node.put("elapsed_seconds", Math.round(seconds * 10) / 10.0);
        node.put("per_second", Math.round((done + job.failed()) / seconds * 10) / 10.0);
        if (job.totalLines() != null && job.committedLine() > 0 && !ImportJobRepository.DONE.equals(job.state())) {
            long left = Math.max(0, job.totalLines() - job.committedLine());
            node.put("eta_seconds", Math.round(left * seconds / job.committedLine()));
        } else {
            node.putNull("eta_seconds");
        }
        return node;
    }

    private static ArrayNode errors(List<LineError> errors) {
        ArrayNode array = JSON.createArrayNode();
        for (LineError error : errors) {
            ObjectNode node = array.addObject();
            node.put("line", error.line());
            node.put("status", error.status());
            try {
                node.set("error", JSON.readTree(error.body()));
            } catch (JsonProcessingException e) {
                node.put("error", error.body());
            }
        }
        return array;
    }
}
