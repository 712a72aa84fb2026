package org.entitybase.gateway.route;

import java.net.URI;

/**
 * Where a service listens.
 *
 * @param name the service name the routes refer to
 * @param localUrl base URL on one machine (the local stack)
 * @param k8sService the Kubernetes Service name
 * @param port the container and Service port
 */
public record ServiceEndpoint(String name, URI localUrl, String k8sService, int port) {}
