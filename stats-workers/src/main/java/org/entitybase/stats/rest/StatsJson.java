package org.entitybase.stats.rest;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.entitybase.stats.repository.DailyFigures;
import org.entitybase.stats.repository.UserDay;
import org.entitybase.stats.service.StatsRebuild;

/** The JSON of the stats routes (README: "Routes"). */
final class StatsJson {

    static final ObjectMapper JSON = new ObjectMapper();

    private StatsJson() {}

    /** One day of wiki-wide figures: its activity and the totals at its end. */
    static ObjectNode day(DailyFigures f) {
        ObjectNode day = JSON.createObjectNode();
        day.put("day", f.day().toString());
        day.put("finalized_at", f.finalizedAt() == null ? null : f.finalizedAt().toString());
        ObjectNode activity = day.putObject("activity");
        activity.put("revisions", f.revisions());
        activity.put("edits", f.edits());
        activity.put("entities_created", f.entitiesCreated());
        activity.put("deletions", f.deletions());
        activity.put("redirects_created", f.redirectsCreated());
        activity.put("active_users", f.activeUsers());
        activity.put("new_users", f.newUsers());
        if (f.finalizedAt() == null) {
            // totals are computed when the day is finalised
            day.putNull("totals");
            return day;
        }
        ObjectNode totals = day.putObject("totals");
        ObjectNode entities = totals.putObject("entities");
        entities.put("item", f.items());
        entities.put("property", f.properties());
        entities.put("lexeme", f.lexemes());
        entities.put("mediainfo", f.mediainfo());
        totals.put("statements", f.statements());
        totals.put("sitelinks", f.sitelinks());
        totals.put("redirects", f.redirects());
        totals.put("deleted", f.deleted());
        return day;
    }

    /** A user's figures over a range: per day (with a breakdown by entity type) and summed. */
    static ObjectNode user(long userId, StatsParams.DayRange range, List<UserDay> rows) {
        ObjectNode body = JSON.createObjectNode();
        body.put("user_id", userId);
        body.put("from", range.from().toString());
        body.put("to", range.to().toString());
        Map<String, ObjectNode> days = new TreeMap<>();
        ObjectNode total = JSON.createObjectNode();
        for (UserDay row : rows) {
            ObjectNode day = days.computeIfAbsent(row.day().toString(), d -> {
                ObjectNode node = JSON.createObjectNode();
                node.put("day", d);
                node.putObject("by_type");
                return node;
            });
            add(day, row);
            add(total, row);
            add(day.with("by_type").with(row.entityType()), row);
        }
        body.putArray("days").addAll(days.values());
        for (String name : FIELDS) {
            total.put(name, total.path(name).asLong(0));
        }
        body.set("totals", total);
        return body;
    }

    /** A rebuild's report. */
    static ObjectNode report(StatsRebuild.Report report) {
        ObjectNode body = JSON.createObjectNode();
        body.put("revisions_checked", report.revisionsChecked());
        body.put("entities_checked", report.entitiesChecked());
        body.put("user_days_checked", report.userDaysChecked());
        body.put("days_checked", report.daysChecked());
        body.put("difference_count", report.differenceCount());
        body.put("applied", report.applied());
        var list = body.putArray("differences");
        for (StatsRebuild.Difference d : report.differences()) {
            list.addObject()
                    .put("table", d.table())
                    .put("key", d.key())
                    .put("expected", d.expected())
                    .put("actual", d.actual());
        }
        return body;
    }

    private static final List<String> FIELDS =
            List.of("revisions", "edits", "entities_created", "statements_added", "statements_removed");

    private static void add(ObjectNode node, UserDay row) {
        long[] values = {
            row.revisions(), row.edits(), row.entitiesCreated(), row.statementsAdded(), row.statementsRemoved()
        };
        for (int i = 0; i < FIELDS.size(); i++) {
            node.put(FIELDS.get(i), node.path(FIELDS.get(i)).asLong(0) + values[i]);
        }
    }
}
