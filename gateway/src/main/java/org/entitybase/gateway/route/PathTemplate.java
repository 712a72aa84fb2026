package org.entitybase.gateway.route;

import java.util.regex.Pattern;

/**
 * Turns a route path template into a regular expression.
 *
 * <p>Syntax: literal characters; {@code {name}} = one path segment ({@code [^/]+}); {@code {name:a|b|c}} = one of the
 * listed literal words; a final {@code /**} = the path itself or anything below it. The output uses only constructs
 * that java.util.regex and PCRE (nginx) read the same way, so the gateway and the generated Ingress agree.
 */
public final class PathTemplate {
    private static final Pattern PLACEHOLDER_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Pattern ALTERNATIVES = Pattern.compile("[A-Za-z0-9_-]+(\\|[A-Za-z0-9_-]+)*");
    private static final String REGEX_METACHARACTERS = "\\.[]{}()*+?^$|";
    private static final String ANY_SUBPATH = "/**";

    private PathTemplate() {}

    /** The regex (unanchored; callers match it against the whole path) for a template such as {@code /entities/{id}}. */
    public static String toRegex(String template) {
        if (!template.startsWith("/")) {
            throw new IllegalArgumentException("path template must start with '/': " + template);
        }
        boolean anySubpath = template.endsWith(ANY_SUBPATH);
        String body = anySubpath ? template.substring(0, template.length() - ANY_SUBPATH.length()) : template;
        if (body.contains("*")) {
            throw new IllegalArgumentException("'**' is only allowed as a final '/**': " + template);
        }
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c == '{') {
                int end = body.indexOf('}', i);
                if (end < 0) {
                    throw new IllegalArgumentException("unclosed '{' in path template: " + template);
                }
                appendPlaceholder(regex, body.substring(i + 1, end), template);
                i = end + 1;
            } else if (c == '}') {
                throw new IllegalArgumentException("unmatched '}' in path template: " + template);
            } else {
                if (REGEX_METACHARACTERS.indexOf(c) >= 0) {
                    regex.append('\\');
                }
                regex.append(c);
                i++;
            }
        }
        if (anySubpath) {
            regex.append("(?:/.*)?");
        }
        return regex.toString();
    }

    private static void appendPlaceholder(StringBuilder regex, String placeholder, String template) {
        int colon = placeholder.indexOf(':');
        String name = colon < 0 ? placeholder : placeholder.substring(0, colon);
        if (!PLACEHOLDER_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("bad placeholder name '" + name + "' in path template: " + template);
        }
        if (colon < 0) {
            regex.append("[^/]+");
            return;
        }
        String alternatives = placeholder.substring(colon + 1);
        if (!ALTERNATIVES.matcher(alternatives).matches()) {
            throw new IllegalArgumentException(
                    "placeholder '" + name + "' must list literal words separated by '|' in: " + template
                            + " (use a \"regex\" route for anything else)");
        }
        regex.append("(?:").append(alternatives).append(')');
    }
}
