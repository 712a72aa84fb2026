package org.entitybase.runtime.health;

/** Short, single-line failure reasons for health check data. */
final class HealthMessages {

    static final int MAX_LENGTH = 200;

    private HealthMessages() {}

    /** The exception's (or its root cause's) message, first line only, at most 200 characters. */
    static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getMessage() == null && root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline);
        }
        return message.length() <= MAX_LENGTH ? message : message.substring(0, MAX_LENGTH);
    }
}
