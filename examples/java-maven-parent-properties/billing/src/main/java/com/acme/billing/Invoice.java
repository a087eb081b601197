package com.acme.billing;

public class Invoice {
    public static void main(String[] args) {
        long cents = 12345;
        String user = System.getProperty("user.name");
        String currency = System.getenv().getOrDefault("CURRENCY", "EUR");
        System.out.printf("JAVA-PARENT-PROPS-OK user=%s total=%d.%02d %s%n", user, cents / 100, cents % 100, currency);
    }
}
