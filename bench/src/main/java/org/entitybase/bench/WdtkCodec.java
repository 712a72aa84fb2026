package org.entitybase.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

import org.wikidata.wdtk.datamodel.helpers.Datamodel;
import org.wikidata.wdtk.datamodel.helpers.DatamodelMapper;
import org.wikidata.wdtk.datamodel.helpers.JsonSerializer;
import org.wikidata.wdtk.datamodel.implementation.ItemDocumentImpl;
import org.wikidata.wdtk.datamodel.interfaces.ItemDocument;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

/**
 * Wikidata Toolkit 0.16.0 item JSON, bytes in and bytes out, configured exactly as its public helpers are. The public
 * {@code JsonDeserializer.deserializeItemDocument(String)} and {@code JsonSerializer.getJsonString} work on Strings;
 * going through a String would charge WDTK a UTF-8 decode/encode of the whole document that our byte[] API does not
 * pay, so the same reader and mapper are used on bytes instead.
 */
final class WdtkCodec {
    /** What {@code JsonDeserializer}'s item reader is: a {@link DatamodelMapper} reader that accepts {@code []}. */
    private static final ObjectReader ITEM_READER = new DatamodelMapper(Datamodel.SITE_WIKIDATA)
            .readerFor(ItemDocumentImpl.class)
            .with(DeserializationFeature.ACCEPT_EMPTY_ARRAY_AS_NULL_OBJECT);

    private WdtkCodec() {}

    static ItemDocument parseItem(byte[] json) {
        try {
            return ITEM_READER.readValue(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] toBytes(ItemDocument item) {
        try {
            return SerializerMapper.mapper().writeValueAsBytes(item);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Exposes {@code JsonSerializer}'s protected static mapper, the one {@code getJsonString} uses. Never built. */
    private static final class SerializerMapper extends JsonSerializer {
        private SerializerMapper() {
            super(OutputStream.nullOutputStream());
        }

        static ObjectMapper mapper() {
            return mapper;
        }
    }
}
