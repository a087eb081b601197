package com.example.orders.core;

/** An order line: quantity times unit price in cents. */
public record Order(String sku, int quantity, long unitPriceCents) {
    public long totalCents() {
        return quantity * unitPriceCents;
    }
}
