/**
 * The content-object split of STORAGE.md: an entity revision becomes immutable, content-addressed objects plus a
 * {@link org.entitybase.model.content.RevisionManifest}, and is assembled back from them.
 *
 * <p>Every object's bytes are RFC 8785 canonical JSON ({@code hash.content.JsonCanonicalizer}); its address is the
 * SHA-256 of those bytes with its {@link org.entitybase.model.content.ContentKind}. Leaf objects are the Wikibase JSON
 * of the part; composite objects refer to children by the 64-hex SHA-256 alone (the kind follows from the field).
 * Where order matters (JSON object order of Wikibase maps) composites use arrays of {@code [key, value]} pairs,
 * because canonical JSON sorts object members. Empty collections and null scalars are left out of composites.
 *
 * <table>
 *   <caption>Object shapes</caption>
 *   <tr><th>kind</th><th>bytes</th></tr>
 *   <tr><td>snak</td><td>the Wikibase JSON snak, {@code hash} and {@code datatype} included when present</td></tr>
 *   <tr><td>term</td><td>{@code {"language","value"}}: labels, descriptions, aliases, lemmas, representations and
 *       glosses share one kind, so equal texts share one object</td></tr>
 *   <tr><td>sitelink</td><td>{@code {"site","title","badges"[,"url"]}}</td></tr>
 *   <tr><td>reference</td><td>{@code {"hash"?, "snaks": [[pid, [snak…]]…], "snaks-order": [pid…]}}</td></tr>
 *   <tr><td>qualifiers</td><td>{@code {"qualifiers": [[pid, [snak…]]…], "qualifiers-order": [pid…]}}</td></tr>
 *   <tr><td>statement</td><td>{@code {"mainsnak": snak, "rank"?, "qualifiers": qualifiers?, "references":
 *       [reference…]}}: no GUID, so equal claims in different entities share one object</td></tr>
 *   <tr><td>form</td><td>{@code {"id", "representations": [[lang, term]…], "grammaticalFeatures": [qid…],
 *       "claims": [[pid, [[guid, statement]…]]…]}}</td></tr>
 *   <tr><td>sense</td><td>{@code {"id", "glosses": [[lang, term]…], "claims": …}}</td></tr>
 *   <tr><td>revision</td><td>{@code {"schema": "4.0.0", "type", "id", "datatype"?, "labels", "descriptions",
 *       "aliases": [[lang, [term…]]…], "sitelinks", "claims", "lemmas", "lexicalCategory"?, "language"?, "forms":
 *       [form…], "senses": [sense…], "nextFormId"?, "nextSenseId"?, "page": {"pageid", "ns", "title", "lastrevid",
 *       "modified"}?}}</td></tr>
 * </table>
 */
package org.entitybase.model.content;
