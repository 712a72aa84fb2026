package org.entitybase.model.value;

/**
 * A position on a globe. {@code altitude} is always null in Wikidata output but kept when given; {@code precision}
 * may be null. {@code globe} defaults to Earth ({@code Q2}) when the JSON lacks it.
 */
public record GlobeCoordinateValue(double latitude, double longitude, Double altitude, Double precision, String globe)
        implements DataValue {
    public static final String EARTH = "http://www.wikidata.org/entity/Q2";

    @Override
    public DataValueType type() {
        return DataValueType.GLOBE_COORDINATE;
    }
}
