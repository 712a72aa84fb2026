package org.entitybase.ids;

import io.quarkus.test.junit.QuarkusTest;

import org.entitybase.testkit.stack.AbstractReadinessIT;

/** id-allocator against the local stack: ready exactly when its dependencies are. */
@QuarkusTest
class ReadinessIT extends AbstractReadinessIT {

    ReadinessIT() {
        super("id-allocator", MARIADB_CHECK);
    }
}
