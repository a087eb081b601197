package com.example.inventory;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** Prints a stock report from the bundled stock.properties; the heading comes from -Dreport.title. */
public class Report {
    static Map<String, Integer> load() throws IOException {
        Properties p = new Properties();
        try (InputStream in = Report.class.getResourceAsStream("/stock.properties")) {
            p.load(in);
        }
        Map<String, Integer> stock = new TreeMap<>();
        for (String k : p.stringPropertyNames()) {
            stock.put(k, Integer.parseInt(p.getProperty(k).trim()));
        }
        return stock;
    }

    static int total(Map<String, Integer> stock) {
        return stock.values().stream().mapToInt(Integer::intValue).sum();
    }

    public static void main(String[] args) throws IOException {
        Map<String, Integer> stock = load();
        String title = System.getProperty("report.title", "(no title)");
        System.out.println("JAVA-MAVEN-JAR-OK title=" + title + " items=" + stock.size() + " total=" + total(stock));
        stock.forEach((k, v) -> System.out.println("  " + k + ": " + v));
    }
}
