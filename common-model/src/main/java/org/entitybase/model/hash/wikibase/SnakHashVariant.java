package org.entitybase.model.hash.wikibase;

/**
 * The snak pre-image formats Wikibase has used (HASHES.md §7). Hashes are computed when JSON is exported, so a JSON
 * snapshot carries the format of its export date. Only {@link #CURRENT} is ever written; the others exist to explain
 * hashes in old snapshots.
 */
public enum SnakHashVariant {
    /** Since about Oct 2021 (DataModel {@code NumericPropertyId}): HASHES.md §2–§3. */
    CURRENT,
    /** Mar 2017 to about Oct 2021: property-valued entity ids used the class {@code …\Entity\PropertyId}. */
    LEGACY_PROPERTY_ID_CLASS,
    /**
     * Before DataModel 7.0 (Mar 2017): numeric property ids in snaks ({@code i:<n>;}), EntityIdValue payload as the JSON
     * {@code ["item",42]}, and timestamps hashed verbatim.
     */
    PRE_2017
}
