package org.acme.clock;

import java.time.Instant;

public final class Clock {
    public static void main(String[] args) {
        System.out.println("clock " + Instant.now());
    }
}
