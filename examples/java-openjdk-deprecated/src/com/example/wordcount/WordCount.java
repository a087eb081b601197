package com.example.wordcount;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/** Counts the words of the bundled sample.txt (on the classpath) and prints the top entries. */
public class WordCount {
    public static void main(String[] args) throws IOException {
        Map<String, Integer> counts = new TreeMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                WordCount.class.getResourceAsStream("/sample.txt"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                for (String w : line.toLowerCase().split("[^a-z]+")) {
                    if (!w.isEmpty()) counts.merge(w, 1, Integer::sum);
                }
            }
        }
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        System.out.println("JAVA-OPENJDK-OK words=" + total + " distinct=" + counts.size()
                + " the=" + counts.getOrDefault("the", 0));
    }
}
