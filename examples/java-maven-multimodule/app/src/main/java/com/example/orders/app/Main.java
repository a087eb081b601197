package com.example.orders.app;

import com.example.orders.core.Order;
import com.example.orders.core.Pricing;
import java.util.List;

public class Main {
    public static void main(String[] args) {
        List<Order> orders = List.of(
                new Order("A-100", 3, 1250),
                new Order("B-200", 1, 4999),
                new Order("C-300", 10, 75));
        System.out.println("JAVA-MULTIMODULE-OK orders=" + orders.size()
                + " total=" + Pricing.format(Pricing.sumCents(orders)));
    }
}
