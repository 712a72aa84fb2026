package org.entitybase.deploy.local;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Stands in for a service in {@link SupervisorIT}'s AOT cache cases: a JVM that loads some classes (so that its AOT
 * cache has something to hold and takes a moment to write), says it is ready and waits to be stopped.
 */
public final class AotStandIn {

    private AotStandIn() {}

    public static void main(String[] args) throws InterruptedException {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            words.add(Integer.toString(i, 36));
        }
        var counts = new ConcurrentHashMap<Integer, Long>(
                words.stream().collect(Collectors.groupingBy(String::length, Collectors.counting())));
        System.out.println("stand-in ready " + counts.size());
        Thread.sleep(Long.MAX_VALUE);
    }
}
