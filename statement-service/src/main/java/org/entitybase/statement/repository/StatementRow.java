package org.entitybase.statement.repository;

/** A {@code statement_content} row. */
public record StatementRow(String hash, String property, long refCount, long headRefCount) {}
