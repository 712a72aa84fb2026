package org.entitybase.rdf.mapping;

import java.io.OutputStream;
import java.util.Collection;
import java.util.List;

import org.eclipse.rdf4j.rio.RDFWriter;
import org.eclipse.rdf4j.rio.RioSetting;
import org.eclipse.rdf4j.rio.WriterConfig;

/**
 * What {@link NTriplesStreamWriter} and {@link TurtleStreamWriter} share: the byte buffer over the stream and the
 * RDF4J writer-config plumbing. Neither writer has settings: their output always has one shape.
 */
abstract class StreamWriterBase implements RDFWriter, TripleWriter {
    final RdfBytes bytes;
    private WriterConfig config = new WriterConfig();

    StreamWriterBase(OutputStream out) {
        this.bytes = new RdfBytes(out);
    }

    @Override
    public RDFWriter setWriterConfig(WriterConfig config) {
        this.config = config;
        return this;
    }

    @Override
    public WriterConfig getWriterConfig() {
        return config;
    }

    @Override
    public Collection<RioSetting<?>> getSupportedSettings() {
        return List.of();
    }

    @Override
    public <T> RDFWriter set(RioSetting<T> setting, T value) {
        config.set(setting, value);
        return this;
    }

    @Override
    public void startRDF() {}
}
