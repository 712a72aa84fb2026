package org.entitybase.rdf.mapping;

import java.util.List;
import java.util.Map;

import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Resource;

import org.entitybase.model.entity.PropertyDatatype;
import org.entitybase.model.hash.wikibase.RdfNodeNames;
import org.entitybase.model.hash.wikibase.ReferenceHasher;
import org.entitybase.model.hash.wikibase.SnakHasher;
import org.entitybase.model.hash.wikibase.ValueNodeHasher;
import org.entitybase.model.id.EntityId;
import org.entitybase.model.id.EntityType;
import org.entitybase.model.json.PhpNumbers;
import org.entitybase.model.snak.Snak;
import org.entitybase.model.snak.SnakType;
import org.entitybase.model.snak.ValueSnak;
import org.entitybase.model.statement.Rank;
import org.entitybase.model.statement.Reference;
import org.entitybase.model.statement.Statement;
import org.entitybase.model.value.DataValue;
import org.entitybase.model.value.EntityIdValue;
import org.entitybase.model.value.GlobeCoordinateValue;
import org.entitybase.model.value.MonolingualTextValue;
import org.entitybase.model.value.QuantityValue;
import org.entitybase.model.value.StringValue;
import org.entitybase.model.value.TimeValue;

/**
 * Statements, snaks and values: Wikibase's {@code TruthyStatementRdfBuilder}, {@code FullStatementRdfBuilder}, {@code
 * SnakRdfBuilder} and the per-datatype value builders, in one pass over the model.
 */
final class StatementWriter {

    /** Told about properties and entities the written snaks use, for stubs ({@link Flavor.Part#PROPERTIES} …). */
    interface Mentions {
        void property(EntityId propertyId);

        void entity(EntityId id);
    }

    private final RdfVocabulary vocabulary;
    private final Flavor flavor;
    private final TripleSink out;
    private final DedupeBag dedupe;
    private final Mentions mentions;
    private final PropertyDatatypeLookup datatypes;
    private final ExternalIdUriLookup uriPatterns;
    private final UnitConverter units;
    private final boolean fullValues;
    private final boolean normalizedQuantities;
    private final boolean qualifiers;
    private final boolean references;

    StatementWriter(
            RdfVocabulary vocabulary,
            Flavor flavor,
            TripleSink out,
            DedupeBag dedupe,
            Mentions mentions,
            PropertyDatatypeLookup datatypes,
            ExternalIdUriLookup uriPatterns,
            UnitConverter units) {
        this.vocabulary = vocabulary;
        this.flavor = flavor;
        this.out = out;
        this.dedupe = dedupe;
        this.mentions = mentions;
        this.datatypes = datatypes;
        this.uriPatterns = uriPatterns;
        this.units = units;
        this.fullValues = flavor.has(Flavor.Part.FULL_VALUES);
        this.normalizedQuantities = fullValues && flavor.has(Flavor.Part.NORMALIZED_VALUES) && units != null;
        this.qualifiers = flavor.has(Flavor.Part.QUALIFIERS);
        this.references = flavor.has(Flavor.Part.REFERENCES);
    }

    /**
     * The statements of {@code subject} ({@code claims} grouped by property): truthy and/or full as the flavor says.
     * "Best" statements are the preferred ones of a property, else its normal ones; deprecated ones never are.
     */
    void addStatements(EntityId subject, Map<String, List<Statement>> claims) {
        boolean truthy = flavor.has(Flavor.Part.TRUTHY_STATEMENTS);
        boolean full = flavor.has(Flavor.Part.ALL_STATEMENTS);
        if ((!truthy && !full) || claims.isEmpty()) {
            return;
        }
        IRI subjectIri = vocabulary.entityIri(subject);
        RdfVocabulary.Source source = vocabulary.sourceOf(subject.type());
        for (List<Statement> group : claims.values()) {
            Rank best = bestRank(group);
            for (Statement statement : group) {
                boolean isBest = best != null && statement.rank() == best;
                String localName = statement.id() == null ? "" : RdfNodeNames.statementLocalName(statement.id());
                if (truthy && isBest) {
                    addSnak(subjectIri, statement.mainsnak(), SnakRole.DIRECT, localName, source);
                }
                if (full) {
                    addFullStatement(subjectIri, source, statement, localName, isBest);
                }
            }
        }
    }

    private static Rank bestRank(List<Statement> group) {
        Rank best = null;
        for (Statement statement : group) {
            if (statement.rank() == Rank.PREFERRED) {
                return Rank.PREFERRED;
            }
            if (statement.rank() == Rank.NORMAL) {
                best = Rank.NORMAL;
            }
        }
        return best;
    }

    private void addFullStatement(
            IRI subject, RdfVocabulary.Source source, Statement statement, String localName, boolean isBest) {
        PropertyIris property = vocabulary.property(statement.property());
        IRI node = Iris.VF.createIRI(source.statement, localName);
        out.emit(subject, property.claim, node);
        out.emit(node, Iris.RDF_TYPE, Iris.WB_STATEMENT);
        if (statement.rank() != null) {
            if (isBest) {
                out.emit(node, Iris.RDF_TYPE, Iris.WB_BEST_RANK);
            }
            out.emit(node, Iris.WB_RANK, rankIri(statement.rank()));
        }
        addSnak(node, statement.mainsnak(), SnakRole.STATEMENT, localName, source);
        if (qualifiers) {
            for (List<Snak> snaks : statement.qualifiers().values()) {
                for (Snak qualifier : snaks) {
                    addSnak(node, qualifier, SnakRole.QUALIFIER, localName, source);
                }
            }
        }
        if (references) {
            for (Reference reference : statement.references()) {
                addReference(node, source, reference);
            }
        }
    }

    private void addReference(IRI statementNode, RdfVocabulary.Source source, Reference reference) {
        // Wikibase hashes the snaks it holds, never a stored hash (which may be from an older algorithm)
        String hash = ReferenceHasher.hash(reference);
        IRI node = Iris.VF.createIRI(source.reference, hash);
        out.emit(statementNode, Iris.PROV_WAS_DERIVED_FROM, node);
        if (dedupe.alreadySeen('R', hash)) {
            return;
        }
        out.emit(node, Iris.RDF_TYPE, Iris.WB_REFERENCE);
        for (List<Snak> snaks : reference.snaks().values()) {
            for (Snak snak : snaks) {
                addSnak(node, snak, SnakRole.REFERENCE, hash, source);
            }
        }
    }

    private static IRI rankIri(Rank rank) {
        return switch (rank) {
            case PREFERRED -> Iris.WB_PREFERRED_RANK;
            case NORMAL -> Iris.WB_NORMAL_RANK;
            case DEPRECATED -> Iris.WB_DEPRECATED_RANK;
        };
    }

    /**
     * One snak of {@code subject}: the value, a somevalue blank node (labelled from the parent, the predicate
     * namespace, the value namespace and the snak hash, as Wikibase does, so it is stable) or a {@code wdno:} type.
     */
    private void addSnak(
            Resource subject, Snak snak, SnakRole role, String parentLocalName, RdfVocabulary.Source source) {
        PropertyIris property = vocabulary.property(snak.property());
        if (snak instanceof ValueSnak valueSnak) {
            addValue(subject, property, role, valueSnak, source);
        } else if (snak.snakType() == SnakType.SOME_VALUE) {
            String label = RdfNodeNames.someValueLabel(
                    parentLocalName, property.source.simpleNamespace(role), SnakHasher.hash(snak));
            out.emit(subject, property.simple(role), Iris.VF.createBNode(label));
        } else {
            out.emit(subject, Iris.RDF_TYPE, property.novalue);
        }
        mentions.property(property.entityId);
    }

    private void addValue(
            Resource subject, PropertyIris property, SnakRole role, ValueSnak snak, RdfVocabulary.Source source) {
        DataValue value = snak.value();
        IRI predicate = property.simple(role);
        if (value instanceof StringValue string) {
            addString(subject, property, role, string.value(), datatypeOf(snak));
        } else if (value instanceof EntityIdValue entityId) {
            EntityId id = entityId.id();
            if (id.type() == EntityType.ENTITY_SCHEMA) {
                // Wikibase's entity-schema datatype maps to a plain literal of the schema id
                out.emit(subject, predicate, TripleSink.plain(id.value()));
            } else {
                out.emit(subject, predicate, vocabulary.entityIri(id));
                mentions.entity(id);
            }
        } else if (value instanceof MonolingualTextValue text) {
            out.emit(subject, predicate, TripleSink.text(text.text(), text.language()));
        } else if (value instanceof TimeValue time) {
            Literal literal = timeLiteral(time);
            out.emit(subject, predicate, literal);
            if (fullValues && role != SnakRole.DIRECT) {
                addTimeNode(subject, property, role, time, literal, source);
            }
        } else if (value instanceof QuantityValue quantity) {
            out.emit(subject, predicate, TripleSink.typed(quantity.amount(), Iris.XSD_DECIMAL));
            if (fullValues && role != SnakRole.DIRECT) {
                addQuantityNodes(subject, property, role, quantity, source);
            }
        } else if (value instanceof GlobeCoordinateValue globe) {
            out.emit(subject, predicate, wktLiteral(globe));
            if (fullValues && role != SnakRole.DIRECT) {
                addGlobeNode(subject, property, role, globe, source);
            }
        }
    }

    /** The datatype of a snak: its own {@code datatype} when that is a property datatype, else the lookup's. */
    String datatypeOf(Snak snak) {
        String own = snak.datatype();
        if (own != null && PropertyDatatype.fromId(own) != null) {
            return own;
        }
        return datatypes.datatypeOf(snak.property());
    }

    private void addString(Resource subject, PropertyIris property, SnakRole role, String value, String datatype) {
        IRI predicate = property.simple(role);
        if (datatype == null) {
            out.emit(subject, predicate, TripleSink.plain(value));
            return;
        }
        switch (datatype) {
            case "url" -> {
                IRI iri = uri(phpTrim(value));
                if (iri != null) {
                    out.emit(subject, predicate, iri);
                }
            }
            case "commonsMedia" ->
                out.emit(
                        subject,
                        predicate,
                        Iris.VF.createIRI(Iris.COMMONS_FILE_PATH + UrlEncoding.rawUrlEncode(value)));
            case "geo-shape", "tabular-data" ->
                out.emit(subject, predicate, Iris.VF.createIRI(Iris.COMMONS_DATA + UrlEncoding.wfUrlEncode(value)));
            case "external-id" -> {
                String id = phpTrim(value);
                out.emit(subject, predicate, TripleSink.plain(id));
                String pattern = uriPatterns.uriPattern(property.id);
                if (pattern != null) {
                    IRI iri = uri(pattern.replace("$1", UrlEncoding.wfUrlEncode(id)));
                    if (iri != null) {
                        out.emit(subject, property.normalized(role), iri);
                    }
                }
            }
            case "math" -> out.emit(subject, predicate, TripleSink.typed(mathMl(value), Iris.MATHML_DATATYPE));
            default -> out.emit(subject, predicate, TripleSink.plain(value));
        }
    }

    /** An IRI from external data, escaped as Wikibase's writer does; null for strings that are no absolute IRI. */
    static IRI uri(String value) {
        String escaped = UrlEncoding.escapeIri(value);
        return escaped.indexOf(':') > 0 ? Iris.VF.createIRI(escaped) : null;
    }

    /**
     * Wikidata renders the TeX of a math value to MathML with Mathoid; without that renderer the literal carries the
     * TeX in a MathML annotation, so it is still MathML and loses nothing.
     */
    private static String mathMl(String tex) {
        String escaped = tex.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return "<math xmlns=\"" + Iris.MATHML + "\"><semantics><annotation encoding=\"application/x-tex\">" + escaped
                + "</annotation></semantics></math>";
    }

    /** PHP {@code trim}: strips spaces, tabs, newlines, carriage returns, NUL and vertical tabs, nothing else. */
    static String phpTrim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isPhpSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isPhpSpace(s.charAt(end - 1))) {
            end--;
        }
        return start == 0 && end == s.length() ? s : s.substring(start, end);
    }

    private static boolean isPhpSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\0' || c == 0x0B;
    }

    private static Literal timeLiteral(TimeValue time) {
        String dateTime = DateTimeCleaner.xsdDateTime(time);
        return dateTime != null ? TripleSink.typed(dateTime, Iris.XSD_DATE_TIME) : TripleSink.plain(time.time());
    }

    /** {@code Point(lon lat)}, with PHP's 14-digit number strings; other globes than Earth go first as an IRI. */
    private static Literal wktLiteral(GlobeCoordinateValue globe) {
        String point = "Point(" + PhpNumbers.phpString14(globe.longitude()) + " "
                + PhpNumbers.phpString14(globe.latitude()) + ")";
        String globeUri = globe.globe();
        if (globeUri != null && !globeUri.isEmpty() && !GlobeCoordinateValue.EARTH.equals(globeUri)) {
            point = "<" + globeUri.replace(">", "%3E") + "> " + point;
        }
        return TripleSink.typed(point, Iris.GEO_WKT_LITERAL);
    }

    /**
     * Links {@code subject} to the value node {@code wdv:<hash>} and returns the node if this document has not
     * described it yet (the caller then does), else null.
     */
    private IRI attachValueNode(
            Resource subject, IRI predicate, String hash, IRI valueClass, RdfVocabulary.Source source) {
        IRI node = Iris.VF.createIRI(source.value, hash);
        out.emit(subject, predicate, node);
        if (dedupe.alreadySeen('V', hash)) {
            return null;
        }
        out.emit(node, Iris.RDF_TYPE, valueClass);
        return node;
    }

    private void addTimeNode(
            Resource subject,
            PropertyIris property,
            SnakRole role,
            TimeValue time,
            Literal literal,
            RdfVocabulary.Source source) {
        IRI node = attachValueNode(
                subject, property.value(role), ValueNodeHasher.hash(time), Iris.WB_TIME_VALUE_CLASS, source);
        if (node == null) {
            return;
        }
        out.emit(node, Iris.WB_TIME_VALUE, literal);
        out.emit(node, Iris.WB_TIME_PRECISION, TripleSink.typed(Integer.toString(time.precision()), Iris.XSD_INTEGER));
        out.emit(node, Iris.WB_TIME_TIMEZONE, TripleSink.typed(Integer.toString(time.timezone()), Iris.XSD_INTEGER));
        IRI calendar = uri(phpTrim(time.calendarModel()));
        if (calendar != null) {
            out.emit(node, Iris.WB_TIME_CALENDAR_MODEL, calendar);
        }
    }

    private void addGlobeNode(
            Resource subject,
            PropertyIris property,
            SnakRole role,
            GlobeCoordinateValue globe,
            RdfVocabulary.Source source) {
        IRI node = attachValueNode(
                subject,
                property.value(role),
                ValueNodeHasher.hash(globe),
                Iris.WB_GLOBECOORDINATE_VALUE_CLASS,
                source);
        if (node == null) {
            return;
        }
        out.emit(node, Iris.WB_GEO_LATITUDE, doubleLiteral(globe.latitude()));
        out.emit(node, Iris.WB_GEO_LONGITUDE, doubleLiteral(globe.longitude()));
        double precision;
        if (globe.precision() == null) {
            // no precision: Wikibase writes the formatter's default, one arc second (T123392)
            out.emit(node, Iris.RDF_TYPE, Iris.WB_GEO_AUTO_PRECISION);
            precision = 1.0 / 3600;
        } else {
            precision = globe.precision();
        }
        out.emit(node, Iris.WB_GEO_PRECISION, doubleLiteral(precision));
        String globeUri = globe.globe() == null ? GlobeCoordinateValue.EARTH : phpTrim(globe.globe());
        IRI globeIri = uri(globeUri);
        if (globeIri != null) {
            out.emit(node, Iris.WB_GEO_GLOBE, globeIri);
        }
    }

    private static Literal doubleLiteral(double d) {
        return TripleSink.typed(PhpNumbers.phpString14(d), Iris.XSD_DOUBLE);
    }

    /**
     * The quantity's value node and, with a unit converter, its normalized node: a value already in a standard unit
     * is its own normalization, a converted value gets its own node that points to itself. As in Wikibase, the links
     * are written only when the nodes they start from are new in this document.
     */
    private void addQuantityNodes(
            Resource subject,
            PropertyIris property,
            SnakRole role,
            QuantityValue quantity,
            RdfVocabulary.Source source) {
        IRI node = attachValueNode(
                subject, property.value(role), ValueNodeHasher.hash(quantity), Iris.WB_QUANTITY_VALUE_CLASS, source);
        if (node != null) {
            writeQuantity(node, quantity);
        }
        if (!normalizedQuantities) {
            return;
        }
        QuantityValue standard = units.toStandardUnits(quantity);
        if (standard == null) {
            return;
        }
        IRI normalizedPredicate = property.normalized(role);
        if (standard.equals(quantity)) {
            IRI normalized = attachValueNode(
                    subject, normalizedPredicate, ValueNodeHasher.hash(standard), Iris.WB_QUANTITY_VALUE_CLASS, source);
            if (normalized != null) {
                writeQuantity(normalized, standard);
            }
            if (node != null) {
                out.emit(node, Iris.WB_QUANTITY_NORMALIZED, node);
            }
        } else {
            IRI normalized = attachValueNode(
                    subject, normalizedPredicate, ValueNodeHasher.hash(standard), Iris.WB_QUANTITY_VALUE_CLASS, source);
            if (normalized != null) {
                writeQuantity(normalized, standard);
                out.emit(normalized, Iris.WB_QUANTITY_NORMALIZED, normalized);
                if (node != null) {
                    out.emit(node, Iris.WB_QUANTITY_NORMALIZED, normalized);
                }
            }
        }
    }

    private void writeQuantity(IRI node, QuantityValue quantity) {
        out.emit(node, Iris.WB_QUANTITY_AMOUNT, TripleSink.typed(quantity.amount(), Iris.XSD_DECIMAL));
        if (quantity.hasBounds()) {
            out.emit(node, Iris.WB_QUANTITY_UPPER_BOUND, TripleSink.typed(quantity.upperBound(), Iris.XSD_DECIMAL));
            out.emit(node, Iris.WB_QUANTITY_LOWER_BOUND, TripleSink.typed(quantity.lowerBound(), Iris.XSD_DECIMAL));
        }
        String unit = phpTrim(quantity.unit());
        IRI unitIri = "1".equals(unit) ? Iris.UNIT_ONE : uri(unit);
        if (unitIri != null) {
            out.emit(node, Iris.WB_QUANTITY_UNIT, unitIri);
        }
    }
}
