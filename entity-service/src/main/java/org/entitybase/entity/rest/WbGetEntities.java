package org.entitybase.entity.rest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

import org.entitybase.entity.rest.EntityDocuments.Document;
import org.entitybase.entity.rest.EntityDocuments.Found;
import org.entitybase.entity.rest.EntityDocuments.Redirected;
import org.entitybase.entity.service.EntityReadService;
import org.entitybase.model.id.EntityId;
import org.entitybase.runtime.rest.ApiException;

/**
 * {@code action=wbgetentities}: up to 50 entities by {@code ids}, or by {@code sites}+{@code titles}, each as its
 * Wikibase JSON (the stored bytes as they are when nothing is filtered), keyed by the id asked for, in the order
 * asked. Missing, deleted and (with {@code redirects=no}) redirected ids are {@code missing} entries; with {@code
 * redirects=yes} (the default) a redirect is answered with its target, marked {@code "redirects": {"from", "to"}}.
 * {@code props} and {@code languages} filter the JSON as Wikibase does.
 */
@ApplicationScoped
class WbGetEntities {

    static final String ACTION = "wbgetentities";

    /** Wikibase's default {@code props}. */
    private static final Set<String> ALL_PROPS =
            Set.of("info", "sitelinks", "sitelinks/urls", "aliases", "labels", "descriptions", "claims", "datatype");

    private static final List<String> INFO_FIELDS = List.of("pageid", "ns", "title", "lastrevid", "modified");
    private static final List<String> TERM_FIELDS = List.of("labels", "descriptions", "aliases");

    private final EntityDocuments documents;
    private final EntityReadService reads;

    WbGetEntities(EntityDocuments documents, EntityReadService reads) {
        this.documents = documents;
        this.reads = reads;
    }

    /** What one key of {@code entities} holds: a document (maybe reached through a redirect) or nothing. */
    private record Entry(String key, Found found, EntityId redirectTarget, String site, String title) {}

    record Filter(Set<String> props, Set<String> languages) {
        boolean none() {
            return props.equals(ALL_PROPS) && languages == null;
        }
    }

    Uni<byte[]> run(ActionApiParams params, boolean formatVersion2) {
        List<String> warnings = new ArrayList<>();
        List<String> ids = params.list("ids");
        List<String> sites = params.list("sites");
        List<String> titles = params.list("titles");
        if (ids.isEmpty() && (sites.isEmpty() || titles.isEmpty())) {
            throw new ActionApiError(
                    "param-missing",
                    "Either provide the item \"ids\" or pairs of \"sites\" and \"titles\" for corresponding pages");
        }
        if (sites.size() > 1 && titles.size() > 1 && sites.size() != titles.size()) {
            throw new ActionApiError(
                    "params-illegal", "Must request one site, one title, or an equal number of sites and titles");
        }
        List<EntityId> parsed = new ArrayList<>();
        for (String id : ids) {
            parsed.add(ActionApiParams.entityId(id));
        }
        boolean followRedirects =
                params.oneOf("redirects", Set.of("yes", "no"), "yes").equals("yes");
        Filter filter = new Filter(props(params, warnings), languages(params));

        List<Uni<Entry>> entries = new ArrayList<>();
        for (EntityId id : new LinkedHashSet<>(parsed)) {
            entries.add(entry(id, followRedirects));
        }
        if (!sites.isEmpty() && !titles.isEmpty()) {
            int pairs = Math.max(sites.size(), titles.size());
            for (int i = 0; i < pairs; i++) {
                String site = sites.get(sites.size() == 1 ? 0 : i);
                String title = titles.get(titles.size() == 1 ? 0 : i);
                entries.add(reads.bySitelink(site, title)
                        .flatMap(id -> id == null
                                ? Uni.createFrom().item(new Entry(null, null, null, site, title))
                                : entry(id, followRedirects)));
            }
        }
        return Uni.join()
                .all(entries)
                .andFailFast()
                // filtering parses entity JSON: CPU work, off the event loop
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(loaded -> answer(loaded, filter, warnings, formatVersion2));
    }

    private Uni<Entry> entry(EntityId id, boolean followRedirects) {
        return documents
                .load(id, null)
                .flatMap(document -> {
                    if (document instanceof Found found) {
                        return Uni.createFrom().item(new Entry(id.value(), found, null, null, null));
                    }
                    EntityId target = ((Redirected) document).target();
                    if (!followRedirects) {
                        return Uni.createFrom().item(missing(id));
                    }
                    return documents
                            .load(target, null)
                            .map((Document resolved) -> resolved instanceof Found found
                                    ? new Entry(id.value(), found, target, null, null)
                                    : missing(id)); // a redirect to a redirect: Wikibase follows one hop only
                })
                .onFailure(ApiException.class)
                .recoverWithItem(failure -> {
                    int status = ((ApiException) failure).status();
                    if (status == 404 || status == 410) {
                        return missing(id);
                    }
                    throw (ApiException) failure;
                });
    }

    private static Entry missing(EntityId id) {
        return new Entry(id.value(), null, null, null, null);
    }

    private static byte[] answer(List<Entry> entries, Filter filter, List<String> warnings, boolean v2) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 14);
        out.writeBytes(ascii("{"));
        if (!warnings.isEmpty()) {
            ObjectNode module = EntityResponses.object();
            module.putObject(ACTION).put("*", String.join("\n", warnings));
            out.writeBytes(ascii("\"warnings\":"));
            out.writeBytes(SubResources.bytes(module));
            out.writeBytes(ascii(","));
        }
        out.writeBytes(ascii("\"entities\":{"));
        Map<String, Entry> byKey = new LinkedHashMap<>();
        int unknownPages = 0;
        for (Entry entry : entries) {
            String key = entry.key() != null ? entry.key() : Integer.toString(-(++unknownPages));
            byKey.putIfAbsent(key, entry);
        }
        boolean first = true;
        for (Map.Entry<String, Entry> keyed : byKey.entrySet()) {
            if (!first) {
                out.writeBytes(ascii(","));
            }
            first = false;
            out.writeBytes(SubResources.bytes(TextNode.valueOf(keyed.getKey())));
            out.writeBytes(ascii(":"));
            out.writeBytes(json(keyed.getValue(), filter, v2));
        }
        out.writeBytes(ascii("},\"success\":1}"));
        return out.toByteArray();
    }

    private static byte[] json(Entry entry, Filter filter, boolean v2) {
        if (entry.found() == null) {
            ObjectNode missing = EntityResponses.object();
            if (entry.key() != null) {
                missing.put("id", entry.key());
            } else {
                missing.put("site", entry.site()).put("title", entry.title());
            }
            if (v2) {
                missing.put("missing", true);
            } else {
                missing.put("missing", "");
            }
            return SubResources.bytes(missing);
        }
        if (filter.none() && entry.redirectTarget() == null) {
            return entry.found().json();
        }
        ObjectNode entity = (ObjectNode) SubResources.tree(entry.found().json());
        filter(entity, filter);
        if (entry.redirectTarget() != null) {
            entity.putObject("redirects")
                    .put("from", entry.key())
                    .put("to", entry.redirectTarget().value());
        }
        return SubResources.bytes(entity);
    }

    /** Drops what {@code props} leaves out and the terms in other languages than {@code languages}. */
    static void filter(ObjectNode entity, Filter filter) {
        Set<String> props = filter.props();
        if (!props.contains("info")) {
            entity.remove(INFO_FIELDS);
        }
        for (String terms : TERM_FIELDS) {
            if (!props.contains(terms)) {
                entity.remove(terms);
            } else if (filter.languages() != null && entity.get(terms) instanceof ObjectNode byLanguage) {
                byLanguage.retain(filter.languages());
            }
        }
        if (!props.contains("sitelinks") && !props.contains("sitelinks/urls")) {
            entity.remove("sitelinks");
        }
        if (!props.contains("claims")) {
            entity.remove("claims");
        }
        if (!props.contains("datatype")) {
            entity.remove("datatype");
        }
    }

    /** {@code props}, Wikibase's default when absent; unknown values are warned about and ignored, as MediaWiki does. */
    private static Set<String> props(ActionApiParams params, List<String> warnings) {
        if (params.get("props") == null) {
            return ALL_PROPS;
        }
        Set<String> props = new LinkedHashSet<>();
        for (String prop : params.list("props")) {
            if (ALL_PROPS.contains(prop)) {
                props.add(prop);
            } else {
                warnings.add("Unrecognized value for parameter \"props\": " + prop);
            }
        }
        return props.equals(ALL_PROPS) ? ALL_PROPS : Set.copyOf(props);
    }

    private static Set<String> languages(ActionApiParams params) {
        List<String> languages = params.list("languages");
        return languages.isEmpty() ? null : Set.copyOf(languages);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
