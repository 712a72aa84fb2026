package org.entitybase.watchlist.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

import org.entitybase.runtime.rest.ApiException;
import org.entitybase.watchlist.repository.NotificationCursor;
import org.entitybase.watchlist.repository.NotificationRepository;
import org.entitybase.watchlist.repository.NotificationRepository.Notification;

/** A user's notifications: newest-first pages, the unread count, marking read. */
@ApplicationScoped
public class NotificationService {

    /** One page and the cursor of the next (null on the last page). */
    public record Page(List<Notification> notifications, String next) {}

    private final Pool pool;
    private final NotificationRepository notifications;

    NotificationService(Pool pool, NotificationRepository notifications) {
        this.pool = pool;
        this.notifications = notifications;
    }

    public Uni<Page> page(long userId, boolean unreadOnly, NotificationCursor after, int limit) {
        // one row more than asked says whether a next page exists
        return notifications.page(pool, userId, unreadOnly, after, limit + 1).map(rows -> {
            if (rows.size() <= limit) {
                return new Page(rows, null);
            }
            Notification last = rows.get(limit - 1);
            return new Page(rows.subList(0, limit), new NotificationCursor(last.createdAt(), last.id()).encode());
        });
    }

    public Uni<Long> unreadCount(long userId) {
        return notifications.unreadCount(pool, userId);
    }

    /** Marks one read (a no-op when it was read already); 404 {@code notification-not-found} when not the user's. */
    public Uni<Notification> markRead(long userId, long id) {
        return notifications
                .markRead(pool, userId, id, Instant.now())
                .flatMap(ignored -> notifications.get(pool, userId, id))
                .map(n -> {
                    if (n == null) {
                        throw new ApiException(
                                404,
                                "notification-not-found",
                                "user " + userId + " has no notification " + id,
                                Map.of("user_id", userId, "notification_id", id));
                    }
                    return n;
                });
    }

    /** Marks those of {@code ids} that are the user's and unread; how many. */
    public Uni<Long> markRead(long userId, List<Long> ids) {
        return notifications.markRead(pool, userId, ids, Instant.now());
    }

    /** Marks every unread notification created before {@code before}; how many. */
    public Uni<Long> markReadBefore(long userId, Instant before) {
        return notifications.markReadBefore(pool, userId, before, Instant.now());
    }
}
