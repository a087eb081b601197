package org.acme.ping;

public final class Ping {
    public static void main(String[] args) {
        System.out.println("pong from " + System.getProperty("java.vendor"));
    }
}
