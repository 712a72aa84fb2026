package org.entitybase.rdf;

import io.quarkus.test.junit.QuarkusTest;

import org.entitybase.runtime.health.KafkaReadinessCheck;
import org.entitybase.runtime.health.S3ReadinessCheck;
import org.entitybase.testkit.stack.AbstractReadinessIT;

/** rdf-service against the local stack: ready exactly when its dependencies are. */
@QuarkusTest
class ReadinessIT extends AbstractReadinessIT {

    ReadinessIT() {
        super("rdf-service", MARIADB_CHECK, S3ReadinessCheck.NAME, KafkaReadinessCheck.NAME, MESSAGING_CHECK);
    }
}
