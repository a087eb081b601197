package com.example.orders.core;

import java.util.List;

public final class Pricing {
    private Pricing() {}

    public static long sumCents(List<Order> orders) {
        return orders.stream().mapToLong(Order::totalCents).sum();
    }

    public static String format(long cents) {
        return String.format("%d.%02d", cents / 100, cents % 100);
    }
}
