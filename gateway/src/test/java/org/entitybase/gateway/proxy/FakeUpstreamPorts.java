package org.entitybase.gateway.proxy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import org.entitybase.gateway.route.RouteTable;
import org.entitybase.gateway.route.RouteTableSource;

/**
 * Reserves a free port per service of routes.json and points the gateway at it ({@code <SERVICE>_URL}) before Quarkus
 * starts; {@link GatewayProxyTest} then runs its fake services on those ports and can stop one to see it "down".
 */
public class FakeUpstreamPorts implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        for (String service :
                RouteTableSource.fromClasspath().table().services().keySet()) {
            if (!RouteTable.GATEWAY.equals(service)) {
                config.put(Upstreams.overrideVariable(service), "http://127.0.0.1:" + freePort());
            }
        }
        config.put("entitybase.gateway.upstream-idle-timeout", "3s");
        config.put("entitybase.gateway.health-timeout", "3s");
        return config;
    }

    @Override
    public void stop() {}

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
